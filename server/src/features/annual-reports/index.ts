import { defineServerFeature } from "../../platform/feature.js";

/** The municipalities' annual reports and the county's review (R2.4-2). */
export const annualReportsFeature = defineServerFeature({
  name: "annual-reports",
  register: () => {},
});
