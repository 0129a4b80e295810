import {
  type Action,
  type CompilationRow,
  type CompilationVersion,
  type CountyCompilation,
  type QuestionColumn,
  allows,
  compilationColumns,
  type CompilationFilter,
} from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { type LiveRow, liveRows, publicRow } from "./live-rows.js";
import * as repo from "./repository.js";
import { sameRows } from "./same.js";

/*
 * The county's compilation of its municipalities' annual reports (R2.4-2, R1-6): live rows until it is forwarded;
 * forwarded, it is frozen (a later change of a report does not change the version) and shown as frozen while nothing
 * has changed since. A correction is a new forwarding, a new version.
 */

const NO_COUNTY = "Länet finns inte.";

/** County users their own county, the agency any (404 outside scope, 403 for roles without the action). */
export async function countyFor(db: Executor, ctx: ActorContext, code: string, action: Action) {
  authorize(ctx.actor, action, { county: code });
  const [county] = await repo.findCounties(db, code);
  if (!county) throw NotFound(NO_COUNTY);
  return county;
}

/** Everything a compilation is made of, read once: the year's form, the municipalities, the live rows. */
export async function compilationBasis(db: Executor, county: string, year: number, today: string) {
  const [forms, municipalities] = await Promise.all([
    repo.findPublishedForms(db, year),
    repo.findMunicipalities(db, county),
  ]);
  const form = forms[0] ?? null;
  const rows = await liveRows(db, municipalities, year, form?.deadline ?? null, today);
  return { form, municipalities, rows };
}

const toVersion = (v: repo.VersionRow): CompilationVersion => ({
  number: v.number,
  forwardedOn: v.forwardedOn,
  forwardedBy: v.forwardedByName !== null ? { id: v.forwardedBy, name: v.forwardedByName } : null,
  registrationNumber: v.registrationNumber,
  notAccepted: v.notAccepted.map((m) => ({
    code: m.code,
    name: m.name,
    status: m.status as CompilationVersion["notAccepted"][number]["status"],
  })),
});

/** A part and an agreement area shown: the columns of them, and only their answers (and costs for the economy). */
export function filtered(questions: QuestionColumn[], rows: CompilationRow[], filter: CompilationFilter) {
  const columns = questions.filter(
    (q) => (!filter.part || q.part === filter.part) && (!filter.area || q.area === filter.area),
  );
  if (!filter.part && !filter.area) return { columns, rows };
  const keys = new Set(columns.map((c) => c.key));
  const withCosts = !filter.part || filter.part === "economy";
  return {
    columns,
    rows: rows.map((r) => ({
      ...r,
      answers: Object.fromEntries(Object.entries(r.answers).filter(([k]) => keys.has(k))),
      costs: withCosts ? r.costs : [],
    })),
  };
}

/** The compilation as shown: frozen while nothing changed since the newest forwarding, otherwise live. */
export async function currentCompilation(db: Executor, ctx: ActorContext, code: string, year: number) {
  const county = await countyFor(db, ctx, code, "annualCompilations.read");
  const today = ctx.clock.today();
  const [{ form, rows }, versions, draft] = await Promise.all([
    compilationBasis(db, code, year, today),
    repo.findVersions(db, code, year),
    repo.findDraft(db, code, year),
  ]);
  const newest = versions[0];
  const assessment = draft?.assessment ?? newest?.assessment ?? "";
  const live = rows.map(publicRow);
  const frozen = newest !== undefined && newest.assessment === assessment && sameRows(newest.rows, live);
  return { county, form, rows, live, versions, draft, newest, assessment, frozen };
}

export async function getCountyCompilation(
  db: Db,
  ctx: ActorContext,
  code: string,
  year: number,
  filter: CompilationFilter,
): Promise<CountyCompilation> {
  const c = await currentCompilation(db, ctx, code, year);
  const questions = c.frozen ? c.newest!.questions : c.form ? compilationColumns(c.form.definition) : [];
  const shown = filtered(questions, c.frozen ? c.newest!.rows : c.live, filter);
  const inCounty = ctx.actor.role === "county" && ctx.actor.county === code;
  return {
    county: c.county,
    year,
    form: c.form ? { id: c.form.id, number: c.form.number, title: c.form.title } : null,
    forwardingDeadline: c.form?.forwardingDeadline ?? null,
    status: c.frozen ? "forwarded" : "notForwarded",
    assessment: c.assessment,
    version: c.draft?.version ?? 0,
    versions: c.versions.map(toVersion),
    questions: shown.columns,
    rows: shown.rows,
    late: c.newest !== undefined && c.form !== null && c.newest.forwardedOn > c.form.forwardingDeadline,
    can: {
      edit: inCounty && allows(ctx.actor, "annualCompilations.write"),
      forward: inCounty && allows(ctx.actor, "annualCompilations.forward") && c.form !== null,
    },
  };
}

