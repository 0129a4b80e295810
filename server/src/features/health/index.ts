import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** Health check and the public configuration. */
export const healthFeature = defineServerFeature({ name: "health", register });
