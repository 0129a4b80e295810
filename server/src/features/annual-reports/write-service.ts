import {
  type AnnualReport,
  type AnnualReportPut,
  type AnnualReportReturn,
  annualReportEditable,
  annualReportReviewable,
  carryOverAnswers,
  checkAnswers,
  flattenQuestions,
  isPartActive,
  missingAnswers,
  stockholmDate,
} from "@uppsikt/core";
import type { Db, Executor, Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import { type Upload, acceptFiles, auditedFile } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { categoriesByYear } from "../economy/figures.js";
import * as economyRepo from "../economy/repository.js";
import { replaceAnnualReportCosts } from "../economy/service.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./repository.js";
import type { StoredReportCost } from "./schema.js";
import { getReport, loadReport, municipalityFor } from "./service.js";
import { changedKeys, sameCosts, sortedCosts, stateOf } from "./state.js";

/*
 * Writing the annual report (R2.4-2): the coordinators save drafts (autosave) and submit; the county returns it with
 * comments per question or accepts it, and on acceptance its costs become the municipality's costs for the year.
 * Every step is a transaction with its audit row; the report's version is the optimistic lock of every step.
 */

export const STALE = "Årsuppföljningen har ändrats av någon annan sedan du öppnade den. Ladda om och försök igen.";
const NOT_EDITABLE = "Årsuppföljningen är inlämnad och kan inte ändras förrän länsstyrelsen har returnerat den.";
const NOT_STARTED = "Årsuppföljningen är inte påbörjad.";
const NOT_SUBMITTED = "Årsuppföljningen väntar inte på granskning.";
const noForm = (year: number) => `Myndigheten har inte publicerat någon blankett för ${year} ännu.`;

/** Every part must exist and run that year, every category be one of the year's national cost categories. */
export async function checkCosts(db: Executor, year: number, costs: readonly StoredReportCost[]) {
  if (costs.length === 0) return;
  const [parts, categories] = await Promise.all([
    economyRepo.findParts(db),
    categoriesByYear(nationalRulesReader(db))(year),
  ]);
  const byCode = new Map(parts.map((p) => [p.code, p]));
  const issues: { path: string; message: string }[] = [];
  costs.forEach((c, i) => {
    const part = byCode.get(c.part);
    if (!part) issues.push({ path: `costs.${i}.part`, message: `Delen ${c.part} finns inte.` });
    else if (!isPartActive(part, year))
      issues.push({ path: `costs.${i}.part`, message: `Delen ${c.part} gäller inte år ${year}.` });
    if (!categories.has(c.category))
      issues.push({
        path: `costs.${i}.category`,
        message: `Kostnadsslaget ${c.category} finns inte i anvisningarna för ${year}.`,
      });
  });
  if (issues.length) throw Invalid(`Ogiltig indata (${issues[0]!.path}): ${issues[0]!.message}`, { issues });
}

/** The answers checked against the form: 400 with every issue by path. */
export function assertAnswers(definition: Parameters<typeof checkAnswers>[0], answers: AnnualReportPut["answers"]) {
  const issues = checkAnswers(definition, answers);
  if (issues.length)
    throw Invalid(`Svaren stämmer inte med blanketten (${issues.length} fel): ${issues[0]!.message}`, {
      issues: issues.map((i) => ({ path: ["answers", ...i.path].join("."), message: i.message })),
    });
}

async function loadFor(tx: Tx, ctx: ActorContext, code: string, year: number) {
  const loaded = await loadReport(tx, code, year);
  return { ...loaded, state: stateOf(loaded.report, loaded.rounds, loaded.form?.deadline ?? null, ctx.clock.today()) };
}

const costsOf = (input: AnnualReportPut): StoredReportCost[] =>
  sortedCosts(input.costs.map((c) => ({ ...c, manualCompilation: c.manualCompilation ?? false })));

/** Saves the draft: version 0 starts the report on the year's current form; later saves need the current version. */
export async function saveReport(
  db: Db,
  ctx: ActorContext,
  code: string,
  year: number,
  input: AnnualReportPut,
): Promise<AnnualReport> {
  await municipalityFor(db, ctx.actor, code, "annualReports.write");
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const { report, form, state } = await loadFor(tx, ctx, code, year);
    if (!form) throw Conflict(noForm(year));
    if (!annualReportEditable(state.status)) throw Conflict(NOT_EDITABLE);
    if ((report?.version ?? 0) !== input.version) throw Conflict(STALE);
    assertAnswers(form.definition, input.answers);
    const costs = costsOf(input);
    await checkCosts(tx, year, costs);
    if (!report) {
      const created = await repo.insertReport(tx, {
        municipalityCode: code,
        year,
        formId: form.id,
        answers: input.answers,
        costs,
        createdAt: now,
        createdBy: ctx.actor.id,
        updatedAt: now,
        updatedBy: ctx.actor.id,
      });
      if (!created) throw Conflict(STALE);
      await recordAudit(tx, ctx, {
        action: "annualReports.save",
        entityType: "annualReport",
        entityId: created.id,
        after: {
          municipality: code,
          year,
          formId: form.id,
          keys: Object.keys(input.answers).sort(),
          costs: costs.length,
        },
      });
      return;
    }
    const keys = changedKeys(report.answers, input.answers);
    const costsChanged = !sameCosts(report.costs, costs);
    if (keys.length === 0 && !costsChanged) return;
    const updated = await repo.updateReport(tx, report.id, report.version, {
      answers: input.answers,
      costs,
      updatedAt: now,
      updatedBy: ctx.actor.id,
    });
    if (!updated) throw Conflict(STALE);
    await recordAudit(tx, ctx, {
      action: "annualReports.save",
      entityType: "annualReport",
      entityId: report.id,
      before: { version: report.version },
      after: { municipality: code, year, version: updated.version, changedKeys: keys, costsChanged },
    });
  });
  return getReport(db, ctx, code, year);
}

