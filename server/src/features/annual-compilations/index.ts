import { defineServerFeature } from "../../platform/feature.js";

/** The county's and the nation's compilations of the annual reports (R2.4-2, R1-6). */
export const annualCompilationsFeature = defineServerFeature({
  name: "annual-compilations",
  register: () => {},
});
