import type { AnnualFormDefinition, AnswerValue, CompilationRow, GroupField, Question } from "@uppsikt/core";
import ExcelJS from "exceljs";
import { writeWorkbook } from "../../platform/exports/xml-safe.js";
import {
  AMOUNT_FORMAT,
  ECONOMY_SHEET,
  type EconomyColumn,
  FIXED_COLUMNS,
  GROUP_FIXED_COLUMNS,
  INSTRUCTIONS_SHEET,
  LIST_SEPARATOR,
  MANUAL_COLUMN,
  NO,
  PART_SHEETS,
  QUESTION_PARTS,
  STATUS_SV,
  YES,
  economyKey,
  groupSheets,
  questionsOfPart,
} from "./layout.js";

/*
 * Writes the compilation workbook (see layout.ts). Every text goes in as a text cell, never as a formula: an answer
 * that starts with "=" stays text when the file is opened (and writeWorkbook makes every text XML-safe).
 */

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface WorkbookInput {
  title: string;
  definition: AnnualFormDefinition;
  rows: readonly CompilationRow[];
  economy: readonly EconomyColumn[];
  created: Date;
  /** The template: instructions say how to fill it in. */
  template: boolean;
}

type Cell = string | number | null;

/** A scalar answer as the cell shows it: Ja/Nej, a choice's label, the labels of several joined by "; ". */
export function cellOf(q: Question | GroupField, value: AnswerValue | null | undefined): Cell {
  if (value === null || value === undefined) return null;
  const label = (v: unknown) => q.choices?.find((c) => c.value === v)?.label ?? String(v);
  switch (q.type) {
    case "yesNo":
      return typeof value === "boolean" ? (value ? YES : NO) : String(value);
    case "singleChoice":
      return label(value);
    case "multipleChoice":
      return Array.isArray(value) ? value.map(label).join(LIST_SEPARATOR) : label(value);
    case "number":
    case "amount":
      return typeof value === "number" ? value : String(value);
    case "group":
      return Array.isArray(value) ? value.length : null;
    default:
      return typeof value === "string" ? value : String(value);
  }
}

/** A drop-down list for the template's yes/no and single-choice cells (Excel's list is at most 255 characters). */
function choiceList(q: Question): string | null {
  const labels =
    q.type === "yesNo" ? [YES, NO] : q.type === "singleChoice" ? (q.choices ?? []).map((c) => c.label) : [];
  if (labels.length === 0 || labels.some((l) => /[,"]/.test(l))) return null;
  const list = `"${labels.join(",")}"`;
  return list.length <= 255 ? list : null;
}

function header(sheet: ExcelJS.Worksheet, columns: readonly { key: string; label: string; width?: number }[]) {
  columns.forEach((c, i) => {
    sheet.getCell(1, i + 1).value = c.key;
    sheet.getCell(2, i + 1).value = c.label;
    sheet.getColumn(i + 1).width = c.width ?? 24;
  });
  sheet.getRow(1).font = { color: { argb: "FF666666" }, size: 9 };
  sheet.getRow(2).font = { bold: true };
  sheet.getRow(2).alignment = { wrapText: true, vertical: "top" };
  sheet.views = [{ state: "frozen", ySplit: 2, xSplit: 2 }];
}

const formatOf = (type: string) =>
  type === "amount" ? AMOUNT_FORMAT : type === "date" || type === "text" ? "@" : undefined;

function fixedCells(r: CompilationRow): Cell[] {
  return [r.municipality.code, r.municipality.name, STATUS_SV[r.status], r.submittedOn];
}

export function buildWorkbook(input: WorkbookInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppsikt";
  wb.created = input.created;
  const groups = groupSheets(input.definition);
  for (const part of QUESTION_PARTS) {
    const sheet = wb.addWorksheet(PART_SHEETS[part]);
    const questions = questionsOfPart(input.definition, part).map((f) => f.question);
    header(sheet, [
      ...FIXED_COLUMNS,
      ...questions.map((q) => ({
        key: q.key,
        label:
          q.type === "group"
            ? `${q.label} (antal rader, se bladet ${groups.find((g) => g.question.key === q.key)?.name})`
            : q.label,
        width: q.type === "text" ? 40 : 18,
      })),
    ]);
    input.rows.forEach((r, i) => {
      const row = sheet.getRow(i + 3);
      const cells = [...fixedCells(r), ...questions.map((q) => cellOf(q, r.answers[q.key]))];
      cells.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v;
      });
      questions.forEach((q, qi) => {
        const cell = row.getCell(FIXED_COLUMNS.length + qi + 1);
        const fmt = formatOf(q.type);
        if (fmt) cell.numFmt = fmt;
        const list = input.template ? choiceList(q) : null;
        if (list) cell.dataValidation = { type: "list", allowBlank: true, formulae: [list] };
      });
      row.getCell(1).numFmt = "@";
    });
  }
  for (const g of groups) {
    const sheet = wb.addWorksheet(g.name);
    const fields = g.question.fields ?? [];
    header(sheet, [...GROUP_FIXED_COLUMNS, ...fields.map((f) => ({ key: f.key, label: f.label }))]);
    let n = 3;
    for (const r of input.rows) {
      const items = r.answers[g.question.key];
      if (!Array.isArray(items)) continue;
      (items as Record<string, AnswerValue | null>[]).forEach((item, i) => {
        if (typeof item !== "object" || item === null) return;
        const row = sheet.getRow(n++);
        row.getCell(1).value = r.municipality.code;
        row.getCell(1).numFmt = "@";
        row.getCell(2).value = r.municipality.name;
        row.getCell(3).value = i + 1;
        fields.forEach((f, fi) => {
          const v = cellOf(f, item[f.key]);
          const cell = row.getCell(GROUP_FIXED_COLUMNS.length + fi + 1);
          if (v !== null) cell.value = v;
          const fmt = formatOf(f.type);
          if (fmt) cell.numFmt = fmt;
        });
      });
    }
  }
  const economy = wb.addWorksheet(ECONOMY_SHEET);
  header(economy, [
    ...FIXED_COLUMNS,
    ...input.economy.map((c) => ({ key: economyKey(c), label: c.label, width: 18 })),
    MANUAL_COLUMN,
  ]);
  input.rows.forEach((r, i) => {
    const row = economy.getRow(i + 3);
    fixedCells(r).forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
    });
    row.getCell(1).numFmt = "@";
    const costs = new Map((r.costs ?? []).map((c) => [economyKey(c), c]));
    input.economy.forEach((c, ci) => {
      const cell = row.getCell(FIXED_COLUMNS.length + ci + 1);
      cell.numFmt = AMOUNT_FORMAT;
      const cost = costs.get(economyKey(c));
      if (cost) cell.value = cost.amount;
    });
    const manual = (r.costs ?? []).filter((c) => c.manualCompilation);
    if ((r.costs ?? []).length > 0)
      row.getCell(FIXED_COLUMNS.length + input.economy.length + 1).value =
        manual.length === 0
          ? NO
          : manual.length === r.costs!.length
            ? YES
            : manual.map(economyKey).join(LIST_SEPARATOR);
  });
  instructions(wb, input);
  return wb;
}

