import type { CountyEconomyRow } from "@uppsikt/core";
import { describe, expect, it } from "vitest";
import {
  amountText,
  defaultEconomyYear,
  duplicateCostRows,
  economyYears,
  editableYears,
  knownShare,
  parseKronor,
  partActiveIn,
  rowShare,
  secretYearGroups,
  shareBand,
  shareDistribution,
  shareText,
  sortCountyRows,
  yearRanges,
} from "./model";

const row = (name: string, fields: Partial<CountyEconomyRow> = {}): CountyEconomyRow => ({
  municipality: { code: name.slice(0, 4), name },
  announced: 1000,
  received: 1000,
  usedCosts: 900,
  flaggedCosts: 0,
  closing: 100,
  share: 0.1,
  confidential: false,
  costsIn: true,
  largeSavings: false,
  flags: 0,
  reviews: { held: 0, planned: 0, warnings: [] },
  ...fields,
});

describe("economy view helpers", () => {
  it("[R2.6-1] formats amounts in whole kronor and a confidential amount as the placeholder", () => {
    expect(amountText(1234567, "Sekretess")).toBe("1 234 567 kr");
    expect(amountText(null, "Sekretess")).toBe("Sekretess");
  });

  it("[R2.6-1] formats shares as whole percent in each language", () => {
    expect(shareText(0.523, "sv")).toBe("52 %");
    expect(shareText(0.523, "en")).toBe("52%");
    expect(shareText(null, "sv")).toBe("–");
  });

  it("[R2.6-1] puts a share in its band at and around the bounds", () => {
    expect(shareBand(0)).toBe("0-10");
    expect(shareBand(0.0999)).toBe("0-10");
    expect(shareBand(0.1)).toBe("10-25");
    expect(shareBand(0.25)).toBe("25-50");
    expect(shareBand(0.4999)).toBe("25-50");
    expect(shareBand(0.5)).toBe("50-100");
    expect(shareBand(1)).toBe("50-100");
    expect(shareBand(1.0001)).toBe("over100");
  });

  it("[R2.6-1] counts the distribution of shares with unknown ones apart", () => {
    const d = shareDistribution([0.05, 0.2, 0.3, 0.6, 0.7, 1.5, null]);
    expect(d.bands.map((b) => b.municipalities)).toEqual([1, 1, 1, 2, 1]);
    expect(d.unknown).toBe(1);
    expect(d.bands.reduce((n, b) => n + b.municipalities, 0) + d.unknown).toBe(7);
  });

  it("[R2.6-1] sorts names in Swedish order and numbers with unknown ones last", () => {
    const rows = [row("Örebro"), row("Åre"), row("Arboga"), row("Ängelholm")];
    expect(sortCountyRows(rows, "name", "asc").map((r) => r.municipality.name)).toEqual([
      "Arboga",
      "Åre",
      "Ängelholm",
      "Örebro",
    ]);
    const byClosing = [row("B", { closing: 5 }), row("A", { closing: null }), row("C", { closing: 9 })];
    expect(sortCountyRows(byClosing, "closing", "desc").map((r) => r.municipality.name)).toEqual(["C", "B", "A"]);
    expect(sortCountyRows(byClosing, "closing", "asc").map((r) => r.municipality.name)).toEqual(["B", "C", "A"]);
  });

  it("[R2.5-1] sorts by reviews held and planned, ties by name", () => {
    const rows = [
      row("Bjuv", { reviews: { held: 1, planned: 0, warnings: ["economicReviewsShort"] } }),
      row("Alvesta", { reviews: { held: 1, planned: 1, warnings: [] } }),
      row("Arvika", { reviews: { held: 0, planned: 1, warnings: ["economicReviewsShort"] } }),
    ];
    expect(sortCountyRows(rows, "reviews", "asc").map((r) => r.municipality.name)).toEqual([
      "Arvika",
      "Bjuv",
      "Alvesta",
    ]);
  });

  it("[R2.5-2] knows the years a part is active and reads typed amounts", () => {
    expect(partActiveIn({ firstYear: 2024, lastYear: null }, 2030)).toBe(true);
    expect(partActiveIn({ firstYear: 2019, lastYear: 2023 }, 2024)).toBe(false);
    expect(parseKronor("1 234 567 kr")).toBe(1234567);
    expect(parseKronor("12,5")).toBeUndefined();
  });

  it("[R2.5-2] offers the years with figures and the current one, newest first", () => {
    expect(editableYears([2019, 2021, 2020], 2026)).toEqual([2026, 2021, 2020, 2019]);
    expect(editableYears([2026, 2025], 2026)).toEqual([2026, 2025]);
    expect(economyYears(2021)).toEqual([2021, 2020, 2019]);
    expect(economyYears(2010)).toEqual([2010]);
  });

  it("[R2.5-2] names the rows that repeat a part and category", () => {
    const rows = [
      { part: "del1-2024", category: "rsa" },
      { part: "del2-2024", category: "rsa" },
      { part: "del1-2024", category: "rsa" },
      { part: "del1-2024", category: "training" },
      { part: "del1-2024", category: "rsa" },
    ];
    expect(duplicateCostRows(rows)).toEqual([2, 4]);
    expect(duplicateCostRows([])).toEqual([]);
  });

  it("[R2.6-1] gives no share for a year whose costs are not in, and counts it as unknown, not 0 %", () => {
    expect(knownShare(3.84, false)).toBeNull();
    expect(knownShare(0.3, true)).toBe(0.3);
    const rows = [
      row("Ale", { share: 3.84, costsIn: false }),
      row("Bjuv", { share: null, confidential: true }),
      row("Eda", { share: 0 }),
      row("Mora", { share: 0.3 }),
    ];
    const d = shareDistribution(rows.map(rowShare));
    expect(d.unknown).toBe(2);
    expect(d.bands.map((b) => b.municipalities)).toEqual([1, 0, 1, 0, 0]);
    expect(sortCountyRows(rows, "share", "desc").map((r) => r.municipality.name)).toEqual([
      "Mora",
      "Eda",
      "Ale",
      "Bjuv",
    ]);
    const costs = [row("Ale", { usedCosts: 0, costsIn: false }), row("Bjuv", { usedCosts: 5 })];
    expect(sortCountyRows(costs, "usedCosts", "asc").map((r) => r.municipality.name)).toEqual(["Bjuv", "Ale"]);
  });

  it("[R2.6-1] defaults the county and national pages to the previous year", () => {
    expect(defaultEconomyYear(2026)).toBe(2025);
    expect(defaultEconomyYear(2019)).toBe(2019);
  });

  it("[R2.6-1] sums up the confidential years once, by basis and readers", () => {
    expect(yearRanges([2023, 2019, 2020, 2021, 2025, 2020])).toBe("2019–2021, 2023, 2025");
    expect(yearRanges([2024])).toBe("2024");
    expect(yearRanges([])).toBe("");
    const mark = (names: string[], canRead = false) => ({
      basis: "15 kap. 2 § OSL",
      readableBy: names.map((name, i) => ({ id: String(i), name })),
      canRead,
    });
    const groups = secretYearGroups([
      { year: 2023, totalConfidential: mark(["Örjan", "Anna"]) },
      { year: 2019, totalConfidential: mark(["Anna", "Örjan"]) },
      { year: 2024, totalConfidential: null },
      { year: 2025, totalConfidential: mark(["Anna"], true) },
      { year: 2020, totalConfidential: mark(["Anna"]) },
    ]);
    expect(groups).toEqual([
      { years: [2019, 2023], basis: "15 kap. 2 § OSL", readers: ["Anna", "Örjan"] },
      { years: [2020], basis: "15 kap. 2 § OSL", readers: ["Anna"] },
    ]);
  });
});
