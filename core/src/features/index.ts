import { defineFeature } from "./define.js";

/**
 * The one list of features that core knows of. A new feature adds its declaration here (one line in `FEATURES`);
 * the audit action and watch-kind unions follow from it.
 */
export const platformFeature = defineFeature({
  name: "platform",
  auditActions: [
    "sessions.create",
    "sessions.delete",
    "sessions.reject",
    "loginThrottles.start",
    "loginThrottles.lift",
    "users.create",
    "users.update",
    "municipalities.assignOfficer",
    "agreements.create",
    "agreements.update",
    "reference.load",
    "demo.seed",
    "confidential.read",
  ],
  entityTypes: ["user", "session", "loginThrottle", "municipality", "county", "agreement", "reference"],
  watchKinds: [],
});

export const documentsFeature = defineFeature({
  name: "documents",
  auditActions: [
    "documents.submit",
    "documents.recordFollowUp",
    "documentReviews.save",
    "feedback.create",
    "feedback.update",
    "feedback.send",
    "feedback.waive",
    "rsaSections.replace",
  ],
  entityTypes: [
    "documentVersion",
    "documentFile",
    "documentFollowUp",
    "documentReview",
    "documentFeedback",
    "documents",
    "rsaSections",
  ],
  watchKinds: ["documentDeadline", "yearTwoAgreedDate", "feedbackOwed"],
});

export const criteriaFeature = defineFeature({
  name: "criteria",
  auditActions: ["criteria.import", "criteria.activate"],
  entityTypes: ["criteriaLibraryVersion"],
  watchKinds: [],
});

export const clearancesFeature = defineFeature({
  name: "clearances",
  auditActions: ["clearances.grant", "clearances.withdraw", "oslGrounds.create", "oslGrounds.update"],
  entityTypes: ["clearance", "oslGround"],
  watchKinds: [],
});

export const dialogueFeature = defineFeature({
  name: "dialogue",
  auditActions: ["dialogue.create", "dialogue.update", "dialogue.followUpDone"],
  entityTypes: ["dialogueEntry", "dialogueFollowUp", "dialogue"],
  watchKinds: ["dialogueFollowUp"],
});

export const earlyWarningsFeature = defineFeature({
  name: "early-warnings",
  auditActions: ["warnings.raise", "warnings.resolve"],
  entityTypes: ["warning"],
  watchKinds: [],
});

export const documentRequestsFeature = defineFeature({
  name: "document-requests",
  auditActions: ["documentRequests.create", "documentRequests.answer", "documentRequests.close"],
  entityTypes: ["documentRequest", "documentRequestAnswer", "documentRequestFile"],
  watchKinds: ["documentRequest"],
});

export const watchFeature = defineFeature({
  name: "watch",
  auditActions: ["watch.handOver", "reminderPreferences.update", "calendarFeed.create", "calendarFeed.revoke"],
  entityTypes: ["calendarToken"],
  watchKinds: [],
});

export const nationalRulesFeature = defineFeature({
  name: "national-rules",
  auditActions: ["nationalRules.create", "nationalRules.update", "nationalRules.import"],
  entityTypes: ["nationalRuleVersion"],
  watchKinds: [],
});

export const visitsFeature = defineFeature({
  name: "visits",
  auditActions: [
    "visitPlans.update",
    "visitPlans.propose",
    "visitPlans.publish",
    "visitPlans.updateTemplate",
    "visits.create",
    "visits.update",
    "visits.selectCriteria",
    "visits.assess",
  ],
  entityTypes: ["visitPlan", "visit", "visitLetterTemplate"],
  watchKinds: ["visit", "feedbackBeforeVisit"],
});

export const protocolsFeature = defineFeature({
  name: "protocols",
  auditActions: [
    "protocols.update",
    "protocols.factualReview",
    "protocols.comment",
    "protocols.approve",
    "protocols.send",
    "protocols.correct",
    "protocols.updateTemplate",
    "actions.create",
    "actions.update",
    "actions.report",
  ],
  entityTypes: ["visitProtocol", "protocolTemplate", "action", "actionFile"],
  watchKinds: ["action", "actionVerification", "actionPlan", "protocolFactualReview"],
});

