import type { DocumentReviewCriterion, ReviewOutcome, ReviewResult } from "@uppsikt/core";

/** One criterion's assessment in the review form. */
export interface ReviewEntry {
  result: ReviewResult | null;
  comment: string;
}

export interface ReviewValues extends Record<string, unknown> {
  /** Per criterion id, its result and comment. */
  entries: Record<string, ReviewEntry>;
  summary: string;
  outcome: ReviewOutcome | "";
}

/** The criteria with a result, in library order: the request's items (a criterion without one is not saved). */
const assessed = (criteria: DocumentReviewCriterion[], values: ReviewValues) =>
  criteria.filter((c) => values.entries[c.id]?.result);

/** The request body from the form's values; the outcome only when the review is completed. */
export function reviewInput(criteria: DocumentReviewCriterion[], values: ReviewValues, complete: boolean) {
  return {
    items: assessed(criteria, values).map((c) => {
      const e = values.entries[c.id]!;
      return { criterionId: c.id, result: e.result, comment: e.comment.trim() || null };
    }),
    summary: values.summary.trim() || null,
    outcome: complete && values.outcome ? values.outcome : null,
  };
}

/** The form's field for a contract path: `items.2.comment` is the third assessed criterion's comment. */
export function reviewFieldFor(
  criteria: DocumentReviewCriterion[],
  path: string,
  values: ReviewValues,
): string | undefined {
  const [key, index, field] = path.split(".");
  if (key !== "items" || index === undefined) return undefined;
  const c = assessed(criteria, values)[Number(index)];
  return c ? `entries.${c.id}.${field === "comment" ? "comment" : "result"}` : undefined;
}
