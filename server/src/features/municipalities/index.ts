import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** Counties and municipalities with their responsible officers. */
export const municipalitiesFeature = defineServerFeature({ name: "municipalities", register });
