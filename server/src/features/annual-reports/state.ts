import { type ReportState, annualReportState, stockholmDate } from "@uppsikt/core";
import type { ReportRow, RoundRow } from "./repository.js";
import type { StoredReportCost } from "./schema.js";

/* A report's status from its rows, by core's one rule, and the small helpers the services share. */

export function stateOf(
  report: Pick<ReportRow, "updatedAt"> | undefined,
  rounds: readonly RoundRow[],
  deadline: string | null,
  today: string,
): ReportState {
  return annualReportState(
    {
      started: report !== undefined,
      savedOn: report ? stockholmDate(report.updatedAt) : null,
      rounds: rounds.map((r) => ({ submittedOn: r.submittedOn, returnedOn: r.returnedOn, acceptedOn: r.acceptedOn })),
    },
    deadline,
    today,
  );
}

/** JSON with object keys sorted, so that equal content compares equal whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const costKey = (c: StoredReportCost) => `${c.part}|${c.category}`;
/** Cost lines in a stable order (part, category), for comparing and storing. */
export const sortedCosts = (costs: readonly StoredReportCost[]): StoredReportCost[] =>
  [...costs]
    .map((c) => ({ part: c.part, category: c.category, amount: c.amount, manualCompilation: c.manualCompilation }))
    .sort((a, b) => costKey(a).localeCompare(costKey(b)));

export const sameCosts = (a: readonly StoredReportCost[], b: readonly StoredReportCost[]) =>
  canonical(sortedCosts(a)) === canonical(sortedCosts(b));

/** The keys whose answers differ between two answer sets. */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => canonical(before[k] ?? null) !== canonical(after[k] ?? null)).sort();
}
