import type {
  AppliedCheck,
  DocumentDeadline,
  DecisionBody,
  DocumentFlag,
  DocumentStatus,
  VersionStatus,
} from "../contracts/documents.js";
import { isPastDue } from "./calendar.js";
import { DECISION_BODY_LABELS, isBelowRequiredLevel } from "./decision-levels.js";
import { deadlineDate } from "./national-rules.js";
import type { MandatePeriod } from "./periods.js";

/** The deadline is computed from the period, never typed in (R2.2-1). */
export function documentDeadline(rule: DocumentDeadline, period: Pick<MandatePeriod, "firstYear">): string {
  return deadlineDate(rule, period);
}

/** Whether a required document is missing: no version has come in and its deadline has passed (R2.2-2). */
export function isDocumentMissing(facts: { hasVersion: boolean }, deadline: string, today: string): boolean {
  return !facts.hasVersion && isPastDue(deadline, today);
}

/** Whether a version is late against the deadline: the deadline day itself is in time (R2.2-2). */
export function isLate(compared: string, deadline: string): boolean {
  return isPastDue(deadline, compared);
}

/** What the watch list follows for one required document of a period (R1-3). */
export interface DocumentWatchDate {
  kind: "documentDeadline" | "yearTwoAgreedDate";
  due: string;
}

/**
 * Nothing once a version has come in; the date agreed with the municipality once one is recorded (R2.2-4);
 * otherwise the deadline (R2.2-1), which stays watched, as overdue, after it has passed.
 */
export function documentWatchDate(
  facts: { hasVersion: boolean; agreedDate: string | null },
  deadline: string,
): DocumentWatchDate | null {
  if (facts.hasVersion) return null;
  return facts.agreedDate !== null
    ? { kind: "yearTwoAgreedDate", due: facts.agreedDate }
    : { kind: "documentDeadline", due: deadline };
}
/** Whether lateness counts from the received date (the RSA report) rather than from the decision date. */
export const measuredFromReceipt = (rule: DocumentDeadline): boolean => rule.measuredFrom === "received";

export interface LatestVersion {
  status: VersionStatus;
  decidedBy: DecisionBody;
  decidedOn: string;
  receivedOn: string;
}

export interface DocumentAssessment {
  deadline: string;
  status: DocumentStatus;
  flags: DocumentFlag[];
  checks: AppliedCheck[];
}

/** Status and flags of one required document (R2.2-2). A deadline day itself is in time. */
export function assessDocument(
  type: { requiredLevel: DecisionBody | null; deadlineRule: DocumentDeadline },
  period: Pick<MandatePeriod, "firstYear">,
  today: string,
  latest: LatestVersion | null,
): DocumentAssessment {
  const deadline = documentDeadline(type.deadlineRule, period);
  if (!latest) {
    const missing = isDocumentMissing({ hasVersion: false }, deadline, today);
    return {
      deadline,
      status: missing ? "missing" : "notYetDue",
      flags: missing ? ["missing"] : [],
      checks: [
        {
          flag: "missing",
          raised: missing,
          rule: `Saknas när ingen version har kommit in och dagens datum är efter sista dag ${deadline}.`,
          inputs: { deadline, today },
        },
      ],
    };
  }
  const byReceipt = measuredFromReceipt(type.deadlineRule);
  const compared = byReceipt ? latest.receivedOn : latest.decidedOn;
  const late = isLate(compared, deadline);
  const below = isBelowRequiredLevel(latest.decidedBy, type.requiredLevel);
  const checks: AppliedCheck[] = [
    {
      flag: "late",
      raised: late,
      rule: byReceipt
        ? `Sen när rapporten kom in till länsstyrelsen efter sista dag ${deadline}.`
        : `Sen när dokumentet beslutades efter sista dag ${deadline}.`,
      inputs: byReceipt ? { deadline, receivedOn: latest.receivedOn } : { deadline, decidedOn: latest.decidedOn },
    },
    {
      flag: "belowRequiredLevel",
      raised: below,
      rule: type.requiredLevel
        ? `Ska beslutas av ${DECISION_BODY_LABELS[type.requiredLevel].toLowerCase()} eller högre (fullmäktige > kommunstyrelsen > kommundirektören > tjänsteperson).`
        : "Kommunen väljer själv beslutsnivå.",
      inputs: { requiredLevel: type.requiredLevel, decidedBy: latest.decidedBy },
    },
  ];
  return { deadline, status: latest.status, flags: checks.filter((c) => c.raised).map((c) => c.flag), checks };
}
