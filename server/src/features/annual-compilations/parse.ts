import {
  type AnnualFormDefinition,
  type AnswerValue,
  type Answers,
  type GroupField,
  type Question,
  isValidIsoDate,
} from "@uppsikt/core";
import ExcelJS from "exceljs";
import { AppError, Invalid } from "../../platform/errors.js";
import { checkArchive, readCentralDirectory } from "../../platform/files/archive.js";
import {
  ECONOMY_SHEET,
  FIRST_DATA_ROW,
  GROUP_FIXED_COLUMNS,
  MANUAL_COLUMN,
  NO,
  PART_SHEETS,
  QUESTION_PARTS,
  YES,
  groupSheets,
  lower,
  questionsOfPart,
} from "./layout.js";

/*
 * Reads the compilation workbook (layout.ts) back: every cell checked against the form with a Swedish message
 * naming its sheet and cell. A formula is refused (the value is to be typed in), so nothing a file computes is saved.
 */

export interface CellError {
  sheet: string;
  cell: string;
  message: string;
}

export interface ParsedCost {
  part: string;
  category: string;
  amount: number;
  manualCompilation: boolean;
}

export interface ParsedEntry {
  code: string;
  answers: Answers;
  costs: ParsedCost[];
  /** Where the municipality's row is on each sheet (for errors), and each answer's cell. */
  rowCell: { sheet: string; cell: string };
  cells: Map<string, { sheet: string; cell: string }>;
  groupCells: Map<string, { sheet: string; row: number; columns: Map<string, number> }[]>;
  partRows: Map<string, number>;
}

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 5000;

const notXlsx = () =>
  new AppError(415, "unsupportedMediaType", "Filen är ingen Excelfil (.xlsx). Använd mallen och spara den som .xlsx.");

export async function loadWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
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

type Raw = { kind: "empty" } | { kind: "formula" } | { kind: "value"; value: string | number | boolean | Date };

function raw(value: ExcelJS.CellValue): Raw {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "value", value };
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return { kind: "value", value };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return { kind: "formula" };
    if ("richText" in value) return raw(value.richText.map((r) => r.text).join(""));
    if ("text" in value && typeof value.text === "string") return raw(value.text);
    if ("error" in value) return { kind: "value", value: String(value.error) };
  }
  return { kind: "empty" };
}

const asText = (r: Raw): string =>
  r.kind !== "value" ? "" : r.value instanceof Date ? r.value.toISOString().slice(0, 10) : String(r.value).trim();

const norm = (s: string) => lower(s).replace(/\s+/g, " ");

/** A cell's answer of the question's type, or the message saying what is wrong. */
export function parseAnswer(q: Question | GroupField, r: Raw): { value: AnswerValue } | { error: string } | null {
  if (r.kind === "empty") return null;
  if (r.kind === "formula") return { error: "Cellen innehåller en formel. Skriv in själva värdet." };
  const v = r.value;
  const text = asText(r);
  const choice = (t: string) => q.choices?.find((c) => norm(c.label) === norm(t) || norm(c.value) === norm(t));
  switch (q.type) {
    case "yesNo": {
      if (typeof v === "boolean") return { value: v };
      const t = norm(text);
      if (["ja", "yes", "true", "j", "1"].includes(t)) return { value: true };
      if (["nej", "no", "false", "n", "0"].includes(t)) return { value: false };
      return { error: `"${text}" är inget ja/nej-svar. Skriv ${YES} eller ${NO}.` };
    }
    case "singleChoice": {
      const c = choice(text);
      return c
        ? { value: c.value }
        : { error: `"${text}" är inget av svarsalternativen: ${(q.choices ?? []).map((x) => x.label).join(", ")}.` };
    }
    case "multipleChoice": {
      const parts = text
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const values: string[] = [];
      for (const p of parts) {
        const c = choice(p);
        if (!c)
          return {
            error: `"${p}" är inget av svarsalternativen: ${(q.choices ?? []).map((x) => x.label).join(", ")}. Skilj flera val med semikolon.`,
          };
        if (!values.includes(c.value)) values.push(c.value);
      }
      return { value: values };
    }
    case "number": {
      if (typeof v === "number" && Number.isFinite(v)) return { value: v };
      const t = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
      return /^-?\d+(\.\d+)?$/.test(t) ? { value: Number(t) } : { error: `"${text}" är inget tal.` };
    }
    case "amount": {
      const t = typeof v === "number" ? String(v) : text.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "");
      if (!/^\d+$/.test(t))
        return { error: `"${text}" är inget belopp. Ange hela kronor (0 eller mer), t.ex. 125000.` };
      return { value: Number(t) };
    }
    case "date": {
      const t = v instanceof Date ? v.toISOString().slice(0, 10) : text;
      return /^\d{4}-\d{2}-\d{2}$/.test(t) && isValidIsoDate(t)
        ? { value: t }
        : { error: `"${text}" är inget datum. Skriv ÅÅÅÅ-MM-DD.` };
    }
    case "text":
      return { value: typeof v === "string" ? v : text };
    default:
      return null;
  }
}

