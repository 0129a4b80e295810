import { defineServerFeature } from "../../platform/feature.js";
import { protocolsDemo } from "./demo.js";
import { register } from "./routes.js";
import { actionPlanSource, actionVerificationSource, actionsSource, factualReviewSource } from "./watch-source.js";

/** The protocol after a visit: factual review, approval, sending, corrections, the secret appendix (R2.7-7). */
export const protocolsFeature = defineServerFeature({
  name: "protocols",
  register,
  watchSources: () => ({
    action: actionsSource,
    actionVerification: actionVerificationSource,
    actionPlan: actionPlanSource,
    protocolFactualReview: factualReviewSource,
  }),
  demo: protocolsDemo,
});
