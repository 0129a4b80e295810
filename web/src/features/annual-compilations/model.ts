import {
  ANNUAL_FORM_QUESTION_PARTS,
  ANNUAL_REPORT_STATUSES,
  compareSwedish,
  formatAmount,
  type AnnualFormDefinition,
  type AnnualFormSummary,
  type AnnualReportStatus,
  type AnswerValue,
  type CompilationRow,
  type Distribution,
  type QuestionColumn,
} from "@uppsikt/core";

/** Pure helpers of the compilation views (cells, summaries, chart data); no React, so they are unit tested. */

/** Per question key: its choices' labels by value (single and multiple choice). */
export type ChoiceLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The choices' labels of every question of a form (a group's fields included, keyed `group.field`). */
export function choiceLabels(definition: AnnualFormDefinition | null | undefined): ChoiceLabels {
  const labels = new Map<string, Map<string, string>>();
  if (!definition) return labels;
  for (const part of ANNUAL_FORM_QUESTION_PARTS)
    for (const section of definition[part].sections)
      for (const q of section.questions) {
        if (q.choices) labels.set(q.key, new Map(q.choices.map((c) => [c.value, c.label])));
        for (const f of q.fields ?? [])
          if (f.choices) labels.set(`${q.key}.${f.key}`, new Map(f.choices.map((c) => [c.value, c.label])));
      }
  return labels;
}

export interface CellWords {
  yes: string;
  no: string;
  none: string;
  /** "3 rader" for a group's rows. */
  rows: (count: number) => string;
}

const number = (value: number) => value.toLocaleString("sv-SE").replace(/\u00a0/g, " ");

/**
 * An answer as the compilation shows it: yes/no as Ja/Nej, choices by their label, amounts as "1 234 567 kr",
 * numbers with Swedish digit groups, a group as its count of rows, nothing answered as "–".
 */
export function cellText(
  column: Pick<QuestionColumn, "key" | "type">,
  value: AnswerValue | null | undefined,
  labels: ChoiceLabels,
  words: CellWords,
): string {
  if (value === null || value === undefined || value === "") return words.none;
  const choice = (v: string) => labels.get(column.key)?.get(v) ?? v;
  switch (column.type) {
    case "yesNo":
      return value === true ? words.yes : value === false ? words.no : String(value);
    case "singleChoice":
      return typeof value === "string" ? choice(value) : String(value);
    case "multipleChoice":
      return Array.isArray(value)
        ? value.length === 0
          ? words.none
          : value.map((v) => (typeof v === "string" ? choice(v) : String(v))).join(", ")
        : String(value);
    case "amount":
      return typeof value === "number" ? formatAmount(value) : String(value);
    case "number":
      return typeof value === "number" ? number(value) : String(value);
    case "group":
      return Array.isArray(value) ? words.rows(value.length) : String(value);
    default:
      return typeof value === "string" ? value : String(value);
  }
}

export interface StatusSummary {
  counts: Record<AnnualReportStatus, number>;
  late: number;
  missing: number;
  total: number;
}

export function statusSummary(rows: readonly Pick<CompilationRow, "status" | "late" | "missing">[]): StatusSummary {
  const counts = Object.fromEntries(ANNUAL_REPORT_STATUSES.map((s) => [s, 0])) as Record<AnnualReportStatus, number>;
  let late = 0;
  let missing = 0;
  for (const r of rows) {
    counts[r.status]++;
    if (r.late) late++;
    if (r.missing) missing++;
  }
  return { counts, late, missing, total: rows.length };
}

/** Municipalities whose report is missing or not accepted: listed when forwarding. */
export const notAcceptedRows = <R extends Pick<CompilationRow, "status" | "missing" | "municipality">>(
  rows: readonly R[],
): R[] =>
  rows
    .filter((r) => r.missing || r.status !== "accepted")
    .sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name));

/** The years to choose: those with a published form, newest first, and the chosen one whatever it is. */
export function compilationYears(
  forms: readonly Pick<AnnualFormSummary, "year" | "status">[],
  chosen: number,
): number[] {
  const years = new Set(forms.filter((f) => f.status === "published").map((f) => f.year));
  years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

/**
 * The year shown when none is chosen: the latest year with a published form up to this year (the reports for a
 * year come in early the next), else this year.
 */
export function defaultCompilationYear(forms: readonly Pick<AnnualFormSummary, "year" | "status">[], thisYear: number) {
  const years = forms.filter((f) => f.status === "published" && f.year <= thisYear).map((f) => f.year);
  return years.length > 0 ? Math.max(...years) : thisYear;
}

export interface DistributionBar {
  value: string;
  label: string;
  count: number;
}

/**
 * A distribution's counts as bars, in the form's order: yes before no, choices as the form lists them, any other
 * value (an old choice) after them. Null when the question is summed (numbers, amounts) or only counted (text).
 */
export function distributionBars(
  column: Pick<QuestionColumn, "key" | "type">,
  distribution: Pick<Distribution, "counts">,
  labels: ChoiceLabels,
  words: Pick<CellWords, "yes" | "no">,
): DistributionBar[] | null {
  const counts = distribution.counts;
  if (!counts) return null;
  let order: [string, string][];
  if (column.type === "yesNo")
    order = [
      ["true", words.yes],
      ["false", words.no],
    ];
  else order = [...(labels.get(column.key) ?? new Map<string, string>()).entries()];
  const known = new Set(order.map(([v]) => v));
  const extra = Object.keys(counts)
    .filter((v) => !known.has(v))
    .sort(compareSwedish)
    .map((v): [string, string] => [v, v]);
  return [...order, ...extra].map(([value, label]) => ({ value, label, count: counts[value] ?? 0 }));
}

/** Whether a question's distribution is a sum (numbers and amounts) rather than counts. */
export const isSummed = (column: Pick<QuestionColumn, "type">) => column.type === "number" || column.type === "amount";

/** A summed value in its unit: amounts in kronor, numbers rounded to one decimal. */
export function summedText(column: Pick<QuestionColumn, "type">, value: number | null, none: string): string {
  if (value === null) return none;
  if (column.type === "amount") return formatAmount(Math.round(value));
  return number(Math.round(value * 10) / 10);
}