/** Submits the report to the county: every required answer must be there; a new round copies answers and costs. */
export async function submitReport(db: Db, ctx: ActorContext, code: string, year: number, version: number | undefined) {
  await municipalityFor(db, ctx.actor, code, "annualReports.write");
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const { report, form, rounds, state } = await loadFor(tx, ctx, code, year);
    if (!report || !form) throw Conflict(NOT_STARTED);
    if (!annualReportEditable(state.status)) throw Conflict(NOT_EDITABLE);
    if (version !== undefined && report.version !== version) throw Conflict(STALE);
    const missing = missingAnswers(form.definition, report.answers);
    if (missing.length)
      throw Invalid(
        missing.length === 1
          ? "1 obligatoriskt svar saknas. Fyll i det och lämna in igen."
          : `${missing.length} obligatoriska svar saknas. Fyll i dem och lämna in igen.`,
        { missing },
      );
    const updated = await repo.updateReport(tx, report.id, report.version, { updatedAt: now, updatedBy: ctx.actor.id });
    if (!updated) throw Conflict(STALE);
    const number = rounds.length + 1;
    await repo.insertRound(tx, {
      reportId: report.id,
      number,
      answers: report.answers,
      costs: report.costs,
      submittedAt: now,
      submittedOn: stockholmDate(now),
      submittedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "annualReports.submit",
      entityType: "annualReport",
      entityId: report.id,
      after: { municipality: code, year, round: number, submittedOn: stockholmDate(now), version: updated.version },
    });
  });
  return getReport(db, ctx, code, year);
}

/** The county's review step: the latest round of a submitted report at the given version. */
async function reviewTarget(tx: Tx, ctx: ActorContext, code: string, year: number, version: number | undefined) {
  const loaded = await loadFor(tx, ctx, code, year);
  const { report, rounds, state } = loaded;
  if (!report || !annualReportReviewable(state.status)) throw Conflict(NOT_SUBMITTED);
  if (version !== undefined && report.version !== version) throw Conflict(STALE);
  const updated = await repo.updateReport(tx, report.id, report.version, {
    updatedAt: report.updatedAt,
    updatedBy: report.updatedBy,
  });
  if (!updated) throw Conflict(STALE);
  return { ...loaded, report, round: rounds[rounds.length - 1]!, version: updated.version };
}

/** The county returns the report for completion, with comments per question (or on the economy part). */
export async function returnReport(db: Db, ctx: ActorContext, code: string, year: number, input: AnnualReportReturn) {
  await municipalityFor(db, ctx.actor, code, "annualReports.review");
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const { report, form, round, version } = await reviewTarget(tx, ctx, code, year, input.version);
    const keys = new Set(form ? flattenQuestions(form.definition).map((f) => f.question.key) : []);
    const issues = input.comments
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.questionKey !== "economy" && !keys.has(c.questionKey))
      .map(({ c, i }) => ({
        path: `comments.${i}.questionKey`,
        message: `Frågan ${c.questionKey} finns inte i blanketten.`,
      }));
    if (issues.length) throw Invalid(issues[0]!.message, { issues });
    await repo.updateRound(tx, round.id, {
      returnedAt: now,
      returnedOn: stockholmDate(now),
      returnedBy: ctx.actor.id,
      comments: input.comments,
      message: input.message,
    });
    await recordAudit(tx, ctx, {
      action: "annualReports.return",
      entityType: "annualReport",
      entityId: report.id,
      after: {
        municipality: code,
        year,
        round: round.number,
        questions: input.comments.map((c) => c.questionKey),
        version,
      },
    });
  });
  return getReport(db, ctx, code, year);
}

