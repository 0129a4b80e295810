/**
 * Accumulated savings (R2.6-1), per municipality and compensation part, year by year:
 *
 *   closing(y) = max(0, opening(y) + received(y) − usedCosts(y))
 *
 * opening(y) is an opening balance the county entered for the part and year, else the part's closing of y − 1, else
 * (in the part's first year) its predecessor's closing of y − 1, else 0. received is the paid amount after any
 * reduction, minus repayments concerning the year (withheld or merely announced money is not received). usedCosts are
 * costs in `eligible` and `limited` categories; costs in `notEligible` ones never lower savings and are flagged.
 * Parts that do not count toward savings are shown with their money and costs but no savings.
 */

export const COMPENSATION_STATUSES = ["announced", "paid", "withheld", "reduced", "repaid"] as const;
type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];
export const ELIGIBILITIES = ["eligible", "notEligible", "limited"] as const;
type Eligibility = (typeof ELIGIBILITIES)[number];
export const COST_SOURCES = ["county", "annualReport", "import"] as const;

export interface SavingsPart {
  code: string;
  countsTowardSavings: boolean;
  /** The part it succeeds across agreement generations: its opening balance is the predecessor's closing. */
  predecessor: string | null;
  firstYear: number;
  /** null: open-ended. */
  lastYear: number | null;
}

export interface CompensationEntry {
  part: string;
  year: number;
  /** The announced amount, whole kronor. */
  amount: number;
  status: CompensationStatus;
  /** For `reduced`: the reduction; for `repaid`: the amount paid back. Whole kronor. */
  adjustment: number | null;
}

export interface CostEntry {
  part: string;
  year: number;
  category: string;
  amount: number;
}

export interface OpeningBalanceEntry {
  part: string;
  year: number;
  amount: number;
}

export interface SavingsInput {
  parts: SavingsPart[];
  from: number;
  to: number;
  compensation: CompensationEntry[];
  /** The effective costs of each year (one source per year: the county's entry supersedes the annual report's). */
  costs: CostEntry[];
  openings: OpeningBalanceEntry[];
  /** A category's eligibility in a year (by the instructions in force that year); unknown categories count as limited. */
  eligibility: (year: number, category: string) => Eligibility | undefined;
}

export interface PartYear {
  part: string;
  year: number;
  countsTowardSavings: boolean;
  announced: number;
  received: number;
  /** Costs that lower savings: eligible and limited categories. */
  usedCosts: number;
  /** Costs in notEligible categories: never lower savings. */
  flaggedCosts: number;
  /** Costs in limited categories (part of usedCosts), flagged for review. */
  limitedCosts: number;
  /** Used costs beyond what was available: the municipality's own funding. */
  ownFunding: number;
  /** null for a part that does not count toward savings. */
  opening: number | null;
  closing: number | null;
}

export interface YearTotal {
  year: number;
  announced: number;
  received: number;
  usedCosts: number;
  flaggedCosts: number;
  closing: number;
}

/** Money actually received for an entry: withheld and announced-only money is not received. */
export function receivedOf(entry: Pick<CompensationEntry, "amount" | "status" | "adjustment">): number {
  switch (entry.status) {
    case "paid":
      return entry.amount;
    case "reduced":
    case "repaid":
      return Math.max(0, entry.amount - (entry.adjustment ?? 0));
    case "withheld":
    case "announced":
      return 0;
  }
}

export const isPartActive = (part: SavingsPart, year: number) =>
  year >= part.firstYear && (part.lastYear === null || year <= part.lastYear);

const key = (part: string, year: number) => `${part}|${year}`;

