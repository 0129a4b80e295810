import { type CompensationImportResult, type CompensationStatus, isPartActive, yearOf } from "@uppsikt/core";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { AppError, Conflict, Invalid } from "../../platform/errors.js";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";
import { checkArchive, readCentralDirectory } from "../../platform/files/archive.js";
import type { Upload } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { refreshLargeSavings } from "./detection.js";
import * as repo from "./repository.js";

/*
 * The payout-list import (R1-5): the agency downloads a template, fills a year's payouts and imports it. Every row
 * is validated (Swedish messages with the Excel row number and the column); nothing is saved unless every row is
 * valid; re-importing the same file changes nothing; a corrected file updates only the rows it changes, keeping
 * the earlier values in the history.
 */

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const SHEET = "Utbetalning";
const MAX_ROWS = 5000;
const MAX_BYTES = 10 * 1024 * 1024;

export const COLUMNS = {
  municipality: "Kommunkod",
  name: "Kommunnamn",
  year: "År",
  part: "Del",
  amount: "Belopp (kr)",
  status: "Status",
  adjustment: "Justering (kr)",
  date: "Datum",
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["municipality", "year", "part", "amount"];

export const STATUS_WORDS: Record<string, CompensationStatus> = {
  utannonserad: "announced",
  utbetald: "paid",
  innehållen: "withheld",
  reducerad: "reduced",
  återbetald: "repaid",
  announced: "announced",
  paid: "paid",
  withheld: "withheld",
  reduced: "reduced",
  repaid: "repaid",
};
export const STATUS_SV: Record<CompensationStatus, string> = {
  announced: "utannonserad",
  paid: "utbetald",
  withheld: "innehållen",
  reduced: "reducerad",
  repaid: "återbetald",
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("text" in value && typeof value.text === "string") return value.text.trim();
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

/** The template: the payout sheet with its columns, the parts, and instructions. */
export async function importTemplate(db: Db, ctx: ActorContext) {
  authorize(ctx.actor, "compensation.write");
  const parts = await repo.findParts(db);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  wb.created = ctx.clock.now();
  const sheet = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: COLUMNS.municipality, key: "municipality", width: 12, style: { numFmt: "@" } },
    { header: COLUMNS.name, key: "name", width: 22 },
    { header: COLUMNS.year, key: "year", width: 8 },
    { header: COLUMNS.part, key: "part", width: 16 },
    { header: COLUMNS.amount, key: "amount", width: 16, style: { numFmt: "#,##0" } },
    { header: COLUMNS.status, key: "status", width: 14 },
    { header: COLUMNS.adjustment, key: "adjustment", width: 16, style: { numFmt: "#,##0" } },
    { header: COLUMNS.date, key: "date", width: 12, style: { numFmt: "@" } },
  ];
  sheet.getRow(1).font = { bold: true };
  const partsSheet = wb.addWorksheet("Delar");
  partsSheet.columns = [
    { header: "Kod", key: "code", width: 16 },
    { header: "Namn", key: "name", width: 40 },
    { header: "Första år", key: "firstYear", width: 10 },
    { header: "Sista år", key: "lastYear", width: 10 },
    { header: "Räknas in i sparandet", key: "counts", width: 22 },
  ];
  partsSheet.getRow(1).font = { bold: true };
  for (const p of parts)
    partsSheet.addRow({
      code: p.code,
      name: p.name,
      firstYear: p.firstYear,
      lastYear: p.lastYear ?? "",
      counts: p.countsTowardSavings ? "ja" : "nej",
    });
  const help = wb.addWorksheet("Instruktioner");
  help.getColumn(1).width = 110;
  [
    "Utbetalningslista för ersättningen till kommunerna",
    "",
    `Fyll i en rad per kommun, år och del på bladet ${SHEET}. Rubrikraden ska stå kvar.`,
    `${COLUMNS.municipality}: kommunens fyrsiffriga kod, t.ex. 0180.`,
    `${COLUMNS.name}: valfritt, för din egen skull (läses inte in).`,
    `${COLUMNS.year}: året ersättningen gäller, t.ex. ${yearOf(ctx.clock.today())}.`,
    `${COLUMNS.part}: delens kod från bladet Delar, t.ex. del1-2024. Året ska ligga inom delens år.`,
    `${COLUMNS.amount}: det utannonserade beloppet i hela kronor, utan decimaler.`,
    `${COLUMNS.status}: valfritt: utannonserad, utbetald, innehållen, reducerad eller återbetald. Tom: utannonserad (en befintlig rad behåller sin status).`,
    `${COLUMNS.adjustment}: för reducerad minskningen, för återbetald det återbetalda beloppet, i hela kronor. Högst beloppet.`,
    `${COLUMNS.date}: valfritt, dagen för statusen (ÅÅÅÅ-MM-DD).`,
    "",
    "Varje rad kontrolleras. Inget sparas om någon rad har fel. Att läsa in samma fil igen ändrar ingenting;",
    "en rättad fil uppdaterar bara de rader som ändrats, och de tidigare värdena sparas i historiken.",
  ].forEach((line, i) => {
    help.getCell(i + 1, 1).value = line;
  });
  help.getRow(1).font = { bold: true, size: 14 };
  return { content: await writeWorkbook(wb), fileName: "utbetalningslista-mall.xlsx", mediaType: XLSX_MEDIA_TYPE };
}

