import { describe, expect, it } from "vitest";
import type { MandatePeriod } from "./periods.js";

const periodFromElectionYear = (e: number): MandatePeriod => ({
  id: e + 1,
  firstYear: e + 1,
  lastYear: e + 4,
  electionYear: e,
});
import { isAgreedDateOverdue, isYearTwoActive, yearTwoStart } from "./year-two.js";

const p2027 = periodFromElectionYear(2026);

describe("the year-two follow-up of missing documents", () => {
  it("[R2.2-4] starts on 1 January of the period's second year", () => {
    expect(yearTwoStart(p2027)).toBe("2028-01-01");
    expect(isYearTwoActive(p2027, "2027-12-31")).toBe(false);
    expect(isYearTwoActive(p2027, "2028-01-01")).toBe(true);
    expect(isYearTwoActive(p2027, "2030-12-31")).toBe(true);
  });

  it("[R2.2-4] an agreed date is overdue the day after it, not on it", () => {
    expect(isAgreedDateOverdue("2028-03-15", "2028-03-15")).toBe(false);
    expect(isAgreedDateOverdue("2028-03-15", "2028-03-16")).toBe(true);
  });
});
