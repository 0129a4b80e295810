import { defineServerFeature } from "../../platform/feature.js";

/** The agency's reduction case: the 30 April rule, the decision, legal finality and the invoice (R3.3). */
export const reductionCasesFeature = defineServerFeature({
  name: "reduction-cases",
  register: () => {},
});
