import {
  MissingAnswer,
  formatAmount,
  type AnnualReport,
  type AnnualReportStatus,
  type AnswerValue,
  type Answers,
  type GroupField,
  type Question,
  type QuestionComment,
} from "@uppsikt/core";
import { z } from "zod";
import { isApiError } from "../../api/client";

/** Pure helpers of the annual report tab (answers ↔ field values, the missing list, the year); no React. */

type Scalar = boolean | number | string | null;
/** The question or a repeating group's field: what a field needs to know of it. */
export type FieldSpec = Pick<Question | GroupField, "key" | "type" | "label" | "choices" | "required" | "help">;

/** yes/no → the radio's value ("yes" / "no"), none → "". */
export const yesNoValue = (v: unknown): string => (v === true ? "yes" : v === false ? "no" : "");
export const yesNoAnswer = (v: string): boolean | null => (v === "yes" ? true : v === "no" ? false : null);

/** A number as the NumberInput shows it; none → "". */
export const numberValue = (v: unknown): number | "" => (typeof v === "number" && Number.isFinite(v) ? v : "");
/** The NumberInput's value (a number, or a string while empty or half typed: "", "-", "12,") as an answer. */
export function numberAnswer(v: number | string): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const text = v.trim().replace(/\s/g, "").replace(",", ".");
  if (text === "" || text === "-" || text === ".") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export const textValue = (v: unknown): string => (typeof v === "string" ? v : "");
export const textAnswer = (v: string): string | null => (v === "" ? null : v);

export const choicesValue = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
export const choicesAnswer = (v: string[]): string[] | null => (v.length === 0 ? null : v);

export type GroupRow = Record<string, Scalar>;
export const groupRows = (v: unknown): GroupRow[] =>
  Array.isArray(v) ? v.filter((r): r is GroupRow => typeof r === "object" && r !== null && !Array.isArray(r)) : [];
/** A new empty row of a group: every field without an answer. */
export const emptyRow = (fields: readonly { key: string }[]): GroupRow =>
  Object.fromEntries(fields.map((f) => [f.key, null]));

export interface AnswerWords {
  yes: string;
  no: string;
  none: string;
  language: string;
}

/** An answer in words for the read-only view: Ja/Nej, the choices' labels, "1 234 567 kr", Swedish numbers. */
export function answerText(q: FieldSpec, value: AnswerValue | Scalar | undefined, words: AnswerWords): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
    return words.none;
  const label = (v: unknown) => q.choices?.find((c) => c.value === v)?.label ?? String(v);
  switch (q.type) {
    case "yesNo":
      return value === true ? words.yes : value === false ? words.no : String(value);
    case "singleChoice":
      return label(value);
    case "multipleChoice":
      return Array.isArray(value) ? value.map(label).join(", ") : label(value);
    case "amount":
      return typeof value === "number" ? formatAmount(value) : String(value);
    case "number":
      return typeof value === "number"
        ? new Intl.NumberFormat(words.language === "en" ? "en-GB" : "sv-SE").format(value)
        : String(value);
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** The id of a question's place in the form (a row's field has its own), for the missing list's links. */
export const questionAnchor = (key: string, row?: number, field?: string) =>
  row === undefined || field === undefined ? `annual-q-${key}` : `annual-q-${key}-${row}-${field}`;

const MissingDetails = z.object({ missing: z.array(MissingAnswer) });
/** The missing answers of a refused submission (400 with `details.missing`), else null. */
export function missingOf(error: unknown): MissingAnswer[] | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const parsed = MissingDetails.safeParse(error.details);
  return parsed.success ? parsed.data.missing : null;
}

/** The comments of the county's latest return, by question key ("economy" for the economy part). */
export function returnComments(report: Pick<AnnualReport, "status" | "rounds">): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  if (report.status !== "returned") return byKey;
  const last = report.rounds.at(-1);
  for (const c of last?.comments ?? []) byKey.set(c.questionKey, [...(byKey.get(c.questionKey) ?? []), c.text]);
  return byKey;
}

/**
 * The year the tab opens on: the latest year whose report is not accepted, else the latest year. Years whose report
 * is not loaded yet count as not accepted.
 */
export function defaultYear(years: readonly number[], statusOf: (year: number) => AnnualReportStatus | undefined) {
  const sorted = [...years].sort((a, b) => b - a);
  return sorted.find((y) => statusOf(y) !== "accepted") ?? sorted[0];
}

/** A cost line as the editor holds it: the amount is "" while empty. */
export interface CostRow {
  part: string;
  category: string;
  amount: number | "";
  manualCompilation: boolean;
}

export interface SaveBody {
  version: number;
  answers: Answers;
  costs: { part: string; category: string; amount: number; manualCompilation: boolean }[];
}

/**
 * What an autosave sends: every answer and the complete cost lines (a line without an amount waits until it has
 * one). `duplicate` names a part and category given twice: the server refuses that, so nothing is sent.
 */
export function saveBody(
  version: number,
  answers: Answers,
  costs: readonly CostRow[],
): { body: SaveBody; waiting: number; duplicate: boolean } {
  const complete = costs.filter((c) => typeof c.amount === "number" && c.part !== "" && c.category !== "");
  const pairs = complete.map((c) => `${c.part}|${c.category}`);
  return {
    body: {
      version,
      answers,
      costs: complete.map((c) => ({
        part: c.part,
        category: c.category,
        amount: c.amount as number,
        manualCompilation: c.manualCompilation,
      })),
    },
    waiting: costs.length - complete.length,
    duplicate: new Set(pairs).size !== pairs.length,
  };
}

/** The county's comments as the return sends them: per question, non-empty, in form order. */
export function commentsToSend(drafts: Record<string, string>, order: readonly string[]): QuestionComment[] {
  return order
    .filter((key) => (drafts[key] ?? "").trim() !== "")
    .map((key) => ({ questionKey: key, text: drafts[key]!.trim() }));
}
