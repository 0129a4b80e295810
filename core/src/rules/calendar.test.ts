import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  firstDayPastDue,
  isPastDue,
  isValidIsoDate,
  stockholmDate,
  stockholmDayStart,
} from "./calendar.js";

describe("the Stockholm calendar", () => {
  it("reads an instant late on a UTC evening in winter (CET, +1) as the next Stockholm day", () => {
    expect(stockholmDate(new Date("2026-01-15T22:59:59Z"))).toBe("2026-01-15");
    expect(stockholmDate(new Date("2026-01-15T23:00:00Z"))).toBe("2026-01-16");
  });

  it("reads an instant late on a UTC evening in summer (CEST, +2) as the next Stockholm day", () => {
    expect(stockholmDate(new Date("2026-06-15T21:59:59Z"))).toBe("2026-06-15");
    expect(stockholmDate(new Date("2026-06-15T22:00:00Z"))).toBe("2026-06-16");
  });

  it("changes to summer time on the last Sunday of March: that evening is already CEST", () => {
    // 2026-03-29 is the last Sunday of March; clocks go 02:00 CET → 03:00 CEST.
    expect(stockholmDate(new Date("2026-03-29T21:59:59Z"))).toBe("2026-03-29");
    expect(stockholmDate(new Date("2026-03-29T22:00:00Z"))).toBe("2026-03-30");
    // The evening before the change is still CET.
    expect(stockholmDate(new Date("2026-03-28T22:30:00Z"))).toBe("2026-03-28");
    expect(stockholmDate(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
  });

  it("changes back to winter time on the last Sunday of October: that evening is CET again", () => {
    // 2026-10-25 is the last Sunday of October; clocks go 03:00 CEST → 02:00 CET.
    expect(stockholmDate(new Date("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
    expect(stockholmDate(new Date("2026-10-25T22:30:00Z"))).toBe("2026-10-25");
    expect(stockholmDate(new Date("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });

  it("finds the instant a Stockholm day begins on both sides of each change", () => {
    expect(stockholmDayStart("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(stockholmDayStart("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(stockholmDayStart("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(stockholmDayStart("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("counts days and adds them over a month, a year and a DST change", () => {
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-03-30", "2026-03-28")).toBe(-2);
    expect(isValidIsoDate("2026-02-29")).toBe(false);
    expect(isValidIsoDate("2028-02-29")).toBe(true);
  });

  it("a due date itself is in time; the day after it has passed", () => {
    expect(isPastDue("2026-10-31", "2026-10-31")).toBe(false);
    expect(isPastDue("2026-10-31", "2026-11-01")).toBe(true);
    expect(isPastDue("2026-10-31", "2026-10-30")).toBe(false);
    expect(firstDayPastDue("2026-10-31")).toBe("2026-11-01");
    expect(isPastDue("2026-10-31", firstDayPastDue("2026-10-31"))).toBe(true);
  });
});
