/* Test and bench support (a repository of test data): synthetic answers to a form and reports inserted directly. */
import {
  type AnnualFormDefinition,
  type AnswerValue,
  type Answers,
  type GroupField,
  type Question,
  flattenQuestions,
  stockholmDayStart,
} from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { annualReportRounds, annualReports } from "../../db/schema/index.js";

/** A small deterministic random generator, so a seed always gives the same answers. */
function random(seed: number) {
  let s = seed * 2654435761 + 1;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function scalar(q: Question | GroupField, rnd: () => number, seed: number): AnswerValue {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length) % xs.length]!;
  switch (q.type) {
    case "yesNo":
      return rnd() < 0.7;
    case "singleChoice":
      return pick(q.choices ?? []).value;
    case "multipleChoice": {
      const chosen = (q.choices ?? []).filter(() => rnd() < 0.5).map((c) => c.value);
      return chosen.length ? chosen : [q.choices![0]!.value];
    }
    case "number":
      return Math.floor(rnd() * 10);
    case "amount":
      return Math.floor(rnd() * 1_000_000);
    case "date":
      return `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    default:
      // Starts with "=": the workbook must keep it text, never a formula.
      return `=Svar ${seed} om ${q.label.slice(0, 40).toLowerCase()}; med "citat"`;
  }
}

/** Every question answered (a group with one to three rows), deterministic by seed. */
export function syntheticAnswers(definition: AnnualFormDefinition, seed: number): Answers {
  const rnd = random(seed);
  const answers: Answers = {};
  for (const { question: q } of flattenQuestions(definition)) {
    if (q.type === "group") {
      const n = 1 + Math.floor(rnd() * 3);
      answers[q.key] = Array.from({ length: n }, () =>
        Object.fromEntries((q.fields ?? []).map((f) => [f.key, scalar(f, rnd, seed) as string | number | boolean])),
      );
    } else answers[q.key] = scalar(q, rnd, seed);
  }
  return answers;
}

export interface RoundSpec {
  answers: Answers;
  costs?: { part: string; category: string; amount: number; manualCompilation: boolean }[];
  submittedOn: string;
  returnedOn?: string;
  acceptedOn?: string;
}

const at = (day: string) => new Date(stockholmDayStart(day).getTime() + 10 * 3_600_000);

/** A report with its rounds, inserted directly; `draft` answers differ from the last round's (a draft not submitted). */
export async function insertReport(
  db: Executor,
  spec: {
    code: string;
    year: number;
    formId: string;
    by: string;
    rounds: RoundSpec[];
    draft?: Answers;
    savedOn?: string;
  },
): Promise<string> {
  const last = spec.rounds[spec.rounds.length - 1];
  const saved = at(spec.savedOn ?? last?.submittedOn ?? "2027-01-10");
  const [report] = await db
    .insert(annualReports)
    .values({
      municipalityCode: spec.code,
      year: spec.year,
      formId: spec.formId,
      answers: spec.draft ?? last?.answers ?? {},
      costs: last?.costs ?? [],
      createdAt: saved,
      createdBy: spec.by,
      updatedAt: saved,
      updatedBy: spec.by,
    })
    .returning({ id: annualReports.id });
  if (spec.rounds.length)
    await db.insert(annualReportRounds).values(
      spec.rounds.map((r, i) => ({
        reportId: report!.id,
        number: i + 1,
        answers: r.answers,
        costs: r.costs ?? [],
        submittedAt: at(r.submittedOn),
        submittedOn: r.submittedOn,
        submittedBy: spec.by,
        returnedAt: r.returnedOn ? at(r.returnedOn) : null,
        returnedOn: r.returnedOn ?? null,
        returnedBy: r.returnedOn ? spec.by : null,
        acceptedAt: r.acceptedOn ? at(r.acceptedOn) : null,
        acceptedOn: r.acceptedOn ?? null,
        acceptedBy: r.acceptedOn ? spec.by : null,
      })),
    );
  return report!.id;
}
