import {
  compareSwedish,
  outcomeHasAmount,
  type CaseLogEntry,
  type ReductionCase,
  type ReductionCaseListItem,
  type ReductionCaseStatus,
  type ReductionOutcome,
} from "@uppsikt/core";

/** Pure helpers of the reduction cases (form values, order, what shows for whom); no React, so they are unit tested. */

/** A number field's value: Mantine's NumberInput gives a number, or a string while empty or half typed. */
export type Num = number | string;

/** A typed number, or undefined when empty; NaN when it is no number. */
export const numberOf = (v: Num): number | undefined => {
  if (typeof v === "number") return v;
  const text = v.trim().replace(/\s/g, "").replace(",", ".");
  return text === "" ? undefined : Number(text);
};

/** The performed share as typed in percent (0–100) to the contract's 0–1; undefined when empty. */
export function shareOfPercent(percent: Num): number | undefined {
  const n = numberOf(percent);
  if (n === undefined || Number.isNaN(n)) return n;
  return Math.round(n * 100) / 10_000;
}

/** The contract's share (0–1) as a percent for showing or editing: 0.755 → 75.5. */
export const percentOfShare = (share: number): number => Math.round(share * 10_000) / 100;

/** "75,5 %" in Swedish, "75.5 %" in English. */
export const formatPercent = (share: number, language: string) =>
  `${new Intl.NumberFormat(language.startsWith("en") ? "en-GB" : "sv-SE", { maximumFractionDigits: 2 }).format(percentOfShare(share))} %`;

export interface DecisionValues extends Record<string, unknown> {
  outcome: ReductionOutcome | "";
  amount: Num;
  perPart: boolean;
  /** One amount per part of the year's compensation, by part code. */
  parts: Record<string, Num>;
  performedShare: Num;
  reasoning: string;
  decidedOn: string;
  notifiedOn: string;
}

export const decisionFormValues = (c: ReductionCase, today: string): DecisionValues => ({
  outcome: c.allowedOutcomes.length === 1 ? c.allowedOutcomes[0]! : "",
  amount: "",
  perPart: false,
  parts: Object.fromEntries(c.compensation.map((p) => [p.part, ""])),
  performedShare: "",
  reasoning: "",
  decidedOn: today,
  notifiedOn: "",
});

/**
 * The contract's input (`ReductionDecisionInput`) from the form: the amount only for an outcome that takes one (0
 * otherwise), the per-part amounts only when chosen (their sum is the amount), the share from percent to 0–1, an
 * empty notification day as null.
 */
export function decisionInput(c: Pick<ReductionCase, "version">, v: DecisionValues) {
  const outcome = v.outcome || undefined;
  const takesAmount = outcome !== undefined && outcomeHasAmount(outcome);
  const parts =
    takesAmount && v.perPart ? Object.entries(v.parts).map(([part, a]) => ({ part, amount: numberOf(a) ?? 0 })) : null;
  const amount = !takesAmount ? 0 : parts ? parts.reduce((sum, p) => sum + p.amount, 0) : numberOf(v.amount);
  return {
    version: c.version,
    outcome,
    amount,
    parts,
    performedShare: shareOfPercent(v.performedShare) ?? null,
    reasoning: v.reasoning.trim(),
    decidedOn: v.decidedOn,
    notifiedOn: v.notifiedOn || null,
  };
}

/** The form's own rules the contract cannot state: a percent between 0 and 100, an amount for a reduction. */
export function decisionErrors(
  v: DecisionValues,
  messages: { shareRange: string; amountRequired: string; dateRequired: string },
): Record<string, string | undefined> {
  const errors: Record<string, string | undefined> = {};
  const percent = numberOf(v.performedShare);
  if (percent !== undefined && (Number.isNaN(percent) || percent < 0 || percent > 100))
    errors.performedShare = messages.shareRange;
  if (v.outcome && outcomeHasAmount(v.outcome) && !v.perPart && numberOf(v.amount) === undefined)
    errors.amount = messages.amountRequired;
  if (!v.decidedOn) errors.decidedOn = messages.dateRequired;
  return errors;
}

/** Where a contract path of the decision shows in the form (`parts.1.amount` → that part's field). */
export function decisionFieldFor(path: string, values: DecisionValues): string | undefined {
  const m = /^parts\.(\d+)/.exec(path);
  if (m) {
    const part = Object.keys(values.parts)[Number(m[1])];
    return part === undefined ? "amount" : `parts.${part}`;
  }
  if (path === "amount" && values.perPart) {
    const first = Object.keys(values.parts)[0];
    return first === undefined ? "amount" : `parts.${first}`;
  }
  return undefined;
}

