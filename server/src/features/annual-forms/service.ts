import {
  type AnnualForm,
  type AnnualFormCreate,
  type AnnualFormList,
  type AnnualFormSummary,
  type AnnualFormUpdate,
  defaultAnnualReportDeadline,
  defaultForwardingDeadline,
  flattenQuestions,
} from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./repository.js";

/*
 * The agency's yearly form (R2.4-1): a draft until published, then frozen; a change is a new version (number) of
 * the year's form. The year's current form is its latest published version. Only the agency sees drafts.
 */

const FROZEN = "Blanketten är publicerad och kan inte ändras. Skapa en ny version.";
const STALE = "Blanketten har ändrats av någon annan sedan du öppnade den. Ladda om och försök igen.";

const seesDrafts = (ctx: ActorContext) => ctx.actor.role === "agency";

function toSummary(row: repo.AnnualFormWithCreator, current: boolean): AnnualFormSummary {
  const { form } = row;
  return {
    id: form.id,
    year: form.year,
    number: form.number,
    version: form.version,
    status: form.status as AnnualForm["status"],
    title: form.title,
    deadline: form.deadline,
    forwardingDeadline: form.forwardingDeadline,
    example: form.example,
    publishedAt: form.publishedAt?.toISOString() ?? null,
    createdAt: form.createdAt.toISOString(),
    createdBy: form.createdBy ? { id: form.createdBy, name: row.createdByName ?? "" } : null,
    current,
    questions: flattenQuestions(form.definition).length,
  };
}

function toView(row: repo.AnnualFormWithCreator, current: boolean): AnnualForm {
  const { questions: _questions, ...summary } = toSummary(row, current);
  return { ...summary, definition: row.form.definition };
}

async function view(db: Executor, id: string): Promise<AnnualForm> {
  const row = await repo.findFormWithCreator(db, id);
  if (!row) throw NotFound("Blanketten finns inte.");
  const current = (await repo.currentNumbers(db, [row.form.year])).get(row.form.year);
  return toView(row, row.form.status === "published" && row.form.number === current);
}

/** A form the actor may see: a draft only for the agency (otherwise 404, as if it did not exist). */
async function visible(db: Executor, ctx: ActorContext, id: string) {
  authorize(ctx.actor, "annualForms.read");
  const row = await repo.findFormWithCreator(db, id);
  if (!row || (row.form.status !== "published" && !seesDrafts(ctx))) throw NotFound("Blanketten finns inte.");
  return row;
}

export async function listForms(db: Db, ctx: ActorContext, query: { year?: number }): Promise<AnnualFormList> {
  authorize(ctx.actor, "annualForms.read");
  const rows = await repo.findForms(db, { year: query.year, drafts: seesDrafts(ctx) });
  const current = await repo.currentNumbers(db, [...new Set(rows.map((r) => r.form.year))]);
  return {
    items: rows.map((r) => toSummary(r, r.form.status === "published" && current.get(r.form.year) === r.form.number)),
  };
}

export async function getForm(db: Db, ctx: ActorContext, id: string): Promise<AnnualForm> {
  await visible(db, ctx, id);
  return view(db, id);
}

/**
 * The report on a year is due after the year has ended; the forwarding deadline is not before the reports' deadline
 * (the county compiles the reports).
 */
function checkDeadlines(year: number, deadline: string, forwardingDeadline: string) {
  if (deadline < `${year + 1}-01-01`)
    throw Invalid(`Sista dag för rapporten om ${year} ska vara ${year + 1}-01-01 eller senare, när året är slut.`, {
      field: "deadline",
    });
  if (forwardingDeadline < deadline)
    throw Invalid("Sista dag för länets vidarebefordran kan inte vara före sista dag för kommunernas rapporter.", {
      field: "forwardingDeadline",
    });
}

async function defaultDeadlines(db: Executor, ctx: ActorContext, year: number) {
  const { rules } = await nationalRulesReader(db).on(ctx.clock.today());
  return {
    deadline: defaultAnnualReportDeadline(year, rules.annualReportDeadline.value),
    forwardingDeadline: defaultForwardingDeadline(year, rules.countyForwardingDeadline.value),
  };
}

const auditSummary = (row: repo.AnnualFormRow) => ({
  year: row.year,
  number: row.number,
  status: row.status,
  title: row.title,
  deadline: row.deadline,
  forwardingDeadline: row.forwardingDeadline,
  example: row.example,
  questions: flattenQuestions(row.definition).length,
});

/** Inserts a new draft of the year; one open draft per year (the agency edits that one). */
async function insertDraft(
  tx: Executor,
  ctx: ActorContext,
  input: Omit<AnnualFormCreate, "deadline" | "forwardingDeadline"> & { deadline: string; forwardingDeadline: string },
) {
  await repo.lockYear(tx, input.year);
  const open = await repo.findOpenDraft(tx, input.year);
  if (open)
    throw Conflict(
      `Det finns redan ett utkast till blanketten för ${input.year} (version ${open.number}). Ändra det i stället.`,
      { id: open.id },
    );
  return repo.insertForm(tx, {
    year: input.year,
    number: await repo.nextNumber(tx, input.year),
    status: "draft",
    title: input.title,
    deadline: input.deadline,
    forwardingDeadline: input.forwardingDeadline,
    example: input.example,
    definition: input.definition,
    createdAt: ctx.clock.now(),
    createdBy: ctx.actor.id,
  });
}