interface ParsedRow {
  row: number;
  municipality: string;
  year: number;
  part: string;
  amount: number;
  status: CompensationStatus | null;
  adjustment: number | null;
  statusOn: string | null;
}

type RowError = CompensationImportResult["errors"][number];

const notXlsx = () =>
  new AppError(415, "unsupportedMediaType", "Filen är ingen Excelfil (.xlsx). Använd mallen och spara den som .xlsx.");

async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  if (content.length > MAX_BYTES) throw new AppError(413, "payloadTooLarge", "Filen är för stor. Högst 10 MB.");
  if (content.subarray(0, 4).toString("binary") !== "PK\x03\x04" || !readCentralDirectory(content)) throw notXlsx();
  checkArchive(content, "Excelfilen");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx();
  }
  return wb;
}

const WHOLE = /^\d+$/;

function parseKronor(text: string, label: string, row: number, errors: RowError[]): number | null {
  const t = text.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "");
  if (t === "") return null;
  if (/^-/.test(t)) {
    errors.push({ row, field: label, message: "Beloppet får inte vara negativt." });
    return null;
  }
  if (!/^\d+([.,]\d+)?$/.test(t)) {
    errors.push({ row, field: label, message: `"${text}" är inget belopp. Ange hela kronor, t.ex. 1250000.` });
    return null;
  }
  if (!WHOLE.test(t)) {
    errors.push({ row, field: label, message: "Ange beloppet i hela kronor, utan decimaler." });
    return null;
  }
  const n = Number(t);
  if (n > 10_000_000_000) {
    errors.push({ row, field: label, message: "Beloppet är orimligt stort." });
    return null;
  }
  return n;
}

function validDate(t: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return false;
  const d = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === t;
}

