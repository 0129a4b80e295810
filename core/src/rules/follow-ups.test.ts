import { describe, expect, it } from "vitest";
import { isFollowUpOpen, isFollowUpOverdue } from "./follow-ups.js";

describe("dialogue follow-up items", () => {
  it("[R1-3] an open item is overdue the day after its due date, not on it", () => {
    expect(isFollowUpOverdue({ due: "2027-09-30", done: false }, "2027-09-30")).toBe(false);
    expect(isFollowUpOverdue({ due: "2027-09-30", done: false }, "2027-10-01")).toBe(true);
  });

  it("[R1-3] an item marked done is never overdue and no longer open", () => {
    expect(isFollowUpOverdue({ due: "2027-09-30", done: true }, "2028-01-01")).toBe(false);
    expect(isFollowUpOpen({ done: true })).toBe(false);
    expect(isFollowUpOpen({ done: false })).toBe(true);
  });
});
