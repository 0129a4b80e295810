import { defineServerFeature } from "../../platform/feature.js";
import { annualFormsDemo } from "./demo.js";
import { register } from "./routes.js";

/** The agency's yearly form of the annual follow-up (R2.4-1). */
export const annualFormsFeature = defineServerFeature({
  name: "annual-forms",
  register,
  demo: annualFormsDemo,
});
