import { describe, expect, it } from "vitest";
import { addDays } from "./calendar.js";
import {
  type ReviewCountReview,
  type ReviewCountVisit,
  countEconomicReviews,
  savingsPlanDueOn,
  savingsPlanOwed,
  savingsPlanSubmission,
} from "./economic-reviews.js";

const TODAY = "2027-06-15";
const visit = (id: string, date: string, over: Partial<ReviewCountVisit> = {}): ReviewCountVisit => ({
  id,
  date,
  cancelled: false,
  impliesReview: true,
  ...over,
});
const review = (id: string, reviewedOn: string, visitId: string | null = null): ReviewCountReview => ({
  id,
  reviewedOn,
  visitId,
});

describe("economic reviews per mandate period (R2.5-1)", () => {
  it("[R2.5-1] each planned visit implies a planned review; two planned visits are enough", () => {
    const c = countEconomicReviews([visit("v1", "2027-10-14"), visit("v2", "2029-03-01")], [], TODAY);
    expect(c).toEqual({ held: 0, planned: 2, impliedByVisits: ["v1", "v2"], warnings: [] });
  });

  it("[R2.5-1] a visit on today's date still implies its review; the day after it has passed", () => {
    expect(countEconomicReviews([visit("v1", TODAY)], [], TODAY).impliedByVisits).toEqual(["v1"]);
    expect(countEconomicReviews([visit("v1", TODAY)], [], addDays(TODAY, 1)).impliedByVisits).toEqual([]);
  });

  it("[R2.5-1] a passed visit counts only with a linked review recorded", () => {
    const visits = [visit("v1", "2027-03-01"), visit("v2", "2029-03-01")];
    const without = countEconomicReviews(visits, [], TODAY);
    expect(without).toMatchObject({ held: 0, planned: 1, impliedByVisits: ["v2"] });
    expect(without.warnings).toContain("economicReviewsShort");
    const withLinked = countEconomicReviews(visits, [review("r1", "2027-03-01", "v1")], TODAY);
    expect(withLinked).toMatchObject({ held: 1, planned: 1, impliedByVisits: ["v2"], warnings: [] });
  });

  it("[R2.5-1] a review linked to a planned visit replaces the visit's implied review (not counted twice)", () => {
    const c = countEconomicReviews(
      [visit("v1", "2027-10-14"), visit("v2", "2029-03-01")],
      [review("r1", "2027-10-14", "v1")],
      TODAY,
    );
    expect(c).toMatchObject({ held: 0, planned: 2, impliedByVisits: ["v2"], warnings: [] });
  });

  it("[R2.5-1] a recorded review is held on or before today, planned after it", () => {
    const c = countEconomicReviews([], [review("r1", TODAY), review("r2", addDays(TODAY, 1))], TODAY);
    expect(c).toMatchObject({ held: 1, planned: 1, warnings: [] });
  });

  it("[R2.5-1] an exempted visit implies no review; a cancelled one neither, and is not a visit", () => {
    const exempt = countEconomicReviews(
      [visit("v1", "2027-10-14", { impliesReview: false }), visit("v2", "2029-03-01")],
      [],
      TODAY,
    );
    expect(exempt).toMatchObject({ planned: 1, impliedByVisits: ["v2"], warnings: ["economicReviewsShort"] });
    const cancelled = countEconomicReviews(
      [visit("v1", "2027-10-14", { cancelled: true }), visit("v2", "2029-03-01")],
      [],
      TODAY,
    );
    expect(cancelled.impliedByVisits).toEqual(["v2"]);
    // Only one live visit: the review in between is missing too.
    expect(cancelled.warnings).toEqual(["economicReviewsShort", "reviewBetweenVisitsMissing"]);
  });

  it("[R2.5-1] economicReviewsShort while held + planned < 2", () => {
    expect(countEconomicReviews([], [], TODAY).warnings).toEqual(["economicReviewsShort"]);
    expect(countEconomicReviews([], [review("r1", "2027-02-01")], TODAY).warnings).toEqual(["economicReviewsShort"]);
    expect(countEconomicReviews([], [review("r1", "2027-02-01"), review("r2", "2028-02-01")], TODAY).warnings).toEqual(
      [],
    );
  });

  it("[R2.5-1] one visit only: reviewBetweenVisitsMissing until a review lies more than 90 days away (90 warns, 91 not)", () => {
    const v = visit("v1", "2027-10-14");
    const at = (days: number) => countEconomicReviews([v], [review("r1", addDays(v.date, days))], TODAY).warnings;
    expect(countEconomicReviews([v], [], TODAY).warnings).toContain("reviewBetweenVisitsMissing");
    expect(at(0)).toContain("reviewBetweenVisitsMissing");
    expect(at(90)).toContain("reviewBetweenVisitsMissing");
    expect(at(-90)).toContain("reviewBetweenVisitsMissing");
    expect(at(91)).not.toContain("reviewBetweenVisitsMissing");
    expect(at(-91)).not.toContain("reviewBetweenVisitsMissing");
    // A planned review (after today) in between counts as well as a held one.
    expect(at(91)).toEqual([]);
  });

  it("[R2.5-1] two visits in the period never warn about the review in between", () => {
    const c = countEconomicReviews([visit("v1", "2027-10-14"), visit("v2", "2027-11-14")], [], TODAY);
    expect(c.warnings).not.toContain("reviewBetweenVisitsMissing");
  });

  it("[R2.6-2] a savings plan is owed a number of days after the detection", () => {
    expect(savingsPlanDueOn("2027-01-15", 90)).toBe("2027-04-15");
  });
});

describe("savings plan owed (R2.6-2)", () => {
  const detection = { detectedOn: "2027-03-10" };
  const submittedOn = (day: string) => ({ submitted: true, submittedOn: day });

  it("[R2.6-2] nothing is owed without an open detection, whatever the plans", () => {
    expect(savingsPlanOwed(null, [])).toBe(false);
    expect(savingsPlanOwed(undefined, [{ submitted: false, submittedOn: null }])).toBe(false);
  });

  it("[R2.6-2] owed while no plan is submitted; a draft does not answer", () => {
    expect(savingsPlanOwed(detection, [])).toBe(true);
    expect(savingsPlanOwed(detection, [{ submitted: false, submittedOn: null }])).toBe(true);
    expect(savingsPlanOwed(detection, [{ submitted: true, submittedOn: null }])).toBe(true);
  });

  it("[R2.6-2] a plan submitted on the detection day answers it; the day before does not", () => {
    expect(savingsPlanOwed(detection, [submittedOn("2027-03-10")])).toBe(false);
    expect(savingsPlanOwed(detection, [submittedOn("2027-03-09")])).toBe(true);
    expect(savingsPlanOwed(detection, [submittedOn("2027-03-11")])).toBe(false);
    expect(savingsPlanOwed(detection, [submittedOn("2026-11-01"), submittedOn("2027-04-01")])).toBe(false);
  });

  it("[R2.6-2] the submission day is the day in Stockholm", () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Stockholm (CET): the detection day.
    const late = savingsPlanSubmission({ submitted: true, submittedAt: new Date("2027-03-09T23:30:00Z") });
    expect(late).toEqual({ submitted: true, submittedOn: "2027-03-10" });
    expect(savingsPlanOwed(detection, [late])).toBe(false);
    const before = savingsPlanSubmission({ submitted: true, submittedAt: new Date("2027-03-09T22:59:59Z") });
    expect(savingsPlanOwed(detection, [before])).toBe(true);
    expect(savingsPlanSubmission({ submitted: false, submittedAt: null })).toEqual({
      submitted: false,
      submittedOn: null,
    });
  });
});
