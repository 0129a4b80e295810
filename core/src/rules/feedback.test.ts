import { describe, expect, it } from "vitest";
import { feedbackDaysWaited, feedbackDueOn, isFeedbackAwaited, isFeedbackOwed, receivedOnDueOn } from "./feedback.js";

const wait = { waitDays: 60 };
const expects = { feedbackExpected: true };
const version = { receivedOn: "2027-03-01", isLatest: true, hasSentFeedback: false };

describe("feedback owed", () => {
  it("[R2.3-3] falls due waitDays after the version was received", () => {
    expect(feedbackDueOn("2027-03-01", wait)).toBe("2027-04-30");
    expect(feedbackDueOn("2027-03-01", { waitDays: 0 })).toBe("2027-03-01");
  });

  it("[R2.3-3] is not owed on the due day itself, owed the day after", () => {
    expect(isFeedbackOwed(version, expects, wait, "2027-04-29")).toBe(false);
    expect(isFeedbackOwed(version, expects, wait, "2027-04-30")).toBe(false);
    expect(isFeedbackOwed(version, expects, wait, "2027-05-01")).toBe(true);
    expect(feedbackDaysWaited("2027-03-01", "2027-05-01")).toBe(61);
  });

  it("[R2.3-3] only on the latest version of a type that expects feedback, until feedback is sent", () => {
    const late = "2028-01-01";
    expect(isFeedbackOwed(version, { feedbackExpected: false }, wait, late)).toBe(false);
    expect(isFeedbackOwed({ ...version, isLatest: false }, expects, wait, late)).toBe(false);
    expect(isFeedbackOwed({ ...version, hasSentFeedback: true }, expects, wait, late)).toBe(false);
    expect(isFeedbackAwaited({ isLatest: true, hasSentFeedback: false }, expects)).toBe(true);
  });

  it("[R2.3-3] the query boundary is the rule's: owed exactly when received before receivedOnDueOn(today)", () => {
    const today = "2027-05-01";
    const cutoff = receivedOnDueOn(today, wait);
    expect(cutoff).toBe("2027-03-02");
    for (const receivedOn of ["2027-02-28", "2027-03-01", "2027-03-02", "2027-03-03"])
      expect(isFeedbackOwed({ ...version, receivedOn }, expects, wait, today)).toBe(receivedOn < cutoff);
  });
});
