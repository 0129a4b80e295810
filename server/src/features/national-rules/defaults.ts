import {
  type NationalRuleVersionInput,
  type NationalRules,
  NationalRules as RulesSchema,
  RSA_DISPOSITION,
} from "@uppsikt/core";

/**
 * The default national rule versions, loaded once when none exist; after that the agency edits them. Each value
 * names its source, or is marked unverified where the source could not be read.
 */
const GUIDANCE = "MSB:s vägledning för länsstyrelsernas uppföljning av kommunernas krisberedskap";
const MSBFS = "MSBFS 2015:5";
const AGREEMENT_2019 = "Överenskommelse om kommunernas krisberedskap 2019–2022, MSB dnr 2018-09779";
const AGREEMENT_2024 = "Överenskommelse om kommunernas arbete med civil beredskap 2024–2026";
const ANVISNINGAR = "Anvisningar för användning av statlig ersättning, MSB dnr 2019-00265";
const SAVINGS_PLAN = "Plan för sparande, MSB dnr 2019-10546";

const EXAMPLE = "exempel ur anvisningarna 2014–2018 (domain-facts), tills myndigheten läser in den officiella listan";
const category = (
  code: string,
  name: string,
  nameEn: string,
  eligibility: "eligible" | "notEligible" | "limited",
  rule: string,
) => ({ code, name, nameEn, eligibility, rule, source: `${ANVISNINGAR}; ${EXAMPLE}`, unverified: true });

/** The cost categories and what the compensation may finance; an example until the agency imports the official one. */
export const costCategories2019 = {
  instructions: ANVISNINGAR,
  example: true,
  items: [
    category(
      "rsaPlanning",
      "Risk- och sårbarhetsanalys och planering",
      "Risk and vulnerability analysis and planning",
      "eligible",
      "Arbete med risk- och sårbarhetsanalys och planering får finansieras.",
    ),
    category(
      "geographicArea",
      "Geografiskt områdesansvar",
      "Geographic area responsibility",
      "eligible",
      "Arbete med det geografiska områdesansvaret får finansieras.",
    ),
    category(
      "trainingExercises",
      "Utbildning och övning",
      "Training and exercises",
      "eligible",
      "Utbildning och övning får finansieras.",
    ),
    category(
      "reporting",
      "Rapportering",
      "Reporting",
      "eligible",
      "Rapportering till länsstyrelsen och myndigheten får finansieras.",
    ),
    category(
      "heightenedAlert",
      "Höjd beredskap",
      "Heightened alert",
      "eligible",
      "Förberedelser för höjd beredskap får finansieras.",
    ),
    category(
      "coordinatingFunction",
      "Samordnande funktion",
      "Coordinating function",
      "eligible",
      "Den funktion som samordnar kommunens arbete får finansieras.",
    ),
    category("collaboration", "Samverkan", "Collaboration", "eligible", "Ersättning för samverkan får finansieras."),
    category(
      "criticalServices",
      "Drift av samhällsviktig verksamhet",
      "Running critical services",
      "notEligible",
      "Drift av samhällsviktig verksamhet får inte finansieras med ersättningen.",
    ),
    category(
      "rakelEquipment",
      "Inköp av Rakelutrustning",
      "Buying Rakel equipment",
      "notEligible",
      "Inköp av Rakelutrustning får inte finansieras med ersättningen.",
    ),
    category(
      "officerOnDuty",
      "Tjänsteperson i beredskap (TiB)",
      "Officer on duty (TiB)",
      "notEligible",
      "Tjänsteperson i beredskap får inte finansieras med ersättningen.",
    ),
    category(
      "actualEvent",
      "Hantering av en inträffad extraordinär händelse",
      "Handling an actual extraordinary event",
      "notEligible",
      "Hanteringen av en inträffad extraordinär händelse får inte finansieras med ersättningen.",
    ),
    category(
      "securityNoLeh",
      "Säkerhetsarbete utan koppling till LEH",
      "Security work with no link to LEH",
      "notEligible",
      "Säkerhetsarbete utan koppling till LEH får inte finansieras med ersättningen.",
    ),
    category(
      "investments",
      "Investeringar",
      "Investments",
      "notEligible",
      "Investeringar får inte finansieras med ersättningen.",
    ),
  ],
};

