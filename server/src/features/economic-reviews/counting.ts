import { type ReviewCount, type ReviewCountVisit, countEconomicReviews } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { nationalPeriodOn, nationalRulesReader } from "../national-rules/rules-on.js";
import {
  type CountingReviewRow,
  type CountingVisitRow,
  findCountingReviews,
  findCountingVisits,
} from "./counting-repository.js";

/** The day a visit counts on: the held day, else the planned day (a planned month: its first day). */
export function visitDate(v: Pick<CountingVisitRow, "planned" | "heldOn">): string {
  if (v.heldOn) return v.heldOn;
  return /^\d{4}-\d{2}$/.test(v.planned) ? `${v.planned}-01` : v.planned;
}

export function toCountVisit(v: CountingVisitRow): ReviewCountVisit {
  return { id: v.id, date: visitDate(v), cancelled: v.status === "cancelled", impliesReview: v.exemptedAt === null };
}

/** Pure: counts per municipality from the period's rows (every code gets an entry). */
export function countByMunicipality(
  codes: readonly string[],
  visitRows: CountingVisitRow[],
  reviewRows: CountingReviewRow[],
  today: string,
): Map<string, ReviewCount> {
  const out = new Map<string, ReviewCount>();
  for (const code of codes) {
    const vs = visitRows.filter((v) => v.municipalityCode === code).map(toCountVisit);
    const rs = reviewRows
      .filter((r) => r.municipalityCode === code)
      .map((r) => ({ id: r.id, reviewedOn: r.reviewedOn, visitId: r.visitId }));
    out.set(code, countEconomicReviews(vs, rs, today));
  }
  return out;
}

/** The economic reviews of a period (default: the mandate period current on `today`) per municipality (R2.5-1). */
export async function reviewCountsFor(
  db: Executor,
  codes: string[],
  today: string,
  period?: number,
): Promise<Map<string, ReviewCount>> {
  const id = period ?? nationalPeriodOn((await nationalRulesReader(db).on(today)).rules, today).id;
  const visitRows = await findCountingVisits(db, codes, id);
  const reviewRows = await findCountingReviews(db, codes, id);
  return countByMunicipality(codes, visitRows, reviewRows, today);
}
