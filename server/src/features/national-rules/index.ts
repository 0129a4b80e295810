import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** The national rules as versioned data (deadlines, decision levels, periods, days, shares, the RSA disposition). */
export const nationalRulesFeature = defineServerFeature({ name: "national-rules", register });
