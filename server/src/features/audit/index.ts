import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** The audit log (read). */
export const auditFeature = defineServerFeature({ name: "audit", register });
