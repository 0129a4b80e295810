import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";
import {
  caseDocumentRequestSource,
  legalFinalitySource,
  reductionDecisionSource,
  repaymentInvoiceSource,
} from "./watch-source.js";

/** The agency's reduction case: the 30 April rule, the decision, legal finality and the invoice (R3.3). */
export const reductionCasesFeature = defineServerFeature({
  name: "reduction-cases",
  register,
  watchSources: () => ({
    reductionDecision: reductionDecisionSource,
    legalFinality: legalFinalitySource,
    repaymentInvoice: repaymentInvoiceSource,
    caseDocumentRequest: caseDocumentRequestSource,
  }),
});
