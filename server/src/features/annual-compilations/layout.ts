import {
  ANNUAL_FORM_QUESTION_PARTS,
  type AnnualFormDefinition,
  type AnnualFormQuestionPart,
  type AnnualReportStatus,
  type FlatQuestion,
  type Question,
  flattenQuestions,
} from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./repository.js";

/*
 * The compilation workbook's layout, shared by the export, the template and the import so that a workbook read back
 * gives the same answers (R2.4-2): one sheet per part, one row per municipality, one column per question; one sheet
 * per repeating group with one row per item; the economy sheet with one column per part and cost category.
 * Row 1 holds the machine keys (what the import reads), row 2 the labels people read; the data starts on row 3.
 */

export const PART_SHEETS: Record<AnnualFormQuestionPart, string> = {
  indicators: "Indikatorer",
  events: "Händelser",
  activities: "Åtgärder",
};
export const ECONOMY_SHEET = "Ekonomi";
export const INSTRUCTIONS_SHEET = "Instruktioner";
export const FIRST_DATA_ROW = 3;

/** The columns before the questions; only the code is read back. */
export const FIXED_COLUMNS = [
  { key: "kommunkod", label: "Kommunkod", width: 11 },
  { key: "kommun", label: "Kommun", width: 20 },
  { key: "status", label: "Status", width: 16 },
  { key: "inlamnad", label: "Inlämnad", width: 11 },
] as const;
export const GROUP_FIXED_COLUMNS = [
  { key: "kommunkod", label: "Kommunkod", width: 11 },
  { key: "kommun", label: "Kommun", width: 20 },
  { key: "rad", label: "Rad", width: 6 },
] as const;
export const MANUAL_COLUMN = { key: "manuellSammanstallning", label: "Manuell sammanställning", width: 22 };

export const STATUS_SV: Record<AnnualReportStatus, string> = {
  notStarted: "Ej påbörjad",
  draft: "Utkast",
  submitted: "Inlämnad",
  returned: "För komplettering",
  accepted: "Godkänd",
};

export const YES = "Ja";
export const NO = "Nej";
export const AMOUNT_FORMAT = "#,##0";
export const LIST_SEPARATOR = "; ";

export interface GroupSheet {
  name: string;
  question: Question;
  part: AnnualFormQuestionPart;
}

const SHEET_NAME_MAX = 31;
const clean = (s: string) =>
  s
    .replace(/[[\]:*?/\\']/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The repeating groups' sheets, named after their labels (unique, within Excel's 31 characters), in form order. */
export function groupSheets(definition: AnnualFormDefinition): GroupSheet[] {
  const used = new Set<string>([...Object.values(PART_SHEETS), ECONOMY_SHEET, INSTRUCTIONS_SHEET].map(lower));
  const out: GroupSheet[] = [];
  for (const f of flattenQuestions(definition)) {
    if (f.question.type !== "group") continue;
    const base = clean(f.question.label).slice(0, SHEET_NAME_MAX) || f.question.key.slice(0, SHEET_NAME_MAX);
    let name = base;
    for (let i = 2; used.has(lower(name)); i++) name = `${base.slice(0, SHEET_NAME_MAX - 4)} (${i})`;
    used.add(lower(name));
    out.push({ name, question: f.question, part: f.part });
  }
  return out;
}

export function lower(s: string) {
  return s.trim().toLocaleLowerCase("sv-SE");
}

export const questionsOfPart = (definition: AnnualFormDefinition, part: AnnualFormQuestionPart): FlatQuestion[] =>
  flattenQuestions(definition).filter((f) => f.part === part);

export const QUESTION_PARTS = ANNUAL_FORM_QUESTION_PARTS;

export interface EconomyColumn {
  part: string;
  category: string;
  label: string;
}
export const economyKey = (c: { part: string; category: string }) => `${c.part}|${c.category}`;

/**
 * The economy sheet's columns: every part active in the year × the year's cost categories (national rules in force
 * on 1 January), then any other part and category a row has costs in.
 */
export async function economyColumns(
  db: Executor,
  year: number,
  rows: readonly { costs?: readonly { part: string; category: string }[] | undefined }[] = [],
): Promise<EconomyColumn[]> {
  const [parts, rules] = await Promise.all([repo.findParts(db), nationalRulesReader(db).on(`${year}-01-01`)]);
  const categories = rules.rules.costCategories.items;
  const partName = new Map(parts.map((p) => [p.code, p.name]));
  const categoryName = new Map(categories.map((c) => [c.code, c.name]));
  const out: EconomyColumn[] = [];
  const active = (p: { firstYear: number; lastYear: number | null }) =>
    year >= p.firstYear && (p.lastYear === null || year <= p.lastYear);
  for (const p of parts.filter(active))
    for (const c of categories) out.push({ part: p.code, category: c.code, label: `${p.name}: ${c.name}` });
  const known = new Set(out.map(economyKey));
  for (const r of rows)
    for (const c of r.costs ?? [])
      if (!known.has(economyKey(c))) {
        known.add(economyKey(c));
        out.push({
          part: c.part,
          category: c.category,
          label: `${partName.get(c.part) ?? c.part}: ${categoryName.get(c.category) ?? c.category}`,
        });
      }
  return out;
}

/** Known part and category codes, for the import's checks. */
export async function knownCostCodes(db: Executor, year: number) {
  const [parts, rules] = await Promise.all([repo.findParts(db), nationalRulesReader(db).on(`${year}-01-01`)]);
  return {
    parts: new Set(parts.map((p) => p.code)),
    categories: new Set(rules.rules.costCategories.items.map((c) => c.code)),
  };
}
