import {
  type Answers,
  type CompilationRow,
  type ReportImportResult,
  checkAnswers,
  missingAnswers,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { Invalid, NotFound } from "../../platform/errors.js";
import type { Upload } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { recordImportedReport } from "../annual-reports/import-record.js";
import { compilationBasis, countyFor, currentCompilation } from "./county-service.js";
import { economyColumns, knownCostCodes } from "./layout.js";
import { publicRow } from "./live-rows.js";
import { type CellError, type ParsedEntry, loadWorkbook, parseWorkbook } from "./parse.js";
import * as repo from "./repository.js";
import { sameAnswers, sameCosts } from "./same.js";
import { workbookFile } from "./workbook.js";

/*
 * The county's compilation as one workbook, the form's template for municipalities that report outside the system,
 * and the import of either (R2.4-2, R1-6): every cell validated, nothing saved unless all is valid; re-importing the
 * exported workbook gives the same answers and writes nothing.
 */

/** Without a published form there is no workbook of the year (no columns to have). */
const noForm = (year: number) => NotFound(`Myndigheten har inte publicerat någon blankett för ${year}.`);

/** The compilation as shown (frozen while nothing changed since forwarding), on the year's current form. */
export async function exportCompilation(db: Db, ctx: ActorContext, code: string, year: number) {
  const c = await currentCompilation(db, ctx, code, year);
  if (!c.form) throw noForm(year);
  const rows: CompilationRow[] = c.frozen ? c.newest!.rows : c.live;
  return workbookFile(
    {
      title: `Årsuppföljning ${year}: ${c.county.name}${c.frozen ? ` (lämnad ${c.newest!.forwardedOn}, ${c.newest!.registrationNumber})` : ""}`,
      definition: c.form.definition,
      rows,
      economy: await economyColumns(db, year, rows),
      created: ctx.clock.now(),
      template: false,
    },
    `arsuppfoljning-${code}-${year}.xlsx`,
  );
}

/** The template: a row per municipality of the county whose report is not submitted (a returned one with its answers). */
export async function exportTemplate(db: Db, ctx: ActorContext, code: string, year: number) {
  const county = await countyFor(db, ctx, code, "annualReports.import");
  const { form, rows } = await compilationBasis(db, code, year, ctx.clock.today());
  if (!form) throw noForm(year);
  const open = rows
    .filter((r) => r.status === "notStarted" || r.status === "draft" || r.status === "returned")
    .map((r) => (r.status === "returned" ? publicRow(r) : { ...publicRow(r), answers: {}, costs: [] }));
  return workbookFile(
    {
      title: `Årsuppföljning ${year}: mall för ${county.name}`,
      definition: form.definition,
      rows: open,
      economy: await economyColumns(db, year, open),
      created: ctx.clock.now(),
      template: true,
    },
    `arsuppfoljning-mall-${code}-${year}.xlsx`,
  );
}

/** Checked before the upload is read: outside scope 404, without the permission 403. */
export async function assertMayImport(db: Db, ctx: ActorContext, code: string) {
  await countyFor(db, ctx, code, "annualReports.import");
}

const MAX_ERRORS = 500;

type Change = "created" | "updated" | "unchanged";

function answerErrors(definition: Parameters<typeof missingAnswers>[0], e: ParsedEntry, name: string): CellError[] {
  const out: CellError[] = [];
  const at = (key: string) => e.cells.get(key) ?? e.rowCell;
  for (const issue of checkAnswers(definition, e.answers)) {
    const [key, row, field] = issue.path;
    const g = row !== undefined && field !== undefined ? e.groupCells.get(key!)?.[Number(row)] : undefined;
    const cell = g ? { sheet: g.sheet, cell: `${columnLetter(g.columns.get(field!) ?? 1)}${g.row}` } : at(key!);
    out.push({ ...cell, message: issue.message });
  }
  for (const m of missingAnswers(definition, e.answers)) {
    const g = m.row !== undefined ? e.groupCells.get(m.questionKey)?.[m.row] : undefined;
    const cell = g
      ? { sheet: g.sheet, cell: `${columnLetter(g.columns.get(m.field!) ?? 1)}${g.row}` }
      : at(m.questionKey);
    out.push({ ...cell, message: `Svar saknas (${name}): ${m.label}` });
  }
  return out;
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Validates the workbook (dryRun: the preview) or saves every changed municipality's report in one transaction. */
export async function importCompilation(
  db: Db,
  ctx: ActorContext,
  code: string,
  year: number,
  upload: Upload,
  dryRun: boolean,
): Promise<ReportImportResult> {
  const county = await countyFor(db, ctx, code, "annualReports.import");
  if (upload.files.length !== 1) throw Invalid("Skicka en Excelfil (.xlsx) i fältet file.");
  const wb = await loadWorkbook(upload.files[0]!.buffer);
  const { form, rows } = await compilationBasis(db, code, year, ctx.clock.today());
  if (!form) throw noForm(year);
  const [all, costCodes] = await Promise.all([repo.findMunicipalities(db), knownCostCodes(db, year)]);
  const own = new Map(rows.map((r) => [r.municipality.code, r.municipality.name]));
  const { entries, errors } = parseWorkbook(wb, {
    definition: form.definition,
    county,
    own,
    all: new Map(all.map((m) => [m.code, m.name])),
    costCodes,
  });
  const byCode = new Map(rows.map((r) => [r.municipality.code, r]));
  const planned: { entry: ParsedEntry; change: Change }[] = [];
  for (const row of rows) {
    const e = entries.get(row.municipality.code);
    if (!e || (Object.keys(e.answers).length === 0 && e.costs.length === 0)) continue;
    const current = byCode.get(e.code)!;
    const unchanged = sameAnswers(current.answers, e.answers) && sameCosts(current.costs, e.costs);
    if (unchanged && current.status !== "notStarted" && current.status !== "draft") {
      planned.push({ entry: e, change: "unchanged" });
      continue;
    }
    errors.push(...answerErrors(form.definition, e, row.municipality.name));
    if (current.status === "submitted" || current.status === "accepted")
      errors.push({
        ...e.rowCell,
        message:
          current.status === "accepted"
            ? `Rapporten för ${row.municipality.name} är redan godkänd och kan inte ersättas.`
            : `Rapporten för ${row.municipality.name} är inlämnad och väntar på granskning. Granska den i stället.`,
      });
    planned.push({ entry: e, change: current.status === "notStarted" ? "created" : "updated" });
  }
  if (planned.length === 0 && errors.length === 0)
    throw Invalid("Filen har inga svar att läsa in. Fyll i en rad per kommun från rad 3.");
  const view = (list: { entry: ParsedEntry; change: Change }[]) =>
    list.map(({ entry, change }) => ({ municipality: { code: entry.code, name: own.get(entry.code)! }, change }));
  if (errors.length > 0) {
    const result: ReportImportResult = { imported: false, errors: errors.slice(0, MAX_ERRORS), rows: view(planned) };
    if (dryRun) return result;
    const n = errors.length;
    throw Invalid(`Filen har fel i ${n} ${n === 1 ? "cell" : "celler"}. Inget har sparats.`, result);
  }
  if (dryRun) return { imported: false, errors: [], rows: view(planned) };
  const done = await db.transaction(async (tx) => {
    const out: { entry: ParsedEntry; change: Change }[] = [];
    for (const p of planned) {
      if (p.change === "unchanged") {
        out.push(p);
        continue;
      }
      const change = await recordImportedReport(tx, ctx, {
        code: p.entry.code,
        year,
        formId: form.id,
        answers: p.entry.answers as Answers,
        costs: p.entry.costs,
      });
      out.push({ entry: p.entry, change });
    }
    return out;
  });
  return { imported: true, errors: [], rows: view(done) };
}
