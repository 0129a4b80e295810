import type { NationalRules } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import type { NationalRulesReader } from "../national-rules/rules-on.js";
import { judgeLargeSavings } from "./detection.js";
import type { MunicipalityFigures } from "./figures.js";

/** A reader that counts how often the rules are asked for. */
function countingReader() {
  const asked: string[] = [];
  // Only the value judged here; the reader's callers never see the rest.
  const rules = { largeSavingsShare: { value: 0.5, unverified: true } } as unknown as NationalRules;
  const on = (date: string) => {
    asked.push(date);
    return Promise.resolve({ id: "v1", version: 1, appliesFrom: "2019-01-01", rules });
  };
  const reader: NationalRulesReader = {
    versions: () => Promise.resolve([]),
    on,
    forPeriod: () => on("2027-01-01"),
  };
  return { reader, asked };
}

const figures = (closing: number): MunicipalityFigures => ({
  rows: [
    {
      part: "del1-2024",
      year: 2025,
      countsTowardSavings: true,
      announced: 1_000_000,
      received: 1_000_000,
      usedCosts: 1_000_000 - closing,
      flaggedCosts: 0,
      limitedCosts: 0,
      ownFunding: 0,
      opening: 0,
      closing,
    },
  ],
  parts: [],
  yearsWithCosts: [2025],
  hasConfidentialIn: () => false,
  costSource: new Map([[2025, "county"]]),
  costs: [],
  amounts: [],
  openings: [],
});

describe("large savings judged for many municipalities", () => {
  it("[R2.6-1] a county or national table reads each year's share once, not once per municipality", async () => {
    const { reader, asked } = countingReader();
    const judged = await Promise.all(
      Array.from({ length: 49 }, (_, i) => judgeLargeSavings(figures(i * 20_000), 2026, reader)),
    );
    expect(asked).toEqual(["2025-01-01"]);
    expect(judged.filter((j) => j.status)).toHaveLength(23); // closing > 500 000: 520 000 … 960 000
    expect(judged.every((j) => j.judgedYear === 2025)).toBe(true);
    // Another reader (another request) reads the rules again: the cache lives with the reader.
    const other = countingReader();
    await judgeLargeSavings(figures(0), 2026, other.reader);
    expect(other.asked).toEqual(["2025-01-01"]);
  });
});
