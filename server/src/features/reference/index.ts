import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** Counties, municipalities, mandate periods and agreements (reference data). */
export const referenceFeature = defineServerFeature({ name: "reference", register });
