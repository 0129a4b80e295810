import { defineServerFeature } from "../../platform/feature.js";

/** The agency's yearly form of the annual follow-up (R2.4-1). */
export const annualFormsFeature = defineServerFeature({
  name: "annual-forms",
  register: () => {},
});
