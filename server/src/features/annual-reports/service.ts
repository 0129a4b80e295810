import {
  type AnnualReport,
  type AnnualReportList,
  type PersonRef,
  allows,
  annualReportEditable,
  annualReportReviewable,
  compareSwedish,
  yearOf,
} from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { Forbidden, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { amountAccess } from "../economy/access.js";
import * as economyRepo from "../economy/repository.js";
import { countyExists, getMunicipality } from "../municipalities/service.js";
import * as repo from "./repository.js";
import { stateOf } from "./state.js";

/*
 * Reading the municipalities' annual reports (R2.4-2): one report with its rounds, files and the agency's
 * compensation, and the county's list. The status, lateness and missing come only from core's annualReportState.
 * Municipality users see the working copy; the county and the agency see what was last submitted.
 */

export const reportPath = (code: string, year: number) => `/api/v1/municipalities/${code}/annual-reports/${year}`;

const person = (id: string | null, names: Map<string, string>): PersonRef | null =>
  id ? { id, name: names.get(id) ?? "" } : null;

/** The municipality, in the actor's scope (404 otherwise), and the action allowed there (403 otherwise). */
export async function municipalityFor(db: Db, actor: Actor, code: string, action: Parameters<typeof authorize>[1]) {
  const m = await getMunicipality(db, actor, code);
  authorize(actor, action, { county: m.county.code, municipality: code });
  return m;
}

async function compensationOf(db: Db, ctx: ActorContext, code: string, year: number) {
  const [parts, amounts] = await Promise.all([economyRepo.findParts(db), economyRepo.findAmounts(db, [code])]);
  const ofYear = amounts.filter((a) => a.year === year);
  const byCode = new Map(parts.map((p) => [p.code, p]));
  const confidential = ofYear.some((a) => byCode.get(a.partCode)?.confidentialBasis);
  const access = await amountAccess(db, ctx.actor, [code], ctx.clock.today(), confidential);
  let shown: string | null = null;
  const items = ofYear
    .map((a) => {
      const part = byCode.get(a.partCode);
      const mark = access.mark(part?.confidentialBasis ?? null, code);
      if (mark?.canRead) shown = mark.basis;
      return {
        part: a.partCode,
        name: part?.name ?? a.partCode,
        amount: mark && !mark.canRead ? null : a.amount,
        position: part?.position ?? 0,
      };
    })
    .sort((a, b) => a.position - b.position || a.part.localeCompare(b.part))
    .map(({ position: _p, ...rest }) => rest);
  if (shown)
    await recordConfidentialRead(db, ctx, {
      entityType: "compensationAmount",
      entityId: code,
      municipality: code,
      parts: ["amounts"],
      basis: shown,
    });
  return items;
}

/** What a report's readers need of it, loaded in a handful of queries. */
export async function loadReport(db: Executor, code: string, year: number) {
  const report = await repo.findReport(db, code, year);
  const [form, current, rounds] = await Promise.all([
    report ? repo.findForm(db, report.formId) : repo.findCurrentForm(db, year),
    repo.findCurrentForm(db, year),
    report ? repo.findRounds(db, [report.id]) : Promise.resolve([]),
  ]);
  return { report, form, current, rounds };
}

export type LoadedReport = Awaited<ReturnType<typeof loadReport>>;

export async function getReport(db: Db, ctx: ActorContext, code: string, year: number): Promise<AnnualReport> {
  const m = await municipalityFor(db, ctx.actor, code, "annualReports.read");
  const { report, form, current, rounds } = await loadReport(db, code, year);
  const deadline = form?.deadline ?? null;
  const state = stateOf(report, rounds, deadline, ctx.clock.today());
  const files = report ? await repo.findFiles(db, report.id) : [];
  const names = await repo.userNames(db, [
    ...(report ? [report.updatedBy] : []),
    ...rounds.flatMap((r) => [r.submittedBy, r.returnedBy, r.acceptedBy].filter((id): id is string => id !== null)),
  ]);
  const own = ctx.actor.role === "municipality";
  const last = rounds[rounds.length - 1];
  const shown = own ? report : last;
  const writer = allows(ctx.actor, "annualReports.write") && own;
  const editable = form !== null && annualReportEditable(state.status);
  const newer = form && current && current.number > form.number && report ? current : null;
  return {
    municipality: { code, name: m.name },
    year,
    form: form ? { id: form.id, number: form.number, title: form.title, example: form.example } : null,
    newerForm: newer && editable ? { id: newer.id, number: newer.number } : null,
    ...state,
    deadline,
    version: report?.version ?? 0,
    answers: shown?.answers ?? {},
    costs: shown?.costs ?? [],
    compensation: await compensationOf(db, ctx, code, year),
    rounds: rounds.map((r) => ({
      number: r.number,
      submittedAt: r.submittedAt.toISOString(),
      submittedBy: person(r.submittedBy, names),
      returnedAt: r.returnedAt?.toISOString() ?? null,
      returnedBy: person(r.returnedBy, names),
      comments: r.comments,
      message: r.message,
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      acceptedBy: person(r.acceptedBy, names),
      answers: r.answers,
    })),
    files: files.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      mediaType: f.mediaType,
      sizeBytes: f.sizeBytes,
      uploadedAt: f.createdAt.toISOString(),
      downloadUrl: `${reportPath(code, year)}/files/${f.id}`,
    })),
    updatedAt: own ? (report?.updatedAt.toISOString() ?? null) : (last?.submittedAt.toISOString() ?? null),
    updatedBy: own ? person(report?.updatedBy ?? null, names) : person(last?.submittedBy ?? null, names),
    can: {
      edit: writer && editable,
      submit: writer && editable && report !== undefined,
      review: allows(ctx.actor, "annualReports.review") && annualReportReviewable(state.status),
    },
  };
}

/** The default year of the county's list: the latest year with a published form, else the current year. */
async function defaultYear(db: Db, today: string) {
  return (await repo.latestPublishedYear(db, yearOf(today))) ?? yearOf(today);
}

/** The county's municipalities and the status of each one's report for the year (county and agency). */
export async function listCountyReports(
  db: Db,
  ctx: ActorContext,
  county: string,
  query: { year?: number | undefined },
): Promise<AnnualReportList> {
  authorize(ctx.actor, "annualReports.read", { county });
  if (ctx.actor.role === "municipality") throw Forbidden();
  if (!(await countyExists(db, county))) throw NotFound("Länet finns inte.");
  const today = ctx.clock.today();
  const year = query.year ?? (await defaultYear(db, today));
  const munis = await repo.findMunicipalities(db, { counties: [county] });
  const reports = await repo.findReports(
    db,
    munis.map((m) => m.code),
    [year],
  );
  const [rounds, current, deadlines] = await Promise.all([
    repo.findRounds(
      db,
      reports.map((r) => r.id),
    ),
    repo.findCurrentForms(db, [year]),
    repo.formDeadlines(
      db,
      reports.map((r) => r.formId),
    ),
  ]);
  const yearDeadline = current.get(year)?.deadline ?? null;
  const items = munis
    .map((m) => {
      const report = reports.find((r) => r.municipalityCode === m.code);
      const own = report ? rounds.filter((r) => r.reportId === report.id) : [];
      const deadline = report ? (deadlines.get(report.formId) ?? null) : yearDeadline;
      const s = stateOf(report, own, deadline, today);
      return {
        municipality: { code: m.code, name: m.name },
        status: s.status,
        statusOn: s.statusOn,
        submittedOn: s.submittedOn,
        late: s.late,
        missing: s.missing,
        rounds: own.length,
      };
    })
    .sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name));
  return { year, deadline: yearDeadline, items };
}
