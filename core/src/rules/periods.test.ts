import { describe, expect, it } from "vitest";
import { stockholmDate } from "./calendar.js";
import { nationalPeriodForYear, nationalPeriodOn, nationalPeriods } from "./national-rules.js";

/* The election years and period length as the national rules hold them (with their source there). */
const rules = {
  electionYears: { value: [2018, 2022, 2026] },
  periodLength: { value: 4 },
} as unknown as Parameters<typeof nationalPeriods>[0];

describe("mandate periods from the national rules", () => {
  it("[R1-4] derives the periods from the election years 2018, 2022 and 2026", () => {
    expect(nationalPeriods(rules)).toEqual([
      { id: 2019, firstYear: 2019, lastYear: 2022, electionYear: 2018 },
      { id: 2023, firstYear: 2023, lastYear: 2026, electionYear: 2022 },
      { id: 2027, firstYear: 2027, lastYear: 2030, electionYear: 2026 },
    ]);
    expect(nationalPeriodForYear(rules, 2031).id).toBe(2031);
  });

  it("[R1-4] the current period is 2023 on 2026-12-31 and 2027 on 2027-01-01", () => {
    expect(nationalPeriodOn(rules, "2026-12-31").id).toBe(2023);
    expect(nationalPeriodOn(rules, "2027-01-01").id).toBe(2027);
    expect(nationalPeriodOn(rules, "2023-01-01").id).toBe(2023);
    expect(nationalPeriodOn(rules, "2022-12-31").id).toBe(2019);
  });

  it("[R1-4] reads the calendar in Europe/Stockholm, not UTC", () => {
    // 2026-12-31T23:30Z is already 2027-01-01 00:30 in Stockholm.
    expect(nationalPeriodOn(rules, stockholmDate(new Date("2026-12-31T23:30:00Z"))).id).toBe(2027);
    // 2026-12-31T22:59Z is still 23:59 on 31 December in Stockholm.
    expect(nationalPeriodOn(rules, stockholmDate(new Date("2026-12-31T22:59:00Z"))).id).toBe(2023);
  });
});
