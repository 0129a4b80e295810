import {
  ANNUAL_FORM_QUESTION_PARTS,
  type AnnualFormDefinition,
  type AnnualFormQuestionPart,
  type GroupField,
  type Question,
} from "../contracts/annual-forms.js";
import type { AnnualReportStatus, Answers, AnswerValue, MissingAnswer } from "../contracts/annual-reports.js";
import type { MonthDay } from "../contracts/national-rules.js";
import { isValidIsoDate } from "./calendar.js";

/*
 * The annual follow-up's rules (R2.4-1, R2.4-2): deadlines, a report's status, lateness, required answers, answers
 * checked against the form and carried over to a new version, and the warning signs and trends of R2.4-3.
 * Computed here once; the report, the county's list, the compilation, the watch list and the support list read it.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** The report for `year` is due on the national rule's day of the following year (2026 → 2027-02-15). */
export const defaultAnnualReportDeadline = (year: number, day: MonthDay): string =>
  `${year + 1}-${pad(day.month)}-${pad(day.day)}`;
/** The counties forward their compilation of `year` on the national rule's day of the following year. */
export const defaultForwardingDeadline = defaultAnnualReportDeadline;

export interface ReportRoundFacts {
  /** Stockholm date of the submission. */
  submittedOn: string;
  returnedOn: string | null;
  acceptedOn: string | null;
}

export interface ReportFacts {
  /** A report row exists (a draft was saved). */
  started: boolean;
  /** Stockholm date of the last save, for a draft's status date. */
  savedOn: string | null;
  /** Rounds in order, the first first. */
  rounds: readonly ReportRoundFacts[];
}

export interface ReportState {
  status: AnnualReportStatus;
  statusOn: string | null;
  /** The Stockholm date of the first submission. */
  submittedOn: string | null;
  late: boolean;
  missing: boolean;
}

/**
 * The one status rule: accepted once the county accepted a round; returned while the latest round is returned and
 * not yet submitted again; submitted while the latest round awaits review; draft once saved; otherwise not started.
 * Late: the first submission's Stockholm date is after the deadline (the deadline day is in time; no weekend shift).
 * Missing: nothing submitted and the deadline has passed.
 */
export function annualReportState(facts: ReportFacts, deadline: string | null, today: string): ReportState {
  const first = facts.rounds[0];
  const last = facts.rounds[facts.rounds.length - 1];
  const submittedOn = first?.submittedOn ?? null;
  const late = deadline !== null && submittedOn !== null && submittedOn > deadline;
  const missing = deadline !== null && submittedOn === null && today > deadline;
  if (last?.acceptedOn) return { status: "accepted", statusOn: last.acceptedOn, submittedOn, late, missing };
  if (last?.returnedOn) return { status: "returned", statusOn: last.returnedOn, submittedOn, late, missing };
  if (last) return { status: "submitted", statusOn: last.submittedOn, submittedOn, late, missing };
  if (facts.started) return { status: "draft", statusOn: facts.savedOn, submittedOn, late, missing };
  return { status: "notStarted", statusOn: null, submittedOn, late, missing };
}

/** The coordinator may edit while the report is not started, a draft or returned. */
export const annualReportEditable = (status: AnnualReportStatus) =>
  status === "notStarted" || status === "draft" || status === "returned";
/** The county reviews a submitted report. */
export const annualReportReviewable = (status: AnnualReportStatus) => status === "submitted";

export interface FlatQuestion {
  part: AnnualFormQuestionPart;
  section: string;
  question: Question;
}

