import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** The national criteria library (R4-1). */
export const criteriaFeature = defineServerFeature({ name: "criteria", register });
