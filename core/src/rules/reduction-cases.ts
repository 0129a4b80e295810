import { addDays, yearOf } from "./calendar.js";

/*
 * The agency's reduction case (R3.3-1, R3.3-2): what a county statement does to the year's payment, which decisions
 * fit, when the decision becomes legally final, and what the compensation's status is while and after it is decided.
 * Every number is a national value passed in (the cut-off day, the weeks to appeal, the days to decide).
 */

export const REDUCTION_EFFECTS = ["withheld", "repaymentIfDecided"] as const;
export type ReductionEffectCode = (typeof REDUCTION_EFFECTS)[number];
export const REDUCTION_OUTCOMES = ["noReduction", "reduction", "noRepayment", "repayment"] as const;
export type ReductionOutcomeCode = (typeof REDUCTION_OUTCOMES)[number];
export const REDUCTION_CASE_STATUSES = ["open", "decided", "appealed", "legallyFinal"] as const;
export type ReductionCaseStatusCode = (typeof REDUCTION_CASE_STATUSES)[number];

/** The national value: a statement received on (inclusive) or before this day of the year stops that year's payment. */
export interface PaymentStopCutOff {
  month: number;
  day: number;
  /** Whether the day itself counts as "before" (Uppsikt's reading of the guidance: yes). */
  inclusive: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The cut-off day of a year as an ISO date. */
export function cutOffDate(year: number, cutOff: PaymentStopCutOff): string {
  return `${year}-${pad(cutOff.month)}-${pad(cutOff.day)}`;
}

export interface EffectOfReceipt {
  /** The only year the case affects: the year the statement was received. */
  year: number;
  effect: ReductionEffectCode;
  cutOffOn: string;
  /** The rule as the case shows it, in Swedish. */
  rule: string;
}

/** The 30 April rule, from the date the agency received the statement. */
export function effectOfReceipt(receivedOn: string, cutOff: PaymentStopCutOff): EffectOfReceipt {
  const year = yearOf(receivedOn);
  const cutOffOn = cutOffDate(year, cutOff);
  const before = cutOff.inclusive ? receivedOn <= cutOffOn : receivedOn < cutOffOn;
  const day = `${cutOff.day} ${MONTHS[cutOff.month - 1]}`;
  const rule = cutOff.inclusive
    ? `Ett yttrande som inkommer senast den ${day} (dagen räknas som före) stoppar årets utbetalning till beslut; därefter kan beslutet bara gälla återbetalning.`
    : `Ett yttrande som inkommer före den ${day} stoppar årets utbetalning till beslut; från och med den ${day} kan beslutet bara gälla återbetalning.`;
  return { year, effect: before ? "withheld" : "repaymentIfDecided", cutOffOn, rule };
}

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** The decisions that fit the effect: a stopped payment is reduced or released; a paid one repaid or not. */
export function outcomesFor(effect: ReductionEffectCode): readonly ReductionOutcomeCode[] {
  return effect === "withheld" ? ["noReduction", "reduction"] : ["noRepayment", "repayment"];
}

/** Whether the outcome takes an amount (a reduction or a repayment). */
export const outcomeHasAmount = (outcome: ReductionOutcomeCode) => outcome === "reduction" || outcome === "repayment";

/**
 * The last day to appeal (förvaltningslagen 44 §, lag (1930:173) om beräkning av lagstadgad tid): the given weeks
 * after the day the municipality was notified, moved to the next weekday when it falls on a day that is not a
 * working day (Saturday, Sunday, a public holiday, midsommarafton, julafton, nyårsafton: `isNonWorkingDay`).
 */
export function lastAppealDay(notifiedOn: string, appealWeeks: number, isNonWorkingDay: (isoDate: string) => boolean) {
  let day = addDays(notifiedOn, appealWeeks * 7);
  for (let i = 0; i < 14 && isNonWorkingDay(day); i++) day = addDays(day, 1);
  return day;
}

/** A weekend day, by the calendar (holidays come from the caller's holiday list). */
export function isWeekend(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export interface FinalityInput {
  notifiedOn: string | null;
  lastAppealDay: string | null;
  appealLodgedOn: string | null;
  /** The day the agency entered after an appeal: the decision is legally final from it. */
  appealDecidedOn: string | null;
}

/** The day the decision becomes legally final: the day after the last day of appeal, or the date entered after an appeal. */
export function legallyFinalOn(input: FinalityInput): string | null {
  if (input.appealLodgedOn !== null) return input.appealDecidedOn;
  if (input.notifiedOn === null || input.lastAppealDay === null) return null;
  return addDays(input.lastAppealDay, 1);
}

export interface CaseStatusInput extends FinalityInput {
  outcome: ReductionOutcomeCode | null;
}

/** Where the case is on `today`. */
export function reductionCaseStatus(input: CaseStatusInput, today: string): ReductionCaseStatusCode {
  if (input.outcome === null) return "open";
  const final = legallyFinalOn(input);
  if (final !== null && final <= today) return "legallyFinal";
  if (input.appealLodgedOn !== null) return "appealed";
  return "decided";
}

/** The day the agency's decision is due: a national number of days after the statement was received. */
export const decisionDueOn = (receivedOn: string, decisionDays: number) => addDays(receivedOn, decisionDays);

/**
 * A decided amount split over the year's compensation parts in proportion to their amounts (largest remainder, whole
 * kronor), unless the decision gives the amount per part. Parts with no amount get nothing.
 */
export function splitOverParts(amount: number, parts: readonly { part: string; amount: number }[]) {
  const total = parts.reduce((sum, p) => sum + p.amount, 0);
  if (total <= 0 || amount <= 0) return parts.map((p) => ({ part: p.part, amount: 0 }));
  const exact = parts.map((p) => ({ part: p.part, exact: (amount * p.amount) / total }));
  const shares = exact.map((e) => ({ part: e.part, amount: Math.floor(e.exact), rest: e.exact - Math.floor(e.exact) }));
  let left = amount - shares.reduce((sum, s) => sum + s.amount, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    s.amount += 1;
    left -= 1;
  }
  return shares.map((s) => ({ part: s.part, amount: s.amount }));
}

export type CaseCompensationStatus = "withheld" | "paid" | "reduced" | "repaid";

export interface CompensationUnderCase {
  part: string;
  status: CaseCompensationStatus;
  /** For `reduced` the reduction, for `repaid` the repayment. */
  adjustment: number | null;
  statusOn: string;
}

export interface CaseForCompensation extends FinalityInput {
  receivedOn: string;
  effect: ReductionEffectCode;
  outcome: ReductionOutcomeCode | null;
  decidedOn: string | null;
  /** The decided amount per part (reduction or repayment). */
  parts: readonly { part: string; amount: number }[];
}

/**
 * What the case makes of each part's compensation in the year received, on `today`; `null` for a part the case
 * leaves as it is (a payment that stands). A stopped payment is `withheld` until decided, then `paid` (no reduction)
 * or `reduced`; a repayment makes it `repaid` once the decision is legally final (when the invoice is made).
 */
export function compensationUnderCase(
  c: CaseForCompensation,
  yearParts: readonly string[],
  today: string,
): Map<string, CompensationUnderCase | null> {
  const decided = new Map(c.parts.map((p) => [p.part, p.amount]));
  const out = new Map<string, CompensationUnderCase | null>();
  const final = legallyFinalOn(c);
  for (const part of yearParts) {
    if (c.effect === "withheld") {
      if (c.outcome === null) out.set(part, { part, status: "withheld", adjustment: null, statusOn: c.receivedOn });
      else if (c.outcome === "reduction" && (decided.get(part) ?? 0) > 0)
        out.set(part, { part, status: "reduced", adjustment: decided.get(part)!, statusOn: c.decidedOn! });
      else out.set(part, { part, status: "paid", adjustment: null, statusOn: c.decidedOn! });
    } else if (c.outcome === "repayment" && final !== null && final <= today && (decided.get(part) ?? 0) > 0)
      out.set(part, { part, status: "repaid", adjustment: decided.get(part)!, statusOn: final });
    else out.set(part, null);
  }
  return out;
}

/** Whether a repayment invoice is due: a repayment decision that is legally final on `today`. */
export function invoiceDue(c: CaseStatusInput, today: string): boolean {
  if (c.outcome !== "repayment") return false;
  const final = legallyFinalOn(c);
  return final !== null && final <= today;
}