/** Every question in form order. */
export function flattenQuestions(definition: AnnualFormDefinition): FlatQuestion[] {
  return ANNUAL_FORM_QUESTION_PARTS.flatMap((part) =>
    definition[part].sections.flatMap((s) => s.questions.map((question) => ({ part, section: s.title, question }))),
  );
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/** Every required answer that is missing, in form order (a required group needs one row; its required fields each). */
export function missingAnswers(definition: AnnualFormDefinition, answers: Answers): MissingAnswer[] {
  const missing: MissingAnswer[] = [];
  for (const { part, question: q } of flattenQuestions(definition)) {
    const value = answers[q.key];
    if (q.type === "group") {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (q.required && rows.length === 0) missing.push({ questionKey: q.key, label: q.label, part });
      rows.forEach((row, i) => {
        for (const f of q.fields ?? [])
          if (f.required && isEmpty(row?.[f.key]))
            missing.push({
              questionKey: q.key,
              label: `${q.label}, rad ${i + 1}: ${f.label}`,
              part,
              row: i,
              field: f.key,
            });
      });
    } else if (q.required && isEmpty(value)) missing.push({ questionKey: q.key, label: q.label, part });
  }
  return missing;
}

export interface AnswerIssue {
  path: string[];
  message: string;
}

function checkScalar(q: Question | GroupField, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (q.type) {
    case "yesNo":
      return typeof value === "boolean" ? null : "Svara ja eller nej.";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "Svara med ett tal.";
    case "amount":
      return typeof value === "number" && Number.isInteger(value) && value >= 0
        ? null
        : "Svara med ett belopp i hela kronor (0 eller mer).";
    case "text":
      return typeof value === "string" ? null : "Svara med text.";
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && isValidIsoDate(value)
        ? null
        : "Skriv datumet som ÅÅÅÅ-MM-DD.";
    case "singleChoice":
      return typeof value === "string" && (q.choices ?? []).some((c) => c.value === value)
        ? null
        : "Välj ett av svarsalternativen.";
    case "multipleChoice":
      return Array.isArray(value) &&
        value.every((v) => typeof v === "string" && (q.choices ?? []).some((c) => c.value === v)) &&
        new Set(value).size === value.length
        ? null
        : "Välj bland svarsalternativen.";
    default:
      return "Okänd frågetyp.";
  }
}

/** Answers checked against the form: every key a question of it, every value of the question's type. */
export function checkAnswers(definition: AnnualFormDefinition, answers: Answers): AnswerIssue[] {
  const questions = new Map(flattenQuestions(definition).map((f) => [f.question.key, f.question]));
  const issues: AnswerIssue[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const q = questions.get(key);
    if (!q) {
      issues.push({ path: [key], message: `Frågan ${key} finns inte i blanketten.` });
      continue;
    }
    if (q.type !== "group") {
      const message = checkScalar(q, value);
      if (message) issues.push({ path: [key], message });
      continue;
    }
    if (value === null) continue;
    if (!Array.isArray(value) || value.some((r) => typeof r !== "object" || r === null || Array.isArray(r))) {
      issues.push({ path: [key], message: "En upprepad grupp besvaras med en rad per post." });
      continue;
    }
    (value as Record<string, unknown>[]).forEach((row, i) => {
      for (const [fieldKey, fieldValue] of Object.entries(row)) {
        const field = q.fields?.find((f) => f.key === fieldKey);
        const message = field ? checkScalar(field, fieldValue) : `Fältet ${fieldKey} finns inte i gruppen.`;
        if (message) issues.push({ path: [key, String(i), fieldKey], message });
      }
    });
  }
  return issues;
}

/**
 * A report moved to a new version of the year's form keeps each answer whose stable key the new version still has
 * with the same type (a choice answer only when the choice still exists); the rest are dropped.
 */
export function carryOverAnswers(answers: Answers, to: AnnualFormDefinition): Answers {
  const kept: Answers = {};
  const probe = checkAnswers(to, answers);
  const bad = new Set(probe.map((i) => i.path[0]));
  for (const [key, value] of Object.entries(answers)) if (!bad.has(key)) kept[key] = value;
  return kept;
}

/** An answer's position on the question's scale, for trends: yes 1/no 0, a choice's index, a number's value. */
export function answerScale(q: Question, value: AnswerValue | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (q.type === "yesNo" && typeof value === "boolean") return value ? 1 : 0;
  if (q.type === "singleChoice" && typeof value === "string") {
    const i = (q.choices ?? []).findIndex((c) => c.value === value);
    return i < 0 ? null : i;
  }
  if ((q.type === "number" || q.type === "amount") && typeof value === "number") return value;
  return null;
}

/** The answer is a warning sign by the question's warning condition. */
export function isWarningAnswer(q: Question, value: AnswerValue | null | undefined): boolean {
  const w = q.warning;
  if (!w || value === null || value === undefined) return false;
  switch (w.op) {
    case "equals":
      return value === w.value;
    case "includes":
      return Array.isArray(value) && (value as unknown[]).includes(w.value);
    case "below":
      return typeof value === "number" && typeof w.value === "number" && value < w.value;
    case "above":
      return typeof value === "number" && typeof w.value === "number" && value > w.value;
  }
}

/** This year's answer is worse than last year's, by the question's better direction. */
export function isWorseThan(
  q: Question,
  now: AnswerValue | null | undefined,
  last: AnswerValue | null | undefined,
): boolean {
  if (!q.better) return false;
  const a = answerScale(q, now);
  const b = answerScale(q, last);
  if (a === null || b === null) return false;
  return q.better === "higher" ? a < b : a > b;
}