export const economyFeature = defineFeature({
  name: "economy",
  auditActions: [
    "compensationParts.create",
    "compensationParts.update",
    "compensation.import",
    "compensation.update",
    "costs.replace",
    "openingBalances.update",
    "largeSavings.detect",
    "largeSavings.clear",
    "largeSavings.updateDue",
  ],
  entityTypes: ["compensationPart", "compensationAmount", "costSet", "openingBalance", "largeSavings"],
  watchKinds: [],
});

export const economicReviewsFeature = defineFeature({
  name: "economic-reviews",
  auditActions: [
    "economicReviews.create",
    "economicReviews.update",
    "economicReviews.attach",
    "economicReviews.visitReview",
    "savingsPlans.create",
  ],
  entityTypes: ["economicReview", "economicReviewFile", "savingsPlan"],
  watchKinds: ["savingsPlanOwed"],
});

export const annualFormsFeature = defineFeature({
  name: "annual-forms",
  auditActions: ["annualForms.create", "annualForms.update", "annualForms.publish", "annualForms.import"],
  entityTypes: ["annualForm"],
  watchKinds: [],
});

export const annualReportsFeature = defineFeature({
  name: "annual-reports",
  auditActions: [
    "annualReports.save",
    "annualReports.submit",
    "annualReports.return",
    "annualReports.accept",
    "annualReports.import",
    "annualReports.attach",
    "annualReports.upgrade",
  ],
  entityTypes: ["annualReport", "annualReportFile"],
  watchKinds: ["annualReportDue", "annualReportReturned", "annualReportReview"],
});

export const annualCompilationsFeature = defineFeature({
  name: "annual-compilations",
  auditActions: ["annualCompilations.update", "annualCompilations.forward"],
  entityTypes: ["annualCompilation"],
  watchKinds: ["compilationForwarding"],
});

export const supportNeedsFeature = defineFeature({
  name: "support-needs",
  auditActions: [],
  entityTypes: [],
  watchKinds: [],
});

export const countyDialoguesFeature = defineFeature({
  name: "county-dialogues",
  auditActions: ["countyDialogues.create", "countyDialogues.followUpDone"],
  entityTypes: ["countyDialogue", "countyDialogueFollowUp"],
  watchKinds: ["countyDialogueFollowUp"],
});

export const statementsFeature = defineFeature({
  name: "statements",
  auditActions: [
    "statements.create",
    "statements.update",
    "statements.approve",
    "statements.send",
    "correctionOpportunities.create",
    "correctionOpportunities.answer",
    "savingsNotices.create",
  ],
  entityTypes: ["statement", "correctionOpportunity", "savingsNotice"],
  watchKinds: ["statementApproval", "correctionChance", "savingsNotice"],
});

export const reductionCasesFeature = defineFeature({
  name: "reduction-cases",
  auditActions: [
    "reductionCases.open",
    "reductionCases.update",
    "reductionCases.decide",
    "reductionCases.appealLodged",
    "reductionCases.appealDecided",
    "reductionCases.invoice",
    "reductionCases.invoiceSent",
    "reductionCases.logEntry",
  ],
  entityTypes: ["reductionCase", "reductionCaseLogEntry", "repaymentInvoice"],
  watchKinds: ["reductionDecision", "legalFinality", "repaymentInvoice", "caseDocumentRequest"],
});

export const FEATURES = [
  platformFeature,
  documentsFeature,
  criteriaFeature,
  clearancesFeature,
  dialogueFeature,
  earlyWarningsFeature,
  documentRequestsFeature,
  watchFeature,
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
] as const;

type Declared = (typeof FEATURES)[number];
/** Every audit action the system writes (`<resource>.<verb>`). */
export type AuditAction = Declared["auditActions"][number];
/** Every entity type an audit event names. */
export type AuditEntityType = Declared["entityTypes"][number];
/** Every kind of watched date. */
export type WatchKind = Declared["watchKinds"][number];

export const AUDIT_ACTIONS: readonly AuditAction[] = FEATURES.flatMap((f) => f.auditActions);
export const AUDIT_ENTITY_TYPES: readonly AuditEntityType[] = FEATURES.flatMap((f) => f.entityTypes);
export const WATCH_KINDS: readonly WatchKind[] = FEATURES.flatMap((f) => f.watchKinds);

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);
export const isWatchKind = (value: string): value is WatchKind => (WATCH_KINDS as readonly string[]).includes(value);
