import {
  type AnnualFormDefinition,
  type Answers,
  type AnswerValue,
  type Question,
  flattenQuestions,
  formatAmount,
  isWarningAnswer,
  isWorseThan,
} from "@uppsikt/core";

/* The answers the support list reads (R2.4-3): warning signs of this year's answers, and answers worse than last year's. */

const numberFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });

/** An answer as a person reads it: Ja/Nej, a choice's label, a number or an amount. */
export function answerText(q: Question, value: AnswerValue | null | undefined): string {
  if (value === null || value === undefined) return "inget svar";
  if (typeof value === "boolean") return value ? "Ja" : "Nej";
  const label = (v: unknown) => q.choices?.find((c) => c.value === v)?.label ?? String(v);
  if (typeof value === "number")
    return q.type === "amount" ? formatAmount(value) : numberFormat.format(value).replace(/\s/g, " ");
  if (typeof value === "string") return q.type === "singleChoice" ? label(value) : value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.map(label).join(", ");
  return `${value.length} rader`;
}

const withoutFullStop = (s: string) => s.trim().replace(/[.]+$/, "");

export function warningAnswers(definition: AnnualFormDefinition, answers: Answers) {
  return flattenQuestions(definition).flatMap(({ question: q }) =>
    q.warning && isWarningAnswer(q, answers[q.key])
      ? [{ key: q.key, label: q.label, text: `${answerText(q, answers[q.key])} – ${withoutFullStop(q.warning.text)}` }]
      : [],
  );
}

/** By the question's stable key: a question that kept its key across form versions compares with last year. */
export function worseAnswers(definition: AnnualFormDefinition, answers: Answers, last: Answers | null) {
  if (!last) return [];
  return flattenQuestions(definition).flatMap(({ question: q }) =>
    q.better && isWorseThan(q, answers[q.key], last[q.key])
      ? [{ key: q.key, label: q.label, now: answerText(q, answers[q.key]), last: answerText(q, last[q.key]) }]
      : [],
  );
}