function instructions(wb: ExcelJS.Workbook, input: WorkbookInput) {
  const sheet = wb.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.getColumn(1).width = 120;
  const lines = [
    input.title,
    "",
    input.template
      ? "Mall för kommuner som rapporterar utanför systemet. Fyll i en rad per kommun; länsstyrelsen läser in filen under Årsuppföljning."
      : "Länets sammanställning: en rad per kommun med svaren i den senaste inlämningen (ett utkast som inte lämnats in visas inte).",
    "Rad 1 på varje blad är frågornas nycklar och läses in; ändra dem inte. Rad 2 är frågorna i klartext. Svaren börjar på rad 3.",
    "Kommunkod: kommunens fyrsiffriga kod, t.ex. 0180. Kommun, status och inlämnad läses inte in.",
    `Ja/nej-frågor: ${YES} eller ${NO}. Valfrågor: svarsalternativets text. Flera val: texterna åtskilda med semikolon (;).`,
    "Tal och belopp: siffror (belopp i hela kronor). Datum: ÅÅÅÅ-MM-DD.",
    "Upprepade grupper (t.ex. händelser) har egna blad: en rad per post med kommunkoden och radnumret.",
    `Ekonomi: kostnaden per del och kostnadsslag i hela kronor. ${MANUAL_COLUMN.label}: ${YES} när redovisningen inte kunde särskilja kostnaderna.`,
    "Alla celler kontrolleras vid inläsningen. Inget sparas om någon cell har fel; felen anges med blad och cell.",
    "",
    "Svarsalternativ:",
  ];
  for (const part of QUESTION_PARTS)
    for (const { question: q } of questionsOfPart(input.definition, part)) {
      if (q.choices) lines.push(`${q.key}: ${q.choices.map((c) => c.label).join(LIST_SEPARATOR)}`);
      for (const f of q.fields ?? [])
        if (f.choices) lines.push(`${q.key}.${f.key}: ${f.choices.map((c) => c.label).join(LIST_SEPARATOR)}`);
    }
  lines.forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = line;
  });
  sheet.getRow(1).font = { bold: true, size: 14 };
}

export async function workbookFile(input: WorkbookInput, fileName: string) {
  return { content: await writeWorkbook(buildWorkbook(input)), fileName, mediaType: XLSX_MEDIA_TYPE };
}