const stale = () =>
  Conflict("Bedömningen har ändrats av någon annan sedan du öppnade sammanställningen. Läs in den igen.");

export async function saveAssessment(
  db: Db,
  ctx: ActorContext,
  code: string,
  year: number,
  input: { version: number; assessment: string },
): Promise<CountyCompilation> {
  await countyFor(db, ctx, code, "annualCompilations.write");
  await db.transaction(async (tx) => {
    const before = await repo.findDraft(tx, code, year);
    if ((before?.version ?? 0) !== input.version) throw stale();
    const version = await repo.saveDraft(tx, {
      county: code,
      year,
      assessment: input.assessment,
      version: input.version,
      at: ctx.clock.now(),
      by: ctx.actor.id,
    });
    if (version === null) throw stale();
    await recordAudit(tx, ctx, {
      action: "annualCompilations.update",
      entityType: "annualCompilation",
      entityId: `${code}:${year}`,
      before: before ? { length: before.assessment.length, version: before.version } : null,
      after: { county: code, year, version, length: input.assessment.length },
    });
  });
  return getCountyCompilation(db, ctx, code, year, {});
}

/** Municipalities whose report is missing or not accepted when forwarded. */
const notAccepted = (rows: LiveRow[]) =>
  rows
    .filter((r) => r.status !== "accepted")
    .map((r) => ({ code: r.municipality.code, name: r.municipality.name, status: r.status }));

/** A county head forwards the compilation to the agency: a new frozen version (a correction is forwarding again). */
export async function forwardCompilation(
  db: Db,
  ctx: ActorContext,
  code: string,
  year: number,
  input: { version?: number | undefined; registrationNumber: string },
): Promise<CountyCompilation> {
  await countyFor(db, ctx, code, "annualCompilations.forward");
  const today = ctx.clock.today();
  await db.transaction(async (tx) => {
    const draft = await repo.findDraft(tx, code, year);
    if (input.version !== undefined && (draft?.version ?? 0) !== input.version) throw stale();
    const { form, rows } = await compilationBasis(tx, code, year, today);
    if (!form) throw Invalid(`Myndigheten har inte publicerat någon blankett för ${year}. Det finns inget att lämna.`);
    // A correction without a new draft forwards the assessment shown: the newest version's.
    const assessment = draft?.assessment ?? (await repo.findVersions(tx, code, year))[0]?.assessment ?? "";
    if (assessment.trim() === "")
      throw Invalid("Skriv länets bedömning av effekten av de vidtagna åtgärderna innan sammanställningen lämnas.", {
        field: "assessment",
      });
    const missing = notAccepted(rows);
    const inserted = await repo.insertVersion(tx, {
      countyCode: code,
      year,
      formId: form.id,
      assessment,
      questions: compilationColumns(form.definition),
      rows: rows.map(publicRow),
      notAccepted: missing,
      registrationNumber: input.registrationNumber,
      forwardedOn: today,
      forwardedAt: ctx.clock.now(),
      forwardedBy: ctx.actor.id,
    });
    if (!inserted) throw Conflict("Sammanställningen lämnades av någon annan samtidigt. Läs in den igen.");
    await recordAudit(tx, ctx, {
      action: "annualCompilations.forward",
      entityType: "annualCompilation",
      entityId: inserted.id,
      after: {
        county: code,
        year,
        number: inserted.number,
        registrationNumber: input.registrationNumber,
        forwardedOn: today,
        formId: form.id,
        municipalities: rows.length,
        notAccepted: missing.map((m) => `${m.code}:${m.status}`),
      },
    });
  });
  return getCountyCompilation(db, ctx, code, year, {});
}
