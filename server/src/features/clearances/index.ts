import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** OSL grounds and clearances (behörigheter). */
export const clearancesFeature = defineServerFeature({ name: "clearances", register });