/** What each reader is offered on the case page: the agency writes; the county and the municipality read. */
export interface CaseSections {
  changeReceived: boolean;
  decisionForm: boolean;
  notify: boolean;
  registerAppeal: boolean;
  enterFinal: boolean;
  markInvoiceSent: boolean;
  logForm: boolean;
  requestForm: boolean;
}

export function caseSections(c: ReductionCase, mayRequest: boolean): CaseSections {
  const w = c.can.write;
  const d = c.decision;
  return {
    changeReceived: w && d === null,
    decisionForm: w && d === null,
    notify: w && d !== null && d.notifiedOn === null,
    registerAppeal: w && d !== null && d.notifiedOn !== null && c.appeal === null && c.status !== "legallyFinal",
    enterFinal: w && c.appeal !== null && c.appeal.decidedOn === null,
    markInvoiceSent: w && c.invoice !== null && c.invoice.sentOn === null,
    logForm: w,
    requestForm: w && mayRequest,
  };
}

export const STATUS_ORDER: Record<ReductionCaseStatus, number> = { open: 0, appealed: 1, decided: 2, legallyFinal: 3 };

/** Open cases first by the day the decision is due, then the others; within the same, by municipality (Swedish). */
export const caseOrder = (items: readonly ReductionCaseListItem[]): ReductionCaseListItem[] =>
  [...items].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.decisionDueOn.localeCompare(b.decisionDueOn) ||
      compareSwedish(a.municipality.name, b.municipality.name) ||
      b.receivedOn.localeCompare(a.receivedOn),
  );

/** The counties that have cases, by Swedish name, for the county filter. */
export function countiesOf(items: readonly ReductionCaseListItem[]) {
  const byCode = new Map(items.map((i) => [i.county.code, i.county.name]));
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => compareSwedish(a.name, b.name));
}

/** Newest first by the day, then by when written. */
export const logNewestFirst = (items: readonly CaseLogEntry[]): CaseLogEntry[] =>
  [...items].sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt));

/** The Swedish (or English) month and day of an ISO date: "2026-04-30" → "30 april". */
export const dayOfYearInWords = (isoDate: string, language: string) =>
  new Intl.DateTimeFormat(language.startsWith("en") ? "en-GB" : "sv-SE", {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T12:00:00Z`));

/** Whether an open case's decision is past its due day (the watch list's number of days after received). */
export const isDecisionOverdue = (c: Pick<ReductionCaseListItem, "status" | "decisionDueOn">, today: string) =>
  c.status === "open" && today !== "" && c.decisionDueOn < today;

/** The sum of the per-part amounts as typed (empty and unreadable fields count as 0). */
export const partsSum = (parts: Record<string, Num>): number =>
  Object.values(parts).reduce<number>((sum, a) => {
    const n = numberOf(a);
    return sum + (n === undefined || Number.isNaN(n) ? 0 : n);
  }, 0);

export interface LogValues extends Record<string, unknown> {
  on: string;
  form: CaseLogEntry["form"];
  with: CaseLogEntry["with"];
  text: string;
}

export const logFormValues = (today: string): LogValues => ({
  on: today,
  form: "meeting",
  with: ["municipality"],
  text: "",
});

/** The log entry's input: the parties in a fixed order (the municipality, then the county), the text trimmed. */
export const logInput = (v: LogValues) => ({
  on: v.on,
  form: v.form,
  with: (["municipality", "county"] as const).filter((p) => v.with.includes(p)),
  text: v.text.trim(),
});

export interface RequestValues extends Record<string, unknown> {
  subject: string;
  message: string;
  replyBy: string;
  confidential: boolean;
  basis: string;
}

export const requestFormValues = (): RequestValues => ({
  subject: "",
  message: "",
  replyBy: "",
  confidential: false,
  basis: "",
});

/** The agency's request in a case: the existing request's input with the case it belongs to. */
export const requestInput = (caseId: string, v: RequestValues) => ({
  subject: v.subject,
  message: v.message,
  replyBy: v.replyBy,
  confidentialBasis: v.confidential ? v.basis : null,
  reductionCase: caseId,
});

/** The rule's source as the case shows it: the source, marked "ej verifierad" when it is; only that without one. */
export const ruleSourceText = (rule: { source: string | null; unverified: boolean }, unverifiedWord: string) =>
  rule.source === null || rule.source.trim() === ""
    ? unverifiedWord
    : rule.unverified
      ? `${rule.source} (${unverifiedWord})`
      : rule.source;
