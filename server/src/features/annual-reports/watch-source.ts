import { addDays, watchSubject, webPaths, yearOf } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { WatchQuery, WatchSource, WatchSourceItem } from "../../platform/watch/registry.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./repository.js";
import { stateOf } from "./state.js";

/*
 * The annual reports' watched dates (R2.4-2): a report due by the form's deadline while nothing is submitted, a
 * returned report the municipality is to complete, and a submitted report the county is to review. The latest two
 * years; the registry keeps what falls within its horizon.
 */

async function reportsInScope(db: Db, q: WatchQuery) {
  const current = yearOf(q.today);
  const years = [current - 1, current];
  const forms = await repo.findCurrentForms(db, years);
  const munis = await repo.findMunicipalities(db, {
    ...(q.counties ? { counties: q.counties } : {}),
    ...(q.municipalities ? { codes: q.municipalities } : {}),
  });
  const reports = await repo.findReports(
    db,
    munis.map((m) => m.code),
    [...forms.keys()],
  );
  const [rounds, deadlines] = await Promise.all([
    repo.findRounds(
      db,
      reports.map((r) => r.id),
    ),
    repo.formDeadlines(
      db,
      reports.map((r) => r.formId),
    ),
  ]);
  const rows = [];
  for (const [year, form] of forms)
    for (const m of munis) {
      const report = reports.find((r) => r.municipalityCode === m.code && r.year === year);
      const own = report ? rounds.filter((r) => r.reportId === report.id) : [];
      const deadline = report ? (deadlines.get(report.formId) ?? form.deadline) : form.deadline;
      rows.push({ m, year, deadline, rounds: own, state: stateOf(report, own, deadline, q.today) });
    }
  return rows;
}

type Row = Awaited<ReturnType<typeof reportsInScope>>[number];

const item = (
  r: Row,
  key: string,
  due: string,
  awaited: boolean,
  subject: WatchSourceItem["subject"],
): WatchSourceItem => ({
  key,
  kind: "annualReportDue",
  due,
  subject,
  county: r.m.countyCode,
  municipality: { code: r.m.code, name: r.m.name },
  responsibleUserId: r.m.officerId,
  responsibleName: r.m.officerName,
  awaitedFromMunicipality: awaited,
  link: webPaths.municipality(r.m.code, { tab: "annualReport" }),
});

export const annualReportDueSource: WatchSource = async (db, q) =>
  (await reportsInScope(db, q))
    .filter((r) => r.state.submittedOn === null)
    .map((r) =>
      item(
        r,
        `annualReports.due:${r.m.code}:${r.year}`,
        r.deadline,
        true,
        watchSubject("annualReportDue", "due", { year: r.year, municipality: r.m.name }),
      ),
    );

export const annualReportReturnedSource: WatchSource = async (db, q) => {
  const days = (await nationalRulesReader(db).on(q.today)).rules.annualReportCompletionDays.value;
  return (await reportsInScope(db, q))
    .filter((r) => r.state.status === "returned")
    .map((r) => {
      const round = r.rounds[r.rounds.length - 1]!;
      return {
        ...item(
          r,
          `annualReports.returned:${r.m.code}:${r.year}:${round.number}`,
          addDays(round.returnedOn!, days),
          true,
          watchSubject("annualReportReturned", "returned", { year: r.year, municipality: r.m.name }),
        ),
        kind: "annualReportReturned" as const,
      };
    });
};

export const annualReportReviewSource: WatchSource = async (db, q) => {
  const days = (await nationalRulesReader(db).on(q.today)).rules.annualReportReviewDays.value;
  return (await reportsInScope(db, q))
    .filter((r) => r.state.status === "submitted")
    .map((r) => {
      const round = r.rounds[r.rounds.length - 1]!;
      return {
        ...item(
          r,
          `annualReports.review:${r.m.code}:${r.year}:${round.number}`,
          addDays(round.submittedOn, days),
          false,
          watchSubject("annualReportReview", "review", { year: r.year, municipality: r.m.name }),
        ),
        kind: "annualReportReview" as const,
      };
    });
};
