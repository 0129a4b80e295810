/** Pure helpers of the economic reviews' and savings plans' forms and views. */
import { formatDate } from "../../lib/formatDate";

/**
 * An amount typed in a form as the contract reads it: whole kronor with or without spaces and "kr"
 * ("1 234 567 kr" → 1234567); anything else is passed on as typed so that the contract's Swedish message shows.
 */
export function parseKronor(input: string): number | string {
  const compact = input.replace(/[\s\u00a0\u202f]/g, "").replace(/kr$/i, "");
  return /^-?\d+$/.test(compact) ? Number(compact) : input.trim();
}

/** An amount for a form field: digits grouped as in the rest of the interface ("1 234 567"). */
export const kronorText = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** A share as a whole percent, Swedish style: 0.8 → "80 %". */
export const percentText = (share: number): string => `${Math.round(share * 100)}\u00a0%`;

/** What a plan year's outcome says, in the order the view chooses its words. */
export type OutcomeState = "deviation" | "unknown" | "notPlanned" | "onPlan";
export function outcomeState(o: { planned: number; used: number | null; deviation: boolean }): OutcomeState {
  if (o.deviation) return "deviation";
  if (o.planned <= 0) return "notPlanned";
  if (o.used === null) return "unknown";
  return "onPlan";
}

/** The years a review covers in words: "2023–2025", or one year alone. */
export const yearsText = (from: number, to: number): string => (from === to ? String(from) : `${from}–${to}`);

/** The first year of a new savings plan's rows: the newest plan's years, else this year and the next. */
export function planRowsFrom(
  newest:
    | { years: { year: number; plannedSavingsUse: number; plannedCompensationUse: number; activities: string }[] }
    | undefined,
  thisYear: number,
) {
  const rows = newest?.years.length
    ? [...newest.years].sort((a, b) => a.year - b.year)
    : [thisYear, thisYear + 1].map((year) => ({
        year,
        plannedSavingsUse: 0,
        plannedCompensationUse: 0,
        activities: "",
      }));
  return rows.map((r) => ({
    year: String(r.year),
    plannedSavingsUse: r.plannedSavingsUse ? kronorText(r.plannedSavingsUse) : "",
    plannedCompensationUse: r.plannedCompensationUse ? kronorText(r.plannedCompensationUse) : "",
    activities: r.activities,
  }));
}

/** The review form's values: a review's, or a new one's (held today, covering last year). */
export function reviewFormValues(
  review:
    | {
        reviewedOn: string;
        fromYear: number;
        toYear: number;
        findings: string;
        visit: { id: string } | null;
        documentRequests: { id: string }[];
        remainingFunds: { amount: number; reasoning: string; decidedOn: string } | null;
      }
    | undefined,
  today: string,
  thisYear: number,
) {
  const funds = review?.remainingFunds ?? null;
  return {
    reviewedOn: review?.reviewedOn ?? today,
    fromYear: String(review?.fromYear ?? thisYear - 1),
    toYear: String(review?.toYear ?? thisYear - 1),
    findings: review?.findings ?? "",
    visitId: review?.visit?.id ?? "",
    documentRequestIds: review?.documentRequests.map((r) => r.id) ?? [],
    hasFunds: funds !== null,
    remainingFunds: {
      amount: funds ? kronorText(funds.amount) : "",
      reasoning: funds?.reasoning ?? "",
      decidedOn: funds?.decidedOn ?? "",
    },
  };
}
export type ReviewFormValues = ReturnType<typeof reviewFormValues>;

/** The request from the review form: EconomicReviewCreate, or EconomicReviewUpdate with the version started from. */
export function reviewInput(v: ReviewFormValues, version: number | undefined) {
  return {
    ...(version === undefined ? {} : { version }),
    reviewedOn: v.reviewedOn,
    fromYear: v.fromYear.trim(),
    toYear: v.toYear.trim(),
    findings: v.findings,
    visitId: v.visitId || null,
    documentRequestIds: v.documentRequestIds,
    remainingFunds: v.hasFunds
      ? {
          amount: parseKronor(v.remainingFunds.amount),
          reasoning: v.remainingFunds.reasoning,
          decidedOn: v.remainingFunds.decidedOn,
        }
      : null,
  };
}

/** The request from the savings plan form (SavingsPlanCreate): empty amounts are 0; always submitted. */
export function planInput(v: {
  years: { year: string; plannedSavingsUse: string; plannedCompensationUse: string; activities: string }[];
  note: string;
}) {
  return {
    years: v.years.map((r) => ({
      year: r.year.trim(),
      plannedSavingsUse: parseKronor(r.plannedSavingsUse || "0"),
      plannedCompensationUse: parseKronor(r.plannedCompensationUse || "0"),
      activities: r.activities,
    })),
    note: v.note,
    submit: true,
  };
}

/** The Stockholm day of the latest submitted plan version ("inlämnad 2027-03-10"), or null when none is submitted. */
export function latestSubmittedOn(plans: readonly { submittedAt: string | null }[]): string | null {
  const latest = plans
    .map((p) => p.submittedAt)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1);
  return latest ? formatDate(latest) : null;
}