const costCategories2024 = {
  ...costCategories2019,
  items: costCategories2019.items.map((c) =>
    c.code === "investments"
      ? {
          ...c,
          eligibility: "limited" as const,
          rule: "Begränsade investeringar får göras där de tydligt stärker beredskapen (från 2024); granskas.",
          source: `${AGREEMENT_2024}; ${EXAMPLE}`,
        }
      : c,
  ),
};

/** The weights of the support-need reasons (R2.4-3): a proposal until the agency sets them. */
export const DEFAULT_SUPPORT_NEED_WEIGHTS = {
  value: {
    annualReportLate: 2,
    annualReportMissing: 5,
    warningAnswer: 2,
    worseThanLastYear: 1,
    notEligibleCosts: 3,
    largeSavings: 2,
    documentMissing: 3,
    documentLate: 1,
    overdueActions: 2,
    openEarlyWarnings: 3,
  },
  unverified: true,
  source: "Uppsikts förslag till vikter; att fastställa av MCF",
};

const rules2019: NationalRules = RulesSchema.parse({
  costCategories: costCategories2019,
  documentTypes: [
    {
      id: "rsa",
      name: "Risk- och sårbarhetsanalys (RSA)",
      nameEn: "Risk and vulnerability analysis (RSA)",
      requiredDecisionLevel: null,
      deadline: { yearOfPeriod: 1, month: 10, day: 31, measuredFrom: "received" },
      feedbackExpected: true,
      position: 1,
      source: `${MSBFS} § 4; ${GUIDANCE}, tabell 2.2`,
    },
    {
      id: "steeringDocument",
      name: "Styrdokument för krisberedskap",
      nameEn: "Steering document for crisis preparedness",
      requiredDecisionLevel: "council",
      deadline: { yearOfPeriod: 1, month: 12, day: 31, measuredFrom: "decided" },
      feedbackExpected: true,
      position: 2,
      source: `${AGREEMENT_2019}; ${GUIDANCE}, tabell 2.2`,
    },
    {
      id: "crisisBoardRules",
      name: "Reglemente för krisledningsnämnden",
      nameEn: "Rules for the crisis management board",
      requiredDecisionLevel: "council",
      deadline: { yearOfPeriod: 1, month: 12, day: 31, measuredFrom: "decided" },
      feedbackExpected: false,
      position: 3,
      source: `${AGREEMENT_2019}; ${GUIDANCE}, tabell 2.2`,
    },
    {
      id: "emergencyPlan",
      name: "Plan för hantering av extraordinära händelser",
      nameEn: "Plan for handling extraordinary events",
      requiredDecisionLevel: "chiefExecutive",
      deadline: { yearOfPeriod: 1, month: 12, day: 31, measuredFrom: "decided" },
      feedbackExpected: false,
      position: 4,
      source: `${AGREEMENT_2019}; ${GUIDANCE}, tabell 2.2`,
    },
    {
      id: "trainingAndExercisePlan",
      name: "Utbildnings- och övningsplan",
      nameEn: "Training and exercise plan",
      requiredDecisionLevel: "chiefExecutive",
      deadline: { yearOfPeriod: 1, month: 12, day: 31, measuredFrom: "decided" },
      feedbackExpected: true,
      position: 5,
      source: `${AGREEMENT_2019}; ${GUIDANCE}, tabell 2.2`,
    },
  ],
  electionYears: { value: [2018, 2022, 2026], source: "Vallagen (2005:837): allmänna val i september vart fjärde år" },
  periodLength: { value: 4, source: "Mandatperioden: fyra kalenderår från 1 januari efter valet" },
  feedbackWaitDays: { value: 60, unverified: true, source: `${GUIDANCE}, avsnitt om skriftlig återkoppling` },
  lateVisitFeedbackDays: { value: 30, unverified: true },
  firstVisitDocumentTypes: {
    value: ["rsa", "steeringDocument", "trainingAndExercisePlan", "emergencyPlan"],
    source: `${GUIDANCE}, avsnitt 2.7.1`,
  },
  lateVisitFeedbackDocumentTypes: {
    value: ["rsa", "steeringDocument", "trainingAndExercisePlan"],
    source: `${GUIDANCE}, avsnitt 2.7.1 ("de inriktande dokumenten"; urvalet att stämma av)`,
    unverified: true,
  },
  factualReviewReplyDays: { value: 21, unverified: true },
  verificationAfterReportedDoneDays: { value: 30, unverified: true },
  largeSavingsShare: { value: 0.5, unverified: true, source: SAVINGS_PLAN },
  savingsPlanTolerance: { value: 0.2, unverified: true, source: SAVINGS_PLAN },
  savingsPlanDueDays: { value: 90, unverified: true, source: SAVINGS_PLAN },
  annualReportDeadline: { value: { month: 2, day: 15 }, source: `${AGREEMENT_2019}; ${GUIDANCE}` },
  annualReportCompletionDays: { value: 30, unverified: true },
  annualReportReviewDays: { value: 30, unverified: true },
  countyForwardingDeadline: { value: { month: 3, day: 31 }, unverified: true },
  agencyDecisionDays: { value: 90, unverified: true },
  paymentStopCutOff: {
    value: { month: 4, day: 30, inclusive: true },
    source: `${AGREEMENT_2019}, avsnitt 6.4; ${GUIDANCE}`,
  },
  appealWeeks: { value: 3, source: "Förvaltningslagen (2017:900) 44 §" },
  overdueActionsForGround: { value: 2, unverified: true },
  supportNeedWeights: DEFAULT_SUPPORT_NEED_WEIGHTS,
  limitedInvestmentsAllowed: { value: false, source: ANVISNINGAR },
  rsaDisposition: {
    sections: RSA_DISPOSITION.map((s) => ({
      position: s.position,
      title: s.title,
      keywords: s.keywords,
      required: s.required ?? true,
      verified: s.required ?? true,
    })),
    source: `${MSBFS} § 4 (avsnitt 6 hör till § 5 och är frivilligt) – att stämma av mot föreskriften`,
    unverified: true,
  },
});