function headerKeys(sheet: ExcelJS.Worksheet): Map<number, string> {
  const keys = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const t = asText(raw(cell.value));
    if (t) keys.set(col, t);
  });
  return keys;
}

export interface ParseContext {
  definition: AnnualFormDefinition;
  /** The county's municipalities by code, and every municipality's county (to say a code is another county's). */
  county: { code: string; name: string };
  own: Map<string, string>;
  all: Map<string, string>;
  costCodes: { parts: Set<string>; categories: Set<string> };
}

export function parseWorkbook(wb: ExcelJS.Workbook, ctx: ParseContext) {
  const errors: CellError[] = [];
  const entries = new Map<string, ParsedEntry>();
  const sheetBy = new Map(wb.worksheets.map((s) => [lower(s.name), s]));
  const groups = groupSheets(ctx.definition);
  const found = [...Object.values(PART_SHEETS), ECONOMY_SHEET, ...groups.map((g) => g.name)].filter((n) =>
    sheetBy.has(lower(n)),
  );
  if (found.length === 0)
    throw Invalid(
      `Filen har inga blad från blankettens mall (${Object.values(PART_SHEETS).join(", ")}, ${ECONOMY_SHEET}). Hämta mallen och fyll i den.`,
    );

  /** The code in column A of a data row, checked; null when the row is to be skipped or has an error. */
  const municipalityOf = (sheet: ExcelJS.Worksheet, r: number, seen: Set<string> | null): string | null => {
    const cell = sheet.getCell(r, 1);
    let code = asText(raw(cell.value)).replace(/\s/g, "");
    if (/^\d{3}$/.test(code)) code = code.padStart(4, "0");
    const at = { sheet: sheet.name, cell: cell.address };
    if (!code) errors.push({ ...at, message: "Ange kommunkoden (fyra siffror, t.ex. 0180)." });
    else if (!ctx.all.has(code)) errors.push({ ...at, message: `Kommunkoden ${code} finns inte.` });
    else if (!ctx.own.has(code))
      errors.push({ ...at, message: `Kommunen ${ctx.all.get(code)} (${code}) hör inte till ${ctx.county.name}.` });
    else if (seen?.has(code)) errors.push({ ...at, message: `Kommunen ${code} finns redan på en tidigare rad.` });
    else {
      seen?.add(code);
      return code;
    }
    return null;
  };
  const entryOf = (code: string, sheet: string, cell: string): ParsedEntry => {
    let e = entries.get(code);
    if (!e) {
      e = {
        code,
        answers: {},
        costs: [],
        rowCell: { sheet, cell },
        cells: new Map(),
        groupCells: new Map(),
        partRows: new Map(),
      };
      entries.set(code, e);
    }
    return e;
  };
  const rowIsEmpty = (sheet: ExcelJS.Worksheet, r: number, from: number) => {
    const row = sheet.getRow(r);
    for (let c = from; c <= sheet.columnCount; c++) if (raw(row.getCell(c).value).kind !== "empty") return false;
    return true;
  };
  const tooMany = (sheet: ExcelJS.Worksheet) => {
    if (sheet.rowCount > MAX_ROWS) throw Invalid(`Bladet ${sheet.name} har för många rader. Högst ${MAX_ROWS}.`);
  };

  for (const part of QUESTION_PARTS) {
    const sheet = sheetBy.get(lower(PART_SHEETS[part]));
    if (!sheet) continue;
    tooMany(sheet);
    const questions = new Map(questionsOfPart(ctx.definition, part).map((f) => [f.question.key, f.question]));
    const columns = new Map<number, Question>();
    for (const [col, key] of headerKeys(sheet)) {
      const q = questions.get(key);
      if (q) columns.set(col, q);
      else if (col > 4)
        errors.push({
          sheet: sheet.name,
          cell: sheet.getCell(1, col).address,
          message: `Frågan ${key} finns inte i blankettens del ${PART_SHEETS[part]}. Ändra inte nycklarna på rad 1.`,
        });
    }
    const seen = new Set<string>();
    for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
      const answerCols = [...columns].filter(([, q]) => q.type !== "group");
      const hasAnswers = answerCols.some(([c]) => raw(sheet.getCell(r, c).value).kind !== "empty");
      if (!hasAnswers && raw(sheet.getCell(r, 1).value).kind === "empty") continue;
      const code = municipalityOf(sheet, r, seen);
      if (!code) continue;
      const e = entryOf(code, sheet.name, sheet.getCell(r, 1).address);
      e.partRows.set(part, r);
      for (const [col, q] of answerCols) {
        const cell = sheet.getCell(r, col);
        e.cells.set(q.key, { sheet: sheet.name, cell: cell.address });
        const parsed = parseAnswer(q, raw(cell.value));
        if (!parsed) continue;
        if ("error" in parsed) errors.push({ sheet: sheet.name, cell: cell.address, message: parsed.error });
        else e.answers[q.key] = parsed.value;
      }
      for (const [col, q] of columns)
        if (q.type === "group") e.cells.set(q.key, { sheet: sheet.name, cell: sheet.getCell(r, col).address });
    }
  }

  for (const g of groups) {
    const sheet = sheetBy.get(lower(g.name));
    if (!sheet) continue;
    tooMany(sheet);
    const fields = new Map((g.question.fields ?? []).map((f) => [f.key, f]));
    const columns = new Map<number, GroupField>();
    const byKey = new Map<string, number>();
    for (const [col, key] of headerKeys(sheet)) {
      const f = fields.get(key);
      if (f) {
        columns.set(col, f);
        byKey.set(key, col);
      } else if (col > GROUP_FIXED_COLUMNS.length)
        errors.push({
          sheet: sheet.name,
          cell: sheet.getCell(1, col).address,
          message: `Fältet ${key} finns inte i gruppen ${g.question.label}. Ändra inte nycklarna på rad 1.`,
        });
    }
    const items = new Map<string, { order: number; row: number; item: Record<string, AnswerValue> }[]>();
    for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
      const emptyRow = rowIsEmpty(sheet, r, GROUP_FIXED_COLUMNS.length);
      if (emptyRow && raw(sheet.getCell(r, 1).value).kind === "empty") continue;
      const code = municipalityOf(sheet, r, null);
      if (!code) continue;
      entryOf(code, sheet.name, sheet.getCell(r, 1).address);
      const orderRaw = raw(sheet.getCell(r, 3).value);
      const order = orderRaw.kind === "value" && typeof orderRaw.value === "number" ? orderRaw.value : r;
      const item: Record<string, AnswerValue> = {};
      for (const [col, f] of columns) {
        const cell = sheet.getCell(r, col);
        const parsed = parseAnswer(f, raw(cell.value));
        if (!parsed) continue;
        if ("error" in parsed) errors.push({ sheet: sheet.name, cell: cell.address, message: parsed.error });
        else item[f.key] = parsed.value;
      }
      items.set(code, [...(items.get(code) ?? []), { order, row: r, item }]);
    }
    for (const [code, list] of items) {
      list.sort((a, b) => a.order - b.order || a.row - b.row);
      const e = entries.get(code)!;
      e.answers[g.question.key] = list.map((x) => x.item) as AnswerValue;
      e.groupCells.set(
        g.question.key,
        list.map((x) => ({ sheet: sheet.name, row: x.row, columns: byKey })),
      );
    }
  }

  const economy = sheetBy.get(lower(ECONOMY_SHEET));
  if (economy) parseEconomy(economy, ctx, errors, municipalityOf, entryOf);
  return { entries, errors };
}

