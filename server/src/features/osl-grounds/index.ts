import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/**
 * OSL grounds (sekretessgrunder, R2.10-1): the national list, its starter grounds (`starter.ts`, loaded at every start
 * with the national data) and the agency's edits. The table is shared (`db/schema/confidentiality.ts`): confidential
 * parts of every feature name a ground.
 */
export const oslGroundsFeature = defineServerFeature({ name: "osl-grounds", register });