/** 2024: one combined agreement; limited investments allowed. The other values carry over. */
const rules2024: NationalRules = RulesSchema.parse({
  ...rules2019,
  documentTypes: rules2019.documentTypes.map((t) =>
    t.id === "rsa" ? t : { ...t, source: `${AGREEMENT_2024}; ${GUIDANCE}, tabell 2.2` },
  ),
  annualReportDeadline: { value: { month: 2, day: 15 }, source: AGREEMENT_2024 },
  paymentStopCutOff: { value: { month: 4, day: 30, inclusive: true }, source: `${AGREEMENT_2024}; ${GUIDANCE}` },
  costCategories: costCategories2024,
  limitedInvestmentsAllowed: {
    value: true,
    source: `${AGREEMENT_2024}: begränsade investeringar får göras där de tydligt stärker beredskapen`,
  },
});

/** The cost categories a stored version without them gets (the list of the default version in force on its day). */
export const defaultCostCategoriesOn = (appliesFrom: string) =>
  appliesFrom >= "2024-01-01" ? costCategories2024 : costCategories2019;

export const DEFAULT_NATIONAL_RULE_VERSIONS: NationalRuleVersionInput[] = [
  { appliesFrom: "2019-01-01", sourceTitle: AGREEMENT_2019, sourceDnr: "MSB 2018-09779", rules: rules2019 },
  { appliesFrom: "2024-01-01", sourceTitle: AGREEMENT_2024, sourceDnr: null, rules: rules2024 },
];
