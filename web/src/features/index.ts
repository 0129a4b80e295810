import { annualFormsWebFeature } from "./annual-forms";
import { annualReportsWebFeature } from "./annual-reports";
import { annualCompilationsWebFeature } from "./annual-compilations";
import { supportNeedsWebFeature } from "./support-needs";
import { countyDialoguesWebFeature } from "./county-dialogues";
import { statementsWebFeature } from "./statements";
import { reductionCasesWebFeature } from "./reduction-cases";
import type { FEATURES } from "@uppsikt/core";
import type { FeatureStrings } from "../i18n/featureStrings";
import { adminWebFeature } from "./admin";
import { auditWebFeature } from "./audit";
import { clearancesWebFeature } from "./clearances";
import { compensationWebFeature } from "./compensation";
import { criteriaWebFeature } from "./criteria";
import { dialogueWebFeature } from "./dialogue";
import { documentRequestsWebFeature } from "./document-requests";
import { documentsWebFeature } from "./documents";
import { earlyWarningsWebFeature } from "./early-warnings";
import { economyWebFeature } from "./economy";
import { economicReviewsWebFeature } from "./economic-reviews";
import { municipalitiesWebFeature } from "./municipalities";
import { outboxWebFeature } from "./outbox";
import { nationalRulesWebFeature } from "./national-rules";
import { protocolsWebFeature } from "./protocols";
import { visitsWebFeature } from "./visits";
import { referenceWebFeature } from "./reference";
import { watchWebFeature } from "./watch";

/**
 * The one list of the web's features. A new feature adds one line here; the router, the menus, the tabs, the
 * strings and the audit log's labels follow from it.
 */
export const WEB_FEATURES = [
  municipalitiesWebFeature,
  documentsWebFeature,
  dialogueWebFeature,
  earlyWarningsWebFeature,
  documentRequestsWebFeature,
  watchWebFeature,
  criteriaWebFeature,
  referenceWebFeature,
  adminWebFeature,
  clearancesWebFeature,
  auditWebFeature,
  outboxWebFeature,
  nationalRulesWebFeature,
  visitsWebFeature,
  protocolsWebFeature,
  economyWebFeature,
  economicReviewsWebFeature,
  compensationWebFeature,
  annualFormsWebFeature,
  annualReportsWebFeature,
  annualCompilationsWebFeature,
  supportNeedsWebFeature,
  countyDialoguesWebFeature,
  statementsWebFeature,
  reductionCasesWebFeature,
] as const;

type WebFeatures = (typeof WEB_FEATURES)[number];

/** Every core feature declaration is labelled by some web feature: one left out is a type error here. */
type Labelled = Extract<WebFeatures, { labels: unknown }>["labels"]["declaration"]["name"];
type Unlabelled = Exclude<(typeof FEATURES)[number]["name"], Labelled>;
export const everyDeclarationLabelled: [Unlabelled] extends [never] ? true : { unlabelled: Unlabelled } = true;

type Delivered<F> = F extends { strings: { sv: infer S } } ? keyof S : never;
type Undelivered = Exclude<keyof FeatureStrings, Delivered<WebFeatures>>;
/** Every namespace a feature declares (`FeatureStrings`) is delivered by a feature in the list. */
export const everyNamespaceDelivered: [Undelivered] extends [never] ? true : { undelivered: Undelivered } = true;

/** The features' strings in one language, merged (the shell's own strings are in `i18n/sv.ts`, `en.ts`). */
export const featureStrings = (language: "sv" | "en"): FeatureStrings =>
  Object.assign({}, ...WEB_FEATURES.map((f) => ("strings" in f ? f.strings[language] : {}))) as FeatureStrings;
