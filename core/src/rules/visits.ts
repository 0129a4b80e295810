import type { DocumentTypeId } from "../contracts/documents.js";
import type { ParticipantRole, VisitStatus } from "../contracts/visits.js";
import { addDays } from "./calendar.js";

/*
 * Formal follow-up visits (R2.7): when a planned visit falls due, what counts toward coverage, who must take part,
 * and whether feedback is owed before a late single visit. Pure rules over facts; the server and the web call them.
 */

export const VISIT_KINDS = ["first", "later", "only"] as const;

export const VISIT_STATUSES = ["planned", "held", "cancelled", "protocolSent"] as const;

/** A visit has taken place: held, and perhaps its protocol sent since. */
export const isHeldStatus = (status: string): boolean => status === "held" || status === "protocolSent";

export const PARTICIPANT_ROLES = [
  "coordinator",
  "chiefExecutive",
  "seniorOfficial",
  "boardChair",
  "commissioner",
  "countyOfficer",
  "other",
] as const;

/** A planned visit is a month (`2025-03`) or a day (`2025-03-12`). */
export const PLANNED_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

const parts = (planned: string) => {
  const m = PLANNED_PATTERN.exec(planned);
  if (!m) throw new RangeError(`not a planned month or date: ${planned}`);
  return { year: Number(m[1]), month: Number(m[2]), day: m[3] === undefined ? null : Number(m[3]) };
};
const pad = (n: number) => String(n).padStart(2, "0");

/** The day a planned visit is due: the date, or a month-only visit's last day. */
export function plannedDueOn(planned: string): string {
  const { year, month, day } = parts(planned);
  if (day !== null) return planned;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

/** The day what must happen before a visit counts from: the date, or a month-only visit's first day. */
export function plannedFrom(planned: string): string {
  const { year, month, day } = parts(planned);
  return day !== null ? planned : `${year}-${pad(month)}-01`;
}

export const plannedYear = (planned: string): number => parts(planned).year;

/** A visit counts toward coverage when it is held or still planned; a cancelled one does not (R2.7-1). */
export const countsTowardCoverage = (visit: { status: VisitStatus }): boolean => visit.status !== "cancelled";

export interface VisitCoverage {
  /** Municipalities with no counted visit in the period. */
  none: number;
  one: number;
  twoOrMore: number;
  /** Visits held, and visits still planned (not cancelled), counted apart. */
  held: number;
  planned: number;
}

/** The county's (or the nation's) coverage of a period: every municipality at least once, preferably twice (R2.7-1). */
export function visitCoverage(municipalities: ReadonlyArray<{ visits: ReadonlyArray<{ status: VisitStatus }> }>) {
  const coverage: VisitCoverage = { none: 0, one: 0, twoOrMore: 0, held: 0, planned: 0 };
  for (const m of municipalities) {
    const counted = m.visits.filter(countsTowardCoverage);
    if (counted.length === 0) coverage.none++;
    else if (counted.length === 1) coverage.one++;
    else coverage.twoOrMore++;
    coverage.held += counted.filter((v) => isHeldStatus(v.status)).length;
    coverage.planned += counted.filter((v) => v.status === "planned").length;
  }
  return coverage;
}

export const PARTICIPANT_WARNING_CODES = [
  "leadershipMissing",
  "politicalLeadershipMissing",
  "coordinatorMissing",
] as const;
export type ParticipantWarningCode = (typeof PARTICIPANT_WARNING_CODES)[number];

export interface ParticipantWarning {
  code: ParticipantWarningCode;
  /** `advice` where the guidance says *bör* (political leadership), else `warning`. */
  severity: "warning" | "advice";
  /** The rule in words, shown beside the warning. */
  rule: string;
  /** Whether it was judged over the invited participants (before the visit is held) or those who attended. */
  over: "invited" | "attended";
}

const PARTICIPANT_RULES: Record<
  ParticipantWarningCode,
  { roles: readonly ParticipantRole[]; severity: ParticipantWarning["severity"]; rule: string }
> = {
  leadershipMissing: {
    roles: ["chiefExecutive", "seniorOfficial"],
    severity: "warning",
    rule: "Kommunledningen ska delta: kommundirektören eller en annan ledande tjänsteperson (vägledningen, avsnitt 2.7).",
  },
  politicalLeadershipMissing: {
    roles: ["boardChair", "commissioner"],
    severity: "advice",
    rule: "Kommunstyrelsens ordförande eller ansvarigt kommunalråd bör delta (vägledningen, avsnitt 2.7).",
  },
  coordinatorMissing: {
    roles: ["coordinator"],
    severity: "warning",
    rule: "Kommunens beredskapssamordnare ska delta (vägledningen, avsnitt 2.7).",
  },
};

/**
 * Who is missing from a visit (R2.7-2): judged over the invited participants until the visit's date held is set,
 * and over those who attended after.
 */
export function participantWarnings(
  participants: ReadonlyArray<{ role: ParticipantRole; attended: boolean }>,
  held: boolean,
): ParticipantWarning[] {
  const counted = held ? participants.filter((p) => p.attended) : participants;
  const over = held ? "attended" : "invited";
  return PARTICIPANT_WARNING_CODES.flatMap((code) => {
    const { roles, severity, rule } = PARTICIPANT_RULES[code];
    return counted.some((p) => roles.includes(p.role)) ? [] : [{ code, severity, rule, over }];
  });
}

export interface FeedbackBeforeVisit {
  /** The document types whose written feedback has not been sent. */
  missing: DocumentTypeId[];
  /** The day the feedback is watched for: the national number of days before the visit's first possible day. */
  dueOn: string;
}

/**
 * Where a municipality's only visit of the period lies in the period's third or fourth year, written feedback on
 * the directing documents must be sent before it (R2.7-4): returns what is still owed and when, or null.
 */
export function feedbackBeforeVisit(
  visit: { planned: string; status: VisitStatus },
  facts: {
    period: { firstYear: number };
    /** Visits of the municipality in the period that count (held or planned). */
    countedVisits: number;
    /** Types with feedback sent in the period. */
    sentFeedback: ReadonlySet<DocumentTypeId>;
  },
  rules: { documentTypes: readonly DocumentTypeId[]; daysBefore: number },
): FeedbackBeforeVisit | null {
  if (visit.status !== "planned" || facts.countedVisits !== 1) return null;
  if (plannedYear(visit.planned) < facts.period.firstYear + 2) return null;
  const missing = rules.documentTypes.filter((t) => !facts.sentFeedback.has(t));
  if (missing.length === 0) return null;
  return { missing, dueOn: addDays(plannedFrom(visit.planned), -rules.daysBefore) };
}
