import { defineServerFeature } from "../../platform/feature.js";
import { statementsDemo } from "./demo.js";
import { register } from "./routes.js";
import { correctionChanceSource, savingsNoticeSource, statementApprovalSource } from "./watch-source.js";

/** The county's statements to the agency, their grounds and preconditions, and the chances to correct (R3.1, R3.2). */
export const statementsFeature = defineServerFeature({
  name: "statements",
  register,
  watchSources: () => ({
    statementApproval: statementApprovalSource,
    correctionChance: correctionChanceSource,
    savingsNotice: savingsNoticeSource,
  }),
  demo: statementsDemo,
});
