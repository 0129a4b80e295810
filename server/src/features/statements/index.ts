import { defineServerFeature } from "../../platform/feature.js";

/** The county's statements to the agency, their grounds and preconditions, and the chances to correct (R3.1, R3.2). */
export const statementsFeature = defineServerFeature({
  name: "statements",
  register: () => {},
});