function parseEconomy(
  sheet: ExcelJS.Worksheet,
  ctx: ParseContext,
  errors: CellError[],
  municipalityOf: (sheet: ExcelJS.Worksheet, r: number, seen: Set<string> | null) => string | null,
  entryOf: (code: string, sheet: string, cell: string) => ParsedEntry,
) {
  if (sheet.rowCount > MAX_ROWS) throw Invalid(`Bladet ${sheet.name} har för många rader. Högst ${MAX_ROWS}.`);
  const columns = new Map<number, { part: string; category: string; key: string }>();
  let manualCol: number | null = null;
  for (const [col, key] of headerKeys(sheet)) {
    if (key === MANUAL_COLUMN.key) {
      manualCol = col;
      continue;
    }
    if (col <= 4) continue;
    const [part, category, extra] = key.split("|");
    const at = { sheet: sheet.name, cell: sheet.getCell(1, col).address };
    if (!part || !category || extra !== undefined)
      errors.push({ ...at, message: `Kolumnen ${key} ska vara del|kostnadsslag. Ändra inte nycklarna på rad 1.` });
    else if (!ctx.costCodes.parts.has(part)) errors.push({ ...at, message: `Delen ${part} finns inte.` });
    else if (!ctx.costCodes.categories.has(category))
      errors.push({ ...at, message: `Kostnadsslaget ${category} finns inte.` });
    else columns.set(col, { part, category, key });
  }
  const seen = new Set<string>();
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const filled = [...columns.keys(), ...(manualCol ? [manualCol] : [])].some(
      (c) => raw(sheet.getCell(r, c).value).kind !== "empty",
    );
    if (!filled && raw(sheet.getCell(r, 1).value).kind === "empty") continue;
    const code = municipalityOf(sheet, r, seen);
    if (!code) continue;
    const e = entryOf(code, sheet.name, sheet.getCell(r, 1).address);
    const costs: ParsedCost[] = [];
    for (const [col, c] of columns) {
      const cell = sheet.getCell(r, col);
      const parsed = parseAnswer(
        { key: "belopp", type: "amount", label: "Belopp", help: "", required: false },
        raw(cell.value),
      );
      if (!parsed) continue;
      if ("error" in parsed) errors.push({ sheet: sheet.name, cell: cell.address, message: parsed.error });
      else costs.push({ part: c.part, category: c.category, amount: parsed.value as number, manualCompilation: false });
    }
    if (manualCol) {
      const cell = sheet.getCell(r, manualCol);
      const t = asText(raw(cell.value));
      const keys = new Set(costs.map((c) => `${c.part}|${c.category}`));
      if (["ja", "yes", "true"].includes(norm(t))) costs.forEach((c) => (c.manualCompilation = true));
      else if (t && !["nej", "no", "false"].includes(norm(t))) {
        const listed = t.split(";").map((s) => s.trim());
        const unknown = listed.filter((k) => !keys.has(k));
        if (unknown.length)
          errors.push({
            sheet: sheet.name,
            cell: cell.address,
            message: `Skriv ${YES} eller ${NO}, eller de del|kostnadsslag som sammanställts manuellt (${unknown.join(", ")} har ingen kostnad på raden).`,
          });
        else costs.forEach((c) => (c.manualCompilation = listed.includes(`${c.part}|${c.category}`)));
      }
    }
    e.costs = costs;
  }
}
