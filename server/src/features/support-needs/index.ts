import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** Who needs support: the ranked list of municipalities with their reasons (R2.4-3, R2.2-6). */
export const supportNeedsFeature = defineServerFeature({
  name: "support-needs",
  register,
});
