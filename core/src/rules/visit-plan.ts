import { compareSwedish } from "./collation.js";
import type { VisitKind } from "../contracts/visits.js";

/*
 * The system's proposal of a county's visit plan for a mandate period (R2.7-3, R2.7-1), which the county head
 * then edits: every municipality at least once, two where the capacity allows, earlier and twice for those that
 * need it most, none in the period's first year, spread over the years and over the responsible officers.
 */

export const PLAN_PRIORITY_REASONS = ["weakAssessment", "missingDocuments", "lateDocuments", "openWarnings"] as const;
export type PlanPriorityReason = (typeof PLAN_PRIORITY_REASONS)[number];

const REASON_WORDS: Record<PlanPriorityReason, string> = {
  weakAssessment: "svag bedömning vid förra besöket",
  missingDocuments: "saknade dokument",
  lateDocuments: "sena dokument",
  openWarnings: "öppna tidiga varningar",
};

export interface PlanMunicipality {
  code: string;
  name: string;
  officerId: string | null;
  /** Why the municipality needs an early and a second visit; empty when nothing stands out. */
  priority: readonly PlanPriorityReason[];
}

export interface ProposedVisit {
  municipality: string;
  /** A month, `YYYY-MM`. */
  planned: string;
  kind: VisitKind;
  reason: string;
}

/** Months visits are proposed in: not January (the year's planning), not the summer holidays, not December. */
export const PROPOSAL_MONTHS = [2, 3, 4, 5, 6, 9, 10, 11] as const;

interface Wanted {
  m: PlanMunicipality;
  kind: VisitKind;
  /** Index of the preferred year among the proposal's years. */
  prefer: number;
  /** The first visit's year index, for a later visit (it may not come before). */
  after?: number;
}

const byNeed = (a: PlanMunicipality, b: PlanMunicipality) =>
  b.priority.length - a.priority.length || compareSwedish(a.name, b.name) || a.code.localeCompare(b.code);

function reasonOf(m: PlanMunicipality, visits: number): string {
  const why = m.priority.map((r) => REASON_WORDS[r]);
  if (visits === 2 && why.length > 0) return `Två besök, det första tidigt: ${why.join(", ")}.`;
  if (visits === 2) return "Två besök under perioden (kapaciteten räcker).";
  if (why.length > 0) return `Ett besök, tidigt i perioden: ${why.join(", ")}. Kapaciteten räcker inte till två.`;
  return "Ett besök under perioden.";
}

/** Takes the first year index from `order` with room left, else the least-filled one. */
function place(order: number[], used: number[], capacity: number): number {
  const free = order.find((y) => used[y]! < capacity);
  const year = free ?? order.reduce((best, y) => (used[y]! < used[best]! ? y : best), order[0]!);
  used[year]!++;
  return year;
}

/**
 * The proposal. `visitsPerYear`: the county's capacity, a setting of the plan. The years are the period's second
 * year onward (the first year's documents are being decided). With too little capacity for one visit each, every
 * municipality still gets one (the coverage then shows the plan is over capacity).
 */
export function proposeVisitPlan(input: {
  period: { firstYear: number; lastYear: number };
  visitsPerYear: number;
  municipalities: readonly PlanMunicipality[];
}): ProposedVisit[] {
  const years: number[] = [];
  for (let y = input.period.firstYear + 1; y <= input.period.lastYear; y++) years.push(y);
  if (years.length === 0 || input.municipalities.length === 0) return [];
  const last = years.length - 1;
  const capacity = Math.max(0, Math.floor(input.visitsPerYear));
  const ordered = [...input.municipalities].sort(byNeed);
  const seconds = Math.max(0, Math.min(ordered.length, capacity * years.length - ordered.length));
  const twice = new Set(ordered.slice(0, seconds).map((m) => m.code));

  const wanted: Wanted[] = [];
  let alternate = 0;
  for (const m of ordered) {
    if (twice.has(m.code)) {
      wanted.push({ m, kind: "first", prefer: 0 });
      wanted.push({ m, kind: "later", prefer: last });
    } else if (m.priority.length > 0) {
      wanted.push({ m, kind: "only", prefer: 0 });
    } else {
      // Spread the single visits without a priority over the later years.
      wanted.push({ m, kind: "only", prefer: Math.min(last, 1 + (alternate++ % Math.max(1, last))) });
    }
  }

  const used = years.map(() => 0);
  const yearOf = new Map<Wanted, number>();
  const near = (prefer: number, min = 0) =>
    years
      .map((_, i) => i)
      .filter((i) => i >= min)
      .sort((a, b) => Math.abs(a - prefer) - Math.abs(b - prefer) || a - b);
  for (const w of wanted.filter((w) => w.kind !== "later")) yearOf.set(w, place(near(w.prefer), used, capacity));
  for (const w of wanted.filter((w) => w.kind === "later")) {
    const first = wanted.find((f) => f.m.code === w.m.code && f.kind === "first")!;
    yearOf.set(w, place(near(w.prefer, yearOf.get(first)!), used, capacity));
  }

  // Within a year: officers interleaved, so one officer's visits spread over the months; a first visit before the
  // same municipality's later one.
  const proposal: ProposedVisit[] = [];
  years.forEach((year, index) => {
    const inYear = wanted.filter((w) => yearOf.get(w) === index);
    const byOfficer = new Map<string, Wanted[]>();
    for (const w of inYear) {
      const key = w.m.officerId ?? "";
      byOfficer.set(key, [...(byOfficer.get(key) ?? []), w]);
    }
    const queues = [...byOfficer.values()];
    const interleaved: Wanted[] = [];
    for (let i = 0; interleaved.length < inYear.length; i++) for (const q of queues) if (q[i]) interleaved.push(q[i]!);
    for (const later of interleaved.filter((w) => w.kind === "later")) {
      const i = interleaved.indexOf(later);
      const j = interleaved.findIndex((w) => w.m.code === later.m.code && w.kind === "first");
      if (j > i) [interleaved[i], interleaved[j]] = [interleaved[j]!, interleaved[i]!];
    }
    interleaved.forEach((w, i) => {
      const month = PROPOSAL_MONTHS[Math.floor((i * PROPOSAL_MONTHS.length) / interleaved.length)]!;
      proposal.push({
        municipality: w.m.code,
        planned: `${year}-${String(month).padStart(2, "0")}`,
        kind: w.kind,
        reason: reasonOf(w.m, twice.has(w.m.code) ? 2 : 1),
      });
    });
  });
  return proposal.sort((a, b) => a.planned.localeCompare(b.planned) || a.municipality.localeCompare(b.municipality));
}