async function createDraft(
  db: Db,
  ctx: ActorContext,
  input: AnnualFormCreate,
  action: "annualForms.create" | "annualForms.import",
  extra: Record<string, unknown> = {},
): Promise<AnnualForm> {
  authorize(ctx.actor, "annualForms.write");
  const defaults = await defaultDeadlines(db, ctx, input.year);
  const deadline = input.deadline ?? defaults.deadline;
  const forwardingDeadline = input.forwardingDeadline ?? defaults.forwardingDeadline;
  checkDeadlines(input.year, deadline, forwardingDeadline);
  const id = await db.transaction(async (tx) => {
    const row = await insertDraft(tx, ctx, { ...input, deadline, forwardingDeadline });
    await recordAudit(tx, ctx, {
      action,
      entityType: "annualForm",
      entityId: row.id,
      after: { ...auditSummary(row), ...extra },
    });
    return row.id;
  });
  return view(db, id);
}

export const createForm = (db: Db, ctx: ActorContext, input: AnnualFormCreate) =>
  createDraft(db, ctx, input, "annualForms.create");

export const importForm = (db: Db, ctx: ActorContext, input: AnnualFormCreate, fileName: string) =>
  createDraft(db, ctx, input, "annualForms.import", { fileName });

export async function updateForm(db: Db, ctx: ActorContext, id: string, input: AnnualFormUpdate): Promise<AnnualForm> {
  authorize(ctx.actor, "annualForms.write");
  const before = await repo.findForm(db, id);
  if (!before) throw NotFound("Blanketten finns inte.");
  if (before.status !== "draft") throw Conflict(FROZEN);
  if (before.version !== input.version) throw Conflict(STALE, { version: before.version });
  checkDeadlines(before.year, input.deadline, input.forwardingDeadline);
  await db.transaction(async (tx) => {
    const after = await repo.updateDraft(tx, id, input.version, {
      title: input.title,
      deadline: input.deadline,
      forwardingDeadline: input.forwardingDeadline,
      example: input.example,
      definition: input.definition,
      updatedAt: ctx.clock.now(),
    });
    if (!after) {
      const now = await repo.findForm(tx, id);
      if (now?.status !== "draft") throw Conflict(FROZEN);
      throw Conflict(STALE, { version: now.version });
    }
    await recordAudit(tx, ctx, {
      action: "annualForms.update",
      entityType: "annualForm",
      entityId: id,
      before: auditSummary(before),
      after: auditSummary(after),
    });
  });
  return view(db, id);
}

export async function publishForm(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: { version?: number | undefined },
): Promise<AnnualForm> {
  authorize(ctx.actor, "annualForms.write");
  const before = await repo.findForm(db, id);
  if (!before) throw NotFound("Blanketten finns inte.");
  if (before.status !== "draft") throw Conflict("Blanketten är redan publicerad.");
  // Without a version the publish applies to the draft as it is now (still refused if it changes meanwhile).
  if (input.version !== undefined && before.version !== input.version)
    throw Conflict(STALE, { version: before.version });
  await db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const after = await repo.updateDraft(tx, id, input.version ?? before.version, {
      status: "published",
      publishedAt: now,
      publishedBy: ctx.actor.id,
      updatedAt: now,
    });
    if (!after) {
      const current = await repo.findForm(tx, id);
      if (current?.status !== "draft") throw Conflict("Blanketten är redan publicerad.");
      throw Conflict(STALE, { version: current.version });
    }
    await recordAudit(tx, ctx, {
      action: "annualForms.publish",
      entityType: "annualForm",
      entityId: id,
      before: { status: before.status },
      after: auditSummary(after),
    });
  });
  return view(db, id);
}

/** A new draft version of a published form, started from it (the year's next number). */
export async function newVersion(db: Db, ctx: ActorContext, id: string): Promise<AnnualForm> {
  authorize(ctx.actor, "annualForms.write");
  const from = await repo.findForm(db, id);
  if (!from) throw NotFound("Blanketten finns inte.");
  if (from.status !== "published")
    throw Conflict("Blanketten är ett utkast. Ändra utkastet i stället för att skapa en ny version.");
  const newId = await db.transaction(async (tx) => {
    const row = await insertDraft(tx, ctx, {
      year: from.year,
      title: from.title,
      deadline: from.deadline,
      forwardingDeadline: from.forwardingDeadline,
      example: from.example,
      definition: from.definition,
    });
    await recordAudit(tx, ctx, {
      action: "annualForms.create",
      entityType: "annualForm",
      entityId: row.id,
      after: { ...auditSummary(row), from: { id: from.id, number: from.number } },
    });
    return row.id;
  });
  return view(db, newId);
}

/** The form as its file's content (YAML/Excel), for a reader who may see it. */
export async function formForExport(db: Db, ctx: ActorContext, id: string) {
  const { form } = await visible(db, ctx, id);
  return form;
}
