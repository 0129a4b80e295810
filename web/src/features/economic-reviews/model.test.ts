import { describe, expect, it } from "vitest";
import { EconomicReviewCreate, EconomicReviewUpdate, SavingsPlanCreate } from "@uppsikt/core";
import {
  kronorText,
  latestSubmittedOn,
  outcomeState,
  parseKronor,
  percentText,
  planInput,
  planRowsFrom,
  reviewFormValues,
  reviewInput,
  yearsText,
} from "./model";

describe("economic reviews and savings plans: form and view helpers", () => {
  it("[R2.5-5] reads an amount typed with spaces or kr, and leaves other text for the contract's message", () => {
    expect(parseKronor("1 234 567")).toBe(1234567);
    expect(parseKronor("1\u00a0234\u00a0567 kr")).toBe(1234567);
    expect(parseKronor("-5")).toBe(-5);
    expect(parseKronor("12,5")).toBe("12,5");
    expect(parseKronor("")).toBe("");
    expect(kronorText(1234567)).toBe("1\u00a0234\u00a0567");
    expect(parseKronor(kronorText(4000000))).toBe(4000000);
  });

  it("[R2.6-2] says a deviation before anything else, and unknown only where something was planned", () => {
    expect(outcomeState({ planned: 100, used: 10, deviation: true })).toBe("deviation");
    expect(outcomeState({ planned: 100, used: null, deviation: false })).toBe("unknown");
    expect(outcomeState({ planned: 0, used: null, deviation: false })).toBe("notPlanned");
    expect(outcomeState({ planned: 100, used: 90, deviation: false })).toBe("onPlan");
    expect(percentText(1 - 0.2)).toBe("80\u00a0%");
  });

  it("[R2.5-1] writes the years a review covers", () => {
    expect(yearsText(2023, 2025)).toBe("2023–2025");
    expect(yearsText(2025, 2025)).toBe("2025");
  });

  it("[R2.6-2] starts a new plan version from the newest one, or from this year and the next", () => {
    expect(planRowsFrom(undefined, 2026).map((r) => r.year)).toEqual(["2026", "2027"]);
    const rows = planRowsFrom(
      {
        years: [
          { year: 2027, plannedSavingsUse: 0, plannedCompensationUse: 500, activities: "b" },
          { year: 2026, plannedSavingsUse: 4000000, plannedCompensationUse: 0, activities: "a" },
        ],
      },
      2026,
    );
    expect(rows.map((r) => r.year)).toEqual(["2026", "2027"]);
    const parsed = SavingsPlanCreate.safeParse({
      years: rows.map((r) => ({
        year: r.year,
        plannedSavingsUse: parseKronor(r.plannedSavingsUse || "0"),
        plannedCompensationUse: parseKronor(r.plannedCompensationUse || "0"),
        activities: r.activities,
      })),
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.years[0]).toMatchObject({ year: 2026, plannedSavingsUse: 4000000 });
  });

  it("[R2.5-1] a new review's form gives a valid request: held today, no visit, no decision", () => {
    const values = reviewFormValues(undefined, "2027-05-12", 2027);
    const body = EconomicReviewCreate.parse(reviewInput(values, undefined));
    expect(body).toMatchObject({ reviewedOn: "2027-05-12", fromYear: 2026, toYear: 2026, visitId: null });
    expect(body.remainingFunds).toBeNull();
  });

  it("[R2.5-5] the remaining-funds decision goes with the review, and the change carries its version", () => {
    const review = {
      reviewedOn: "2027-05-12",
      fromYear: 2025,
      toYear: 2026,
      findings: "Bra.",
      visit: { id: "00000000-0000-4000-8000-000000000001" },
      documentRequests: [{ id: "00000000-0000-4000-8000-000000000002" }],
      remainingFunds: { amount: 1_234_567, reasoning: "Uppgifterna är utförda.", decidedOn: "2027-05-01" },
    };
    const values = reviewFormValues(review, "2027-06-01", 2027);
    expect(values.remainingFunds.amount).toBe("1\u00a0234\u00a0567");
    const body = EconomicReviewUpdate.parse(reviewInput(values, 3));
    expect(body).toMatchObject({
      version: 3,
      visitId: review.visit.id,
      documentRequestIds: [review.documentRequests[0]!.id],
      remainingFunds: review.remainingFunds,
    });
    // Unticking the decision removes it; a typed decimal amount is refused with the contract's message.
    expect(EconomicReviewUpdate.parse(reviewInput({ ...values, hasFunds: false }, 3)).remainingFunds).toBeNull();
    const bad = EconomicReviewUpdate.safeParse(
      reviewInput({ ...values, remainingFunds: { ...values.remainingFunds, amount: "12,5" } }, 3),
    );
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["remainingFunds", "amount"]);
  });

  it("[R2.6-2] the plan form's rows give a submitted SavingsPlanCreate; a year twice is refused", () => {
    const rows = [
      { year: "2026", plannedSavingsUse: "4 000 000", plannedCompensationUse: "", activities: "Övning" },
      { year: "2027", plannedSavingsUse: "", plannedCompensationUse: "1 000 000", activities: "Utbildning" },
    ];
    const body = SavingsPlanCreate.parse(planInput({ years: rows, note: "" }));
    expect(body.submit).toBe(true);
    expect(body.years.map((y) => [y.year, y.plannedSavingsUse, y.plannedCompensationUse])).toEqual([
      [2026, 4_000_000, 0],
      [2027, 0, 1_000_000],
    ]);
    const twice = SavingsPlanCreate.safeParse(planInput({ years: [rows[0]!, rows[0]!], note: "" }));
    expect(twice.success).toBe(false);
  });

  it("[R2.6-2] the latest submission's day in Stockholm; drafts have none", () => {
    expect(latestSubmittedOn([])).toBeNull();
    expect(latestSubmittedOn([{ submittedAt: null }])).toBeNull();
    expect(
      latestSubmittedOn([
        { submittedAt: "2027-03-01T10:00:00.000Z" },
        { submittedAt: null },
        { submittedAt: "2027-03-09T23:30:00.000Z" },
      ]),
    ).toBe("2027-03-10");
  });
});
