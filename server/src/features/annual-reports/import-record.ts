import { type Answers, stockholmDate } from "@uppsikt/core";
import type { Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import * as repo from "./repository.js";
import type { StoredReportCost } from "./schema.js";
import { canonical, sameCosts, sortedCosts, stateOf } from "./state.js";

export interface ImportedReport {
  code: string;
  year: number;
  formId: string;
  answers: Answers;
  costs: StoredReportCost[];
}

/**
 * A county user enters a report received outside the system (R1-6): saved as submitted by the county, source
 * "import", as a new round. "unchanged" when the answers and costs equal the latest round's; Conflict when the report
 * is already submitted and awaiting review, or accepted, and the answers differ. The caller authorizes (county scope)
 * and checks the answers and costs against the form; this audits ("annualReports.import") in the caller's transaction.
 */
export async function recordImportedReport(
  tx: Tx,
  ctx: ActorContext,
  input: ImportedReport,
): Promise<"created" | "updated" | "unchanged"> {
  const { code, year, formId, answers } = input;
  const costs = sortedCosts(input.costs);
  const now = ctx.clock.now();
  const report = await repo.findReport(tx, code, year);
  const rounds = report ? await repo.findRounds(tx, [report.id]) : [];
  const last = rounds[rounds.length - 1];
  if (last && canonical(last.answers) === canonical(answers) && sameCosts(last.costs, costs)) return "unchanged";
  const deadlines = await repo.formDeadlines(tx, [report?.formId ?? formId]);
  const state = stateOf(report, rounds, deadlines.get(report?.formId ?? formId) ?? null, ctx.clock.today());
  if (state.status === "submitted" || state.status === "accepted")
    throw Conflict(
      state.status === "accepted"
        ? `Årsuppföljningen för ${code} ${year} är redan godkänd med andra svar.`
        : `Årsuppföljningen för ${code} ${year} väntar redan på granskning med andra svar. Returnera den först.`,
    );
  let reportId: string;
  if (!report) {
    const created = await repo.insertReport(tx, {
      municipalityCode: code,
      year,
      formId,
      answers,
      costs,
      source: "import",
      createdAt: now,
      createdBy: ctx.actor.id,
      updatedAt: now,
      updatedBy: ctx.actor.id,
    });
    if (!created) throw Conflict(`Årsuppföljningen för ${code} ${year} ändrades samtidigt. Försök igen.`);
    reportId = created.id;
  } else {
    const updated = await repo.updateReport(tx, report.id, report.version, {
      formId,
      answers,
      costs,
      source: "import",
      updatedAt: now,
      updatedBy: ctx.actor.id,
    });
    if (!updated) throw Conflict(`Årsuppföljningen för ${code} ${year} ändrades samtidigt. Försök igen.`);
    reportId = report.id;
  }
  const number = rounds.length + 1;
  await repo.insertRound(tx, {
    reportId,
    number,
    answers,
    costs,
    submittedAt: now,
    submittedOn: stockholmDate(now),
    submittedBy: ctx.actor.id,
  });
  await recordAudit(tx, ctx, {
    action: "annualReports.import",
    entityType: "annualReport",
    entityId: reportId,
    after: { municipality: code, year, formId, round: number, keys: Object.keys(answers).length, costs: costs.length },
  });
  return report ? "updated" : "created";
}
