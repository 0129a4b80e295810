import { lastAppealDay } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import { isNonWorkingDay } from "./holidays.js";

describe("[R3.3-2] Swedish non-working days for the time to appeal", () => {
  it("[R3.3-2] weekends, public holidays, midsommarafton, julafton and nyårsafton are not working days", () => {
    for (const day of [
      "2026-12-05",
      "2026-12-06",
      "2026-01-01",
      "2026-04-03",
      "2026-06-06",
      "2026-06-19",
      "2026-12-24",
      "2026-12-25",
      "2026-12-31",
    ])
      expect(isNonWorkingDay(day), day).toBe(true);
    // Half days and observances are working days.
    for (const day of ["2026-01-05", "2026-04-30", "2026-12-23", "2026-06-18", "2026-12-28", "2026-11-06"])
      expect(isNonWorkingDay(day), day).toBe(false);
  });

  it("[R3.3-2] the last day of appeal moves to the next working day", () => {
    // Three weeks after 3 December 2026 is julafton: juldagen, annandag jul and the weekend follow.
    expect(lastAppealDay("2026-12-03", 3, isNonWorkingDay)).toBe("2026-12-28");
    // Three weeks after 29 May 2026 is midsommarafton, then midsommardagen and a Sunday.
    expect(lastAppealDay("2026-05-29", 3, isNonWorkingDay)).toBe("2026-06-22");
    // A Friday three weeks on stays.
    expect(lastAppealDay("2026-06-05", 3, isNonWorkingDay)).toBe("2026-06-26");
    // A Saturday moves to Monday.
    expect(lastAppealDay("2026-11-14", 3, isNonWorkingDay)).toBe("2026-12-07");
    // Nyårsafton 2027 (a Friday) and nyårsdagen move it to Monday 3 January 2028.
    expect(lastAppealDay("2027-12-10", 3, isNonWorkingDay)).toBe("2028-01-03");
  });
});