/** Reads and checks every row against the municipalities and the parts. */
async function parseRows(db: Db, wb: ExcelJS.Workbook): Promise<{ rows: ParsedRow[]; errors: RowError[] }> {
  const sheet = wb.worksheets.find((s) => norm(s.name) === norm(SHEET)) ?? wb.worksheets[0];
  if (!sheet) throw Invalid(`Filen har inget blad som heter ${SHEET}.`);
  const header = new Map<Column, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = norm(cellText(cell.value));
    for (const [key, label] of Object.entries(COLUMNS) as [Column, string][])
      if (
        text === norm(label) ||
        (key === "amount" && text === "belopp") ||
        (key === "adjustment" && text === "justering")
      )
        header.set(key, col);
  });
  const missing = REQUIRED.filter((c) => !header.has(c));
  if (missing.length)
    throw Invalid(
      `Bladet ${sheet.name} saknar kolumnen ${missing.map((m) => COLUMNS[m]).join(", ")}. Rubrikerna ska vara: ${Object.values(COLUMNS).join(", ")}.`,
    );
  if (sheet.rowCount > MAX_ROWS + 1) throw Invalid(`Filen har för många rader. Högst ${MAX_ROWS} rader per fil.`);
  const [refs, parts] = await Promise.all([repo.findMunicipalityRefs(db), repo.findParts(db)]);
  const known = new Set(refs.map((r) => r.code));
  const partBy = new Map(parts.map((p) => [p.code, p]));
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (c: Column) => {
      const col = header.get(c);
      return col ? cellText(row.getCell(col).value) : "";
    };
    const values = (Object.keys(COLUMNS) as Column[]).filter((c) => c !== "name").map(get);
    if (values.every((v) => v === "")) continue;
    const before = errors.length;
    let code = get("municipality").replace(/\s/g, "");
    if (/^\d{1,3}$/.test(code)) code = code.padStart(4, "0");
    if (!known.has(code))
      errors.push({
        row: r,
        field: COLUMNS.municipality,
        message: code ? `Kommunkoden ${code} finns inte.` : "Ange kommunkoden.",
      });
    const yearText = get("year");
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (year === null)
      errors.push({ row: r, field: COLUMNS.year, message: `"${yearText}" är inget år. Ange t.ex. 2026.` });
    const partCode = get("part").toLowerCase();
    const part = partBy.get(partCode);
    if (!part)
      errors.push({
        row: r,
        field: COLUMNS.part,
        message: partCode ? `Delen ${partCode} finns inte. Se bladet Delar.` : "Ange delens kod.",
      });
    else if (year !== null && !isPartActive(part, year))
      errors.push({
        row: r,
        field: COLUMNS.year,
        message: `Delen ${part.code} gäller åren ${part.firstYear}–${part.lastYear ?? ""}, inte ${year}.`,
      });
    const amountText = get("amount");
    const amount = parseKronor(amountText, COLUMNS.amount, r, errors);
    if (amount === null && amountText.trim() === "")
      errors.push({ row: r, field: COLUMNS.amount, message: "Ange beloppet i hela kronor." });
    const statusText = get("status");
    const status = statusText ? (STATUS_WORDS[norm(statusText)] ?? null) : null;
    if (statusText && !status)
      errors.push({
        row: r,
        field: COLUMNS.status,
        message: `Statusen "${statusText}" finns inte. Ange utannonserad, utbetald, innehållen, reducerad eller återbetald.`,
      });
    const adjustment = parseKronor(get("adjustment"), COLUMNS.adjustment, r, errors);
    if (adjustment !== null && amount !== null && adjustment > amount)
      errors.push({ row: r, field: COLUMNS.adjustment, message: "Justeringen får inte vara större än beloppet." });
    if (adjustment !== null && status !== null && status !== "reduced" && status !== "repaid")
      errors.push({
        row: r,
        field: COLUMNS.adjustment,
        message: "En justering gäller bara statusen reducerad eller återbetald.",
      });
    const dateText = get("date");
    if (dateText && !validDate(dateText))
      errors.push({ row: r, field: COLUMNS.date, message: `"${dateText}" är inget datum. Skriv ÅÅÅÅ-MM-DD.` });
    if (known.has(code) && year !== null && part) {
      const key = `${code}|${year}|${part.code}`;
      const first = seen.get(key);
      if (first !== undefined)
        errors.push({
          row: r,
          field: COLUMNS.municipality,
          message: `Samma kommun, år och del finns redan på rad ${first}.`,
        });
      else seen.set(key, r);
    }
    if (errors.length === before)
      rows.push({
        row: r,
        municipality: code,
        year: year!,
        part: part!.code,
        amount: amount!,
        status,
        adjustment,
        statusOn: dateText || null,
      });
  }
  if (rows.length === 0 && errors.length === 0) throw Invalid(`Bladet ${sheet.name} har inga rader att läsa in.`);
  return { rows, errors };
}

