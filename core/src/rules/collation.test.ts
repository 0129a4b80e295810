import { describe, expect, it } from "vitest";
import { compareSwedish } from "./collation.js";
import { formatAmount } from "./format.js";
import { isValidIsoDate } from "./calendar.js";

describe("Swedish presentation rules", () => {
  it("sorts Å, Ä, Ö after Z", () => {
    const names = ["Örebro", "Ale", "Ängelholm", "Åre", "Zinkgruvan", "Eda"];
    expect([...names].sort(compareSwedish)).toEqual(["Ale", "Eda", "Zinkgruvan", "Åre", "Ängelholm", "Örebro"]);
  });
  it("formats amounts as 1 234 567 kr", () => {
    expect(formatAmount(1234567)).toBe("1 234 567 kr");
  });
  it("accepts only real calendar dates", () => {
    expect(isValidIsoDate("2026-02-28")).toBe(true);
    expect(isValidIsoDate("2026-02-29")).toBe(false);
    expect(isValidIsoDate("2026-13-01")).toBe(false);
  });
});
