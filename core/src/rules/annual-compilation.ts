import type {
  AgreementAreaCode,
  AnnualFormDefinition,
  AnnualFormPart,
  Choice,
  QuestionType,
} from "../contracts/annual-forms.js";
import type { Distribution } from "../contracts/annual-compilations.js";
import type { QuestionColumn } from "../contracts/annual-reports.js";
import { flattenQuestions } from "./annual-reports.js";

/*
 * The compilations of the annual reports (R2.4-2, R1-6): the columns a compilation shows, and a question's answers
 * summarised as a distribution. The nation's distribution is the merge of the counties' (so its sums equal theirs).
 */

export interface CompilationFilter {
  part?: AnnualFormPart | undefined;
  area?: AgreementAreaCode | undefined;
}

/** The form's questions as columns, in form order, limited to a part and an agreement area when asked. */
export function compilationColumns(definition: AnnualFormDefinition, filter: CompilationFilter = {}): QuestionColumn[] {
  return flattenQuestions(definition)
    .filter((f) => (!filter.part || f.part === filter.part) && (!filter.area || f.question.area === filter.area))
    .map(({ part, section, question: q }) => ({
      key: q.key,
      label: q.label,
      part,
      section,
      area: q.area,
      type: q.type,
    }));
}

export interface DistributedQuestion {
  type: QuestionType;
  choices?: readonly Choice[] | undefined;
}

const empty = (): Distribution => ({ answered: 0, counts: null, sum: null, mean: null, min: null, max: null });

const isAnswered = (v: unknown) =>
  v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "") && !(Array.isArray(v) && v.length === 0);

/**
 * One question's answers summarised: yes/no counted under "true"/"false", a single choice per value, a multiple
 * choice per chosen value (a municipality choosing three counts in three); numbers and amounts as sum, mean, min and
 * max; text, dates and repeating groups only as how many answered. Values not of the question's type are left out.
 */
export function distribution(question: DistributedQuestion, values: readonly unknown[]): Distribution {
  const d = empty();
  switch (question.type) {
    case "yesNo": {
      const counts: Record<string, number> = { true: 0, false: 0 };
      for (const v of values)
        if (typeof v === "boolean") {
          counts[String(v)]!++;
          d.answered++;
        }
      return { ...d, counts };
    }
    case "singleChoice":
    case "multipleChoice": {
      const counts: Record<string, number> = Object.fromEntries((question.choices ?? []).map((c) => [c.value, 0]));
      for (const v of values) {
        const chosen =
          question.type === "singleChoice" ? (typeof v === "string" ? [v] : []) : Array.isArray(v) ? v : [];
        const known = chosen.filter((c): c is string => typeof c === "string" && c in counts);
        if (known.length === 0) continue;
        d.answered++;
        for (const c of new Set(known)) counts[c]!++;
      }
      return { ...d, counts };
    }
    case "number":
    case "amount": {
      const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
      if (numbers.length === 0) return d;
      const sum = numbers.reduce((a, b) => a + b, 0);
      return {
        answered: numbers.length,
        counts: null,
        sum,
        mean: sum / numbers.length,
        min: Math.min(...numbers),
        max: Math.max(...numbers),
      };
    }
    default:
      return { ...d, answered: values.filter(isAnswered).length };
  }
}

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Distributions over disjoint sets of answers merged into one (the nation from its counties): answered, counts and
 * sums add up, min and max are the extremes, the mean is the merged sum over the merged answered.
 */
export function mergeDistributions(parts: readonly Distribution[]): Distribution {
  const out = empty();
  for (const p of parts) {
    out.answered += p.answered;
    if (p.counts) {
      out.counts ??= {};
      for (const [k, n] of Object.entries(p.counts)) out.counts[k] = (out.counts[k] ?? 0) + n;
    }
    if (p.sum !== null) out.sum = (out.sum ?? 0) + p.sum;
    out.min = minOf(out.min, p.min);
    out.max = maxOf(out.max, p.max);
  }
  if (out.sum !== null) {
    const numeric = parts.filter((p) => p.sum !== null).reduce((n, p) => n + p.answered, 0);
    out.mean = numeric > 0 ? out.sum / numeric : null;
  }
  return out;
}