/** The county accepts the report; in the same transaction its costs become the municipality's for the year. */
export async function acceptReport(db: Db, ctx: ActorContext, code: string, year: number, version: number | undefined) {
  await municipalityFor(db, ctx.actor, code, "annualReports.review");
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const { report, round, version: after } = await reviewTarget(tx, ctx, code, year, version);
    await repo.updateRound(tx, round.id, { acceptedAt: now, acceptedOn: stockholmDate(now), acceptedBy: ctx.actor.id });
    await recordAudit(tx, ctx, {
      action: "annualReports.accept",
      entityType: "annualReport",
      entityId: report.id,
      after: { municipality: code, year, round: round.number, costs: round.costs.length, version: after },
    });
    await replaceAnnualReportCosts(tx, ctx, code, year, round.costs);
  });
  return getReport(db, ctx, code, year);
}

/** Moves a draft or returned report to the year's current form, carrying answers over by stable key. */
export async function upgradeReport(
  db: Db,
  ctx: ActorContext,
  code: string,
  year: number,
  version: number | undefined,
) {
  await municipalityFor(db, ctx.actor, code, "annualReports.write");
  await db.transaction(async (tx) => {
    const { report, form, current, state } = await loadFor(tx, ctx, code, year);
    if (!report || !form) throw Conflict(NOT_STARTED);
    if (!annualReportEditable(state.status)) throw Conflict(NOT_EDITABLE);
    if (version !== undefined && report.version !== version) throw Conflict(STALE);
    if (!current || current.number <= form.number)
      throw Conflict("Årsuppföljningen använder redan den senaste versionen av blanketten.");
    const answers = carryOverAnswers(report.answers, current.definition);
    const dropped = Object.keys(report.answers).filter((k) => !(k in answers));
    const updated = await repo.updateReport(tx, report.id, report.version, {
      formId: current.id,
      answers,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.id,
    });
    if (!updated) throw Conflict(STALE);
    await recordAudit(tx, ctx, {
      action: "annualReports.upgrade",
      entityType: "annualReport",
      entityId: report.id,
      before: { formId: form.id, formNumber: form.number, version: report.version },
      after: {
        municipality: code,
        year,
        formId: current.id,
        formNumber: current.number,
        dropped,
        version: updated.version,
      },
    });
  });
  return getReport(db, ctx, code, year);
}

/** Checked before the upload is read: 404 outside scope, 403 without write, 409 when not editable. */
export async function assertMayAttach(db: Db, ctx: ActorContext, code: string, year: number) {
  await municipalityFor(db, ctx.actor, code, "annualReports.write");
  const loaded = await loadReport(db, code, year);
  const state = stateOf(loaded.report, loaded.rounds, loaded.form?.deadline ?? null, ctx.clock.today());
  if (!loaded.report) throw Conflict("Spara årsuppföljningen innan du bifogar filer.");
  if (!annualReportEditable(state.status)) throw Conflict(NOT_EDITABLE);
  return loaded.report;
}

export async function attachFiles(db: Db, ctx: ActorContext, code: string, year: number, upload: Upload) {
  const report = await assertMayAttach(db, ctx, code, year);
  if (upload.files.length === 0) throw Invalid("Bifoga minst en fil (PDF, DOCX eller ODT) i fält som heter file.");
  const files = await acceptFiles(upload.files, { extractText: false });
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const fileIds: string[] = [];
    for (const f of files)
      fileIds.push(
        await repo.insertFile(tx, {
          reportId: report.id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          content: f.content,
          createdAt: now,
          createdBy: ctx.actor.id,
        }),
      );
    await recordAudit(tx, ctx, {
      action: "annualReports.attach",
      entityType: "annualReport",
      entityId: report.id,
      after: { municipality: code, year, fileIds, files: files.map(auditedFile) },
    });
  });
  return getReport(db, ctx, code, year);
}

/** The file belongs to that municipality's report of that year (404 otherwise). */
export async function assertFileOfReport(db: Db, ctx: ActorContext, code: string, year: number, fileId: string) {
  await municipalityFor(db, ctx.actor, code, "annualReports.read");
  const file = await repo.findFile(db, fileId);
  if (!file || file.municipalityCode !== code || file.year !== year) throw NotFound("Filen finns inte.");
}
