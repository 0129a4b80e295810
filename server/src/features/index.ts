import type { ServerFeature } from "../platform/feature.js";
import { annualFormsFeature } from "./annual-forms/index.js";
import { annualReportsFeature } from "./annual-reports/index.js";
import { annualCompilationsFeature } from "./annual-compilations/index.js";
import { supportNeedsFeature } from "./support-needs/index.js";
import { countyDialoguesFeature } from "./county-dialogues/index.js";
import { statementsFeature } from "./statements/index.js";
import { reductionCasesFeature } from "./reduction-cases/index.js";
import { auditFeature } from "./audit/index.js";
import { authFeature } from "./auth/index.js";
import { clearancesFeature } from "./clearances/index.js";
import { criteriaFeature } from "./criteria/index.js";
import { dialogueFeature } from "./dialogue/index.js";
import { documentRequestsFeature } from "./document-requests/index.js";
import { documentsFeature } from "./documents/index.js";
import { earlyWarningsFeature } from "./early-warnings/index.js";
import { eventMailsFeature } from "./event-mails/index.js";
import { economyFeature } from "./economy/index.js";
import { economicReviewsFeature } from "./economic-reviews/index.js";
import { healthFeature } from "./health/index.js";
import { municipalitiesFeature } from "./municipalities/index.js";
import { nationalRulesFeature } from "./national-rules/index.js";
import { oslGroundsFeature } from "./osl-grounds/index.js";
import { outboxFeature } from "./outbox/index.js";
import { protocolsFeature } from "./protocols/index.js";
import { referenceFeature } from "./reference/index.js";
import { usersFeature } from "./users/index.js";
import { visitsFeature } from "./visits/index.js";
import { watchFeature } from "./watch/index.js";

/**
 * The one list of server features: `app.ts` registers their routes and watch sources from it, `loadNationalData`
 * (db/seed/national.ts) their reference steps and `main.ts` their demo steps in this order (a step may rely on the
 * ones before it). A new feature adds one import and one
 * entry here; see docs/adding-a-feature.md.
 */
export const SERVER_FEATURES: readonly ServerFeature[] = [
  healthFeature,
  authFeature,
  referenceFeature,
  municipalitiesFeature,
  usersFeature,
  auditFeature,
  documentsFeature,
  oslGroundsFeature,
  clearancesFeature,
  criteriaFeature,
  watchFeature,
  outboxFeature,
  eventMailsFeature,
  dialogueFeature,
  earlyWarningsFeature,
  documentRequestsFeature,
  nationalRulesFeature,
  visitsFeature,
  protocolsFeature,
  economyFeature,
  economicReviewsFeature,
  annualFormsFeature,
  annualReportsFeature,
  annualCompilationsFeature,
  supportNeedsFeature,
  countyDialoguesFeature,
  statementsFeature,
  reductionCasesFeature,
];
