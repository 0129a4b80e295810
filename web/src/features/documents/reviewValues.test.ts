import { DocumentReviewInput, type DocumentReviewCriterion } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { contractErrors } from "../../forms/contractErrors";
import { type ReviewValues, reviewFieldFor, reviewInput } from "./reviewValues";

const ids = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"] as const;
const criterion = (id: string, code: string): DocumentReviewCriterion => ({
  id,
  code,
  area: { code: "A", title: "Område" },
  tier: "basic",
  text: "Text",
  help: null,
  result: null,
  comment: null,
});
const criteria = [criterion(ids[0], "RSA-1"), criterion(ids[1], "RSA-2")];

describe("review form values", () => {
  it("[R2.2-3] sends only assessed criteria, trimmed comments and the outcome only on completing", () => {
    const values: ReviewValues = {
      entries: { [ids[0]]: { result: null, comment: "" }, [ids[1]]: { result: "notMet", comment: " Saknas. " } },
      summary: "  ",
      outcome: "supplementRequested",
    };
    expect(reviewInput(criteria, values, false)).toEqual({
      items: [{ criterionId: ids[1], result: "notMet", comment: "Saknas." }],
      summary: null,
      outcome: null,
    });
    expect(reviewInput(criteria, values, true).outcome).toBe("supplementRequested");
  });

  it("[R2.2-3] puts the contract's message on the criterion's own comment, not the list index", () => {
    const values: ReviewValues = {
      entries: { [ids[0]]: { result: null, comment: "" }, [ids[1]]: { result: "met", comment: "x".repeat(2001) } },
      summary: "",
      outcome: "",
    };
    const checked = contractErrors(DocumentReviewInput, reviewInput(criteria, values, false));
    expect(checked.success).toBe(false);
    if (checked.success) return;
    expect(checked.errors).toEqual({ "items.0.comment": "Kommentaren får vara högst 2000 tecken." });
    expect(reviewFieldFor(criteria, "items.0.comment", values)).toBe(`entries.${ids[1]}.comment`);
    expect(reviewFieldFor(criteria, "items.0.result", values)).toBe(`entries.${ids[1]}.result`);
    expect(reviewFieldFor(criteria, "summary", values)).toBeUndefined();
  });
});
