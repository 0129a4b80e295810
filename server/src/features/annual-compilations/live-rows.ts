import { type Answers, type CompilationRow, annualReportState, compareSwedish, stockholmDate } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import * as repo from "./repository.js";

/*
 * The live rows of a county's compilation (R2.4-2): one per municipality, in Swedish order, with the status, dates,
 * late and missing from core's annualReportState and the answers of the latest submission (never an unsubmitted
 * draft: the county sees what was submitted to it).
 */

export interface LiveRow extends CompilationRow {
  /** The report's version of the year's form, null when not started. */
  formId: string | null;
  costs: NonNullable<CompilationRow["costs"]>;
}

export async function liveRows(
  db: Executor,
  municipalities: repo.Ref[],
  year: number,
  currentDeadline: string | null,
  today: string,
): Promise<LiveRow[]> {
  const { reports, rounds } = await repo.findReports(
    db,
    year,
    municipalities.map((m) => m.code),
  );
  const deadlines = await repo.findFormDeadlines(db, [...new Set(reports.map((r) => r.formId))]);
  const byCode = new Map(reports.map((r) => [r.municipalityCode, r]));
  const roundsOf = new Map<string, repo.RoundRow[]>();
  for (const r of rounds) roundsOf.set(r.reportId, [...(roundsOf.get(r.reportId) ?? []), r]);
  return municipalities
    .map((m): LiveRow => {
      const report = byCode.get(m.code);
      const own = report ? (roundsOf.get(report.id) ?? []) : [];
      const state = annualReportState(
        {
          started: report !== undefined,
          savedOn: report ? stockholmDate(report.updatedAt) : null,
          rounds: own.map((r) => ({ submittedOn: r.submittedOn, returnedOn: r.returnedOn, acceptedOn: r.acceptedOn })),
        },
        (report && deadlines.get(report.formId)) ?? currentDeadline,
        today,
      );
      const last = own[own.length - 1];
      return {
        municipality: { code: m.code, name: m.name },
        status: state.status,
        submittedOn: state.submittedOn,
        late: state.late,
        missing: state.missing,
        answers: (last?.answers ?? {}) as Answers,
        costs: (last?.costs ?? []).map((c) => ({ ...c })),
        formId: report?.formId ?? null,
      };
    })
    .sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name));
}

/** The row as stored in a forwarded version and shown (without the internal form id). */
export const publicRow = ({ formId: _formId, ...row }: LiveRow): CompilationRow => row;
