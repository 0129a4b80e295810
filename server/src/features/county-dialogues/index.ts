import { defineServerFeature } from "../../platform/feature.js";

/** The agency's follow-up dialogues with the counties (R1-7). */
export const countyDialoguesFeature = defineServerFeature({
  name: "county-dialogues",
  register: () => {},
});