/** Validates the file (dryRun: the preview) or saves it when every row is valid; see the module comment. */
export async function importPayoutList(
  db: Db,
  ctx: ActorContext,
  upload: Upload,
  dryRun: boolean,
): Promise<CompensationImportResult> {
  authorize(ctx.actor, "compensation.write");
  if (upload.files.length !== 1) throw Invalid("Skicka en Excelfil (.xlsx) i fältet file.");
  const wb = await loadWorkbook(upload.files[0]!.buffer);
  const { rows, errors } = await parseRows(db, wb);
  const run = async (tx: Db | Parameters<Parameters<Db["transaction"]>[0]>[0], save: boolean) => {
    const codes = [...new Set(rows.map((r) => r.municipality))];
    const existing = await repo.findAmounts(tx, codes);
    const byKey = new Map(existing.map((a) => [`${a.municipalityCode}|${a.year}|${a.partCode}`, a]));
    const parts = new Map((await repo.findParts(tx)).map((p) => [p.code, p]));
    const counts = { new: 0, updated: 0, unchanged: 0 };
    const out: CompensationImportResult["rows"] = [];
    const inserts: repo.AmountInsert[] = [];
    const changed: Record<string, unknown>[] = [];
    const touched = new Set<string>();
    for (const r of rows) {
      const current = byKey.get(`${r.municipality}|${r.year}|${r.part}`);
      const status = r.status ?? (current ? (current.status as CompensationStatus) : "announced");
      const keepOld = r.status === null && current !== undefined;
      const adjustment =
        status === "reduced" || status === "repaid" ? (r.adjustment ?? (keepOld ? current.adjustment : null)) : null;
      const statusOn = r.statusOn ?? (keepOld ? current.statusOn : null);
      const values = { amount: r.amount, status, adjustment, statusOn };
      let change: "new" | "updated" | "unchanged";
      if (!current) change = "new";
      else
        change =
          current.amount === values.amount &&
          current.status === values.status &&
          (current.adjustment ?? null) === values.adjustment &&
          (current.statusOn ?? null) === values.statusOn
            ? "unchanged"
            : "updated";
      counts[change]++;
      out.push({
        row: r.row,
        municipality: r.municipality,
        year: r.year,
        part: r.part,
        amount: r.amount,
        status,
        adjustment,
        statusOn,
        change,
      });
      if (!save || change === "unchanged") continue;
      touched.add(r.municipality);
      const confidential = parts.get(r.part)?.confidentialBasis != null;
      const key = `${r.municipality}/${r.year}/${r.part}`;
      if (change === "new") {
        inserts.push({
          municipalityCode: r.municipality,
          year: r.year,
          partCode: r.part,
          ...values,
          createdAt: ctx.clock.now(),
        });
        changed.push(confidential ? { key, change } : { key, change, after: r.amount });
      } else {
        if (!(await repo.updateAmount(tx, current!, values, ctx.actor.id, ctx.clock.now())))
          throw Conflict("Ersättningen har ändrats av någon annan under inläsningen. Försök igen.");
        changed.push(
          confidential ? { key, change } : { key, change, before: current!.amount, after: r.amount, status },
        );
      }
    }
    return { counts, out, inserts, changed, touched };
  };

  if (dryRun || errors.length) {
    const { counts, out } = await run(db, false);
    const result: CompensationImportResult = { dryRun, saved: false, rows: out, errors, counts };
    if (!dryRun) {
      const n = new Set(errors.map((e) => e.row)).size;
      throw Invalid(`Filen har fel på ${n} ${n === 1 ? "rad" : "rader"}. Inget har sparats.`, result);
    }
    return result;
  }
  return db.transaction(async (tx) => {
    const { counts, out, inserts, changed, touched } = await run(tx, true);
    await repo.insertAmounts(tx, inserts);
    if (changed.length) {
      await recordAudit(tx, ctx, {
        action: "compensation.import",
        entityType: "compensationAmount",
        after: { fileName: upload.files[0]!.fileName, rows: rows.length, ...counts, changes: changed },
      });
      await refreshLargeSavings(tx, ctx, [...touched]);
    }
    return { dryRun: false, saved: true, rows: out, errors: [], counts };
  });
}