/** The part-years of the span, computed in year order so every predecessor's closing is known when needed. */
export function computeSavings(input: SavingsInput): PartYear[] {
  const sum = new Map<
    string,
    { announced: number; received: number; used: number; flagged: number; limited: number }
  >();
  const cell = (part: string, year: number) => {
    const k = key(part, year);
    let c = sum.get(k);
    if (!c) sum.set(k, (c = { announced: 0, received: 0, used: 0, flagged: 0, limited: 0 }));
    return c;
  };
  for (const e of input.compensation) {
    const c = cell(e.part, e.year);
    c.announced += e.amount;
    c.received += receivedOf(e);
  }
  for (const cost of input.costs) {
    const c = cell(cost.part, cost.year);
    const eligibility = input.eligibility(cost.year, cost.category) ?? "limited";
    if (eligibility === "notEligible") c.flagged += cost.amount;
    else {
      c.used += cost.amount;
      if (eligibility === "limited") c.limited += cost.amount;
    }
  }
  const openings = new Map(input.openings.map((o) => [key(o.part, o.year), o.amount]));
  const closing = new Map<string, number>();
  const result: PartYear[] = [];
  for (let year = input.from; year <= input.to; year++) {
    for (const part of input.parts) {
      const c = sum.get(key(part.code, year));
      if (!isPartActive(part, year) && !c) continue;
      const announced = c?.announced ?? 0;
      const received = c?.received ?? 0;
      const usedCosts = c?.used ?? 0;
      const row: PartYear = {
        part: part.code,
        year,
        countsTowardSavings: part.countsTowardSavings,
        announced,
        received,
        usedCosts,
        flaggedCosts: c?.flagged ?? 0,
        limitedCosts: c?.limited ?? 0,
        ownFunding: 0,
        opening: null,
        closing: null,
      };
      if (part.countsTowardSavings) {
        const opening =
          openings.get(key(part.code, year)) ??
          closing.get(key(part.code, year - 1)) ??
          (part.predecessor ? closing.get(key(part.predecessor, year - 1)) : undefined) ??
          0;
        const available = opening + received;
        row.opening = opening;
        row.closing = Math.max(0, available - usedCosts);
        row.ownFunding = Math.max(0, usedCosts - available);
        closing.set(key(part.code, year), row.closing);
      } else {
        row.ownFunding = Math.max(0, usedCosts - received);
      }
      result.push(row);
    }
  }
  return result;
}

/** The year's totals over the parts that count toward savings. */
export function yearTotals(rows: PartYear[], year: number): YearTotal {
  const counted = rows.filter((r) => r.year === year && r.countsTowardSavings);
  const total = (f: (r: PartYear) => number) => counted.reduce((s, r) => s + f(r), 0);
  return {
    year,
    announced: total((r) => r.announced),
    received: total((r) => r.received),
    usedCosts: total((r) => r.usedCosts),
    flaggedCosts: total((r) => r.flaggedCosts),
    closing: total((r) => r.closing ?? 0),
  };
}

/** Σ closing / Σ announced; null when nothing was announced. */
export const savingsShare = (t: Pick<YearTotal, "closing" | "announced">): number | null =>
  t.announced > 0 ? t.closing / t.announced : null;

/**
 * Large savings (R2.6-1): Σ closing(y) > share × Σ announced(y) over the parts that count. Announced, not received,
 * so a withheld payment cannot divide by zero.
 */
export const isLargeSavings = (t: Pick<YearTotal, "closing" | "announced">, share: number): boolean =>
  t.closing > share * t.announced;

/** The year large savings are judged on: the latest year of the span whose costs are in; null when none are. */
export function judgedYear(yearsWithCosts: Iterable<number>, to: number): number | null {
  let best: number | null = null;
  for (const y of yearsWithCosts) if (y <= to && (best === null || y > best)) best = y;
  return best;
}

/**
 * A savings plan's outcome (R2.6-2): savingsUsed(y) = Σ closing(y − 1) − Σ closing(y); a deviation when the plan
 * planned to use savings that year and less than (1 − tolerance) of it was used.
 */
export function savingsPlanOutcome(
  planned: { year: number; plannedSavingsUse: number }[],
  closingByYear: Map<number, number>,
  tolerance: number,
): { year: number; planned: number; used: number | null; deviation: boolean }[] {
  return planned.map((p) => {
    const before = closingByYear.get(p.year - 1);
    const after = closingByYear.get(p.year);
    const used = before === undefined || after === undefined ? null : before - after;
    const deviation = used !== null && p.plannedSavingsUse > 0 && used < (1 - tolerance) * p.plannedSavingsUse;
    return { year: p.year, planned: p.plannedSavingsUse, used, deviation };
  });
}
