import type { Role } from "../contracts/auth.js";

/**
 * Who may do what, as one table: action × role → condition. No entry means never (403).
 * Scope is checked separately: a target outside the actor's scope is answered 404,
 * so that existence is not revealed.
 *
 *   "yes"         always (within scope)
 *   "countyHead"  a county user with the countyHead flag
 *   "writer"      a municipality user without the readOnly flag
 */
export type Condition = "yes" | "countyHead" | "writer";

export const PERMISSIONS = {
  "counties.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "municipalities.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "municipalities.assignOfficer": { county: "countyHead" },
  "periods.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "agreements.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "agreements.write": { agency: "yes" },
  "users.read": { admin: "yes", county: "countyHead" },
  "users.write": { admin: "yes", county: "countyHead" },
  "audit.read": { agency: "yes", admin: "yes" },
  "oslGrounds.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "oslGrounds.write": { agency: "yes" },
  "clearances.read": { admin: "yes", county: "countyHead" },
  "clearances.write": { admin: "yes", county: "countyHead" },
  "documents.read": { agency: "yes", county: "yes", municipality: "yes" },
  "documents.submit": { county: "yes", municipality: "writer" },
  "documents.reviewQueue": { county: "yes" },
  "documents.matrix": { agency: "yes", county: "yes" },
  "documents.search": { agency: "yes", county: "yes" },
  "rsaSections.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "rsaSections.write": { agency: "yes" },
  "documents.yearTwo": { agency: "yes", county: "yes" },
  "documents.followUp": { county: "yes" },
  "feedback.read": { agency: "yes", county: "yes", municipality: "yes" },
  "feedback.write": { county: "yes" },
  "feedback.awaiting": { agency: "yes", county: "yes" },
  "criteria.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "criteria.write": { agency: "yes" },
  "documentReviews.read": { agency: "yes", county: "yes", municipality: "yes" },
  "documentReviews.write": { county: "yes" },
  "watch.read": { agency: "yes", county: "yes", municipality: "yes" },
  "watch.readCounty": { county: "countyHead" },
  "watch.handOver": { county: "countyHead" },
  "reminderPreferences.manage": { agency: "yes", county: "yes", municipality: "writer" },
  "calendarFeed.manage": { agency: "yes", county: "yes", municipality: "yes" },
  "outbox.read": { admin: "yes" },
  "loginThrottles.read": { admin: "yes" },
  "loginThrottles.lift": { admin: "yes" },
  "dialogue.read": { county: "yes", municipality: "yes" },
  "dialogue.write": { county: "yes" },
  "dialogue.followUpDone": { county: "yes", municipality: "writer" },
  "dialogue.search": { county: "yes" },
  "warnings.read": { county: "yes" },
  "warnings.write": { county: "yes" },
  // The agency sends its own requests in a reduction case (R3.3-1); its case officer owns the watch item.
  "documentRequests.read": { agency: "yes", county: "yes", municipality: "yes" },
  "documentRequests.write": { agency: "yes", county: "yes" },
  "documentRequests.answer": { municipality: "writer" },
  "nationalRules.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "nationalRules.write": { agency: "yes" },
  // Visits (R2.7): the county plans and holds them; only a county head publishes the plan. Municipality users see
  // their own municipality's published planned visits; the agency reads every county's, never a draft plan.
  "visitPlans.read": { agency: "yes", county: "yes", municipality: "yes" },
  "visitPlans.write": { county: "yes" },
  "visitPlans.publish": { county: "countyHead" },
  "visitPlans.editTemplate": { county: "countyHead" },
  "visits.read": { agency: "yes", county: "yes", municipality: "yes" },
  "visits.write": { county: "yes" },
  "visits.nationalCoverage": { agency: "yes" },
  // Protocols (R2.7-7, R2.10-1): county officers write them, a county head approves; municipality users read the
  // sent ones and the draft out for their factual review, on which coordinators comment; the agency reads sent ones.
  "protocols.read": { agency: "yes", county: "yes", municipality: "yes" },
  "protocols.write": { county: "yes" },
  "protocols.approve": { county: "countyHead" },
  "protocols.comment": { municipality: "writer" },
  "protocols.editTemplate": { county: "countyHead" },
  // The action plan (R2.7-8): the municipality's coordinators add and report actions; the county follows up,
  // verifies or sends back; the agency reads every action plan; read-only leadership reads.
  "actions.read": { agency: "yes", county: "yes", municipality: "yes" },
  "actions.write": { county: "yes", municipality: "writer" },
  "actions.verify": { county: "yes" },
  "actions.report": { municipality: "writer" },
  // The economy (R1-5, R2.5, R2.6): the agency keeps the compensation parts and imports the payout lists and reads
  // every municipality's economy; county officers enter costs, opening balances and reviews for their own county's
  // municipalities; municipality users read their own economy and submit their savings plan; leadership reads.
  "economy.read": { agency: "yes", county: "yes", municipality: "yes" },
  "economy.national": { agency: "yes" },
  "compensation.write": { agency: "yes" },
  "costs.write": { county: "yes" },
  "largeSavings.write": { county: "yes" },
  "economicReviews.read": { agency: "yes", county: "yes", municipality: "yes" },
  "economicReviews.write": { county: "yes" },
  "savingsPlans.read": { agency: "yes", county: "yes", municipality: "yes" },
  "savingsPlans.write": { county: "yes", municipality: "writer" },
  // The annual follow-up (R2.4, R1-6, R1-7): the agency defines and publishes the yearly form, reads every county's
  // compilation and compiles the nation, and logs its dialogues with the counties. Coordinators fill and submit their
  // municipality's report (read-only leadership reads it); county officers review, import a report sent outside the
  // system and compile; a county head forwards the compilation to the agency.
  "annualForms.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "annualForms.write": { agency: "yes" },
  "annualReports.read": { agency: "yes", county: "yes", municipality: "yes" },
  "annualReports.write": { municipality: "writer" },
  "annualReports.review": { county: "yes" },
  "annualReports.import": { county: "yes" },
  "annualCompilations.read": { agency: "yes", county: "yes" },
  "annualCompilations.write": { county: "yes" },
  "annualCompilations.forward": { county: "countyHead" },
  "annualCompilations.national": { agency: "yes" },
  "supportNeeds.read": { agency: "yes", county: "yes" },
  "countyDialogues.read": { agency: "yes", county: "yes" },
  "countyDialogues.write": { agency: "yes" },
  // Statements to the agency (R3.1-1, R3.2): county officers see the grounds and draft; a county head who did not
  // draft it approves and sends. The agency reads every sent statement (never a draft); municipality users read the
  // sent statements about their municipality. The county offers a chance to correct wrongful use, which the
  // municipality (or the county, for an answer received outside the system) answers. A coordinator notifies the
  // county of savings the municipality cannot use (R3.3-3).
  "statementGrounds.read": { county: "yes" },
  "statements.read": { agency: "yes", county: "yes", municipality: "yes" },
  "statements.write": { county: "yes" },
  "statements.approve": { county: "countyHead" },
  "statements.send": { county: "countyHead" },
  "correctionOpportunities.read": { agency: "yes", county: "yes", municipality: "yes" },
  "correctionOpportunities.write": { county: "yes" },
  "correctionOpportunities.answer": { county: "yes", municipality: "writer" },
  "savingsNotices.read": { county: "yes", municipality: "yes" },
  "savingsNotices.write": { municipality: "writer" },
  // The agency's reduction case (R3.3): the agency runs it and decides; the county and the municipality concerned
  // read the case, its log and its decision.
  "reductionCases.read": { agency: "yes", county: "yes", municipality: "yes" },
  "reductionCases.write": { agency: "yes" },
} as const satisfies Record<string, Partial<Record<Role, Condition>>>;

export type Action = keyof typeof PERMISSIONS;

/** The role and flags that the conditions read; the server's Actor and the web's Me both fit. */
export interface PermissionSubject {
  role: Role;
  countyHead: boolean;
  readOnly: boolean;
}

function meets(subject: PermissionSubject, condition: Condition | undefined): boolean {
  if (condition === "yes") return true;
  if (condition === "countyHead") return subject.role === "county" && subject.countyHead;
  if (condition === "writer") return subject.role === "municipality" && !subject.readOnly;
  return false;
}

/** Whether the role and flags allow the action anywhere (the server adds the scope check). */
export function allows(subject: PermissionSubject, action: Action): boolean {
  const rules: Partial<Record<Role, Condition>> = PERMISSIONS[action];
  return meets(subject, rules[subject.role]);
}
