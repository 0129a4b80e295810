import { describe, expect, it } from "vitest";
import {
  currentPeriodAt,
  currentPeriodOn,
  knownPeriods,
  periodFromElectionYear,
  periodsOverlapping,
} from "./periods.js";

describe("mandate periods", () => {
  it("[R1-4] derives the periods from the election years 2018, 2022 and 2026", () => {
    expect(knownPeriods()).toEqual([
      { id: 2019, firstYear: 2019, lastYear: 2022, electionYear: 2018 },
      { id: 2023, firstYear: 2023, lastYear: 2026, electionYear: 2022 },
      { id: 2027, firstYear: 2027, lastYear: 2030, electionYear: 2026 },
    ]);
    expect(periodFromElectionYear(2030).id).toBe(2031);
  });

  it("[R1-4] the current period is 2023 on 2026-12-31 and 2027 on 2027-01-01", () => {
    expect(currentPeriodOn("2026-12-31").id).toBe(2023);
    expect(currentPeriodOn("2027-01-01").id).toBe(2027);
    expect(currentPeriodOn("2023-01-01").id).toBe(2023);
    expect(currentPeriodOn("2022-12-31").id).toBe(2019);
  });

  it("[R1-4] reads the calendar in Europe/Stockholm, not UTC", () => {
    // 2026-12-31T23:30Z is already 2027-01-01 00:30 in Stockholm.
    expect(currentPeriodAt(new Date("2026-12-31T23:30:00Z")).id).toBe(2027);
    // 2026-12-31T22:59Z is still 23:59 on 31 December in Stockholm.
    expect(currentPeriodAt(new Date("2026-12-31T22:59:00Z")).id).toBe(2023);
  });

  it("[R1-4] lists the periods an agreement touches", () => {
    expect(periodsOverlapping(2019, 2023)).toEqual([2019, 2023]);
    expect(periodsOverlapping(2024, 2026)).toEqual([2023]);
  });
});
