import type { Answers, CompilationRow } from "@uppsikt/core";

/*
 * Equality of answers, costs and rows as the county sees them: an empty answer (null, blank text, an empty list)
 * is no answer, and key order does not matter. A re-imported workbook and a frozen compilation compare by this.
 */

const blank = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

export function normalizeAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const key of Object.keys(answers).sort()) {
    const v = answers[key];
    if (blank(v)) continue;
    if (Array.isArray(v) && v.some((x) => typeof x === "object" && x !== null)) {
      out[key] = (v as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(
          Object.keys(row)
            .sort()
            .filter((k) => !blank(row[k]))
            .map((k) => [k, row[k]]),
        ),
      ) as Answers[string];
    } else out[key] = v!;
  }
  return out;
}

interface Cost {
  part: string;
  category: string;
  amount: number;
  manualCompilation?: boolean | undefined;
}

export const normalizeCosts = (costs: readonly Cost[]) =>
  [...costs]
    .map((c) => ({
      part: c.part,
      category: c.category,
      amount: c.amount,
      manualCompilation: c.manualCompilation ?? false,
    }))
    .sort((a, b) => `${a.part}|${a.category}`.localeCompare(`${b.part}|${b.category}`));

export const sameAnswers = (a: Answers, b: Answers) =>
  JSON.stringify(normalizeAnswers(a)) === JSON.stringify(normalizeAnswers(b));
export const sameCosts = (a: readonly Cost[], b: readonly Cost[]) =>
  JSON.stringify(normalizeCosts(a)) === JSON.stringify(normalizeCosts(b));

/** The rows say the same: same municipalities, statuses, dates and answers. */
export function sameRows(a: readonly CompilationRow[], b: readonly CompilationRow[]): boolean {
  if (a.length !== b.length) return false;
  const byCode = new Map(b.map((r) => [r.municipality.code, r]));
  return a.every((r) => {
    const o = byCode.get(r.municipality.code);
    return (
      o !== undefined &&
      o.status === r.status &&
      o.submittedOn === r.submittedOn &&
      o.late === r.late &&
      o.missing === r.missing &&
      sameAnswers(o.answers, r.answers) &&
      sameCosts(o.costs ?? [], r.costs ?? [])
    );
  });
}
