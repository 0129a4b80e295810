import { compareSwedish, formatAmount, type ConfidentialMark, type CountyEconomyRow } from "@uppsikt/core";

/** Pure helpers of the economy views (formatting, share bands, sorting); no React, so they are unit tested. */

/** An amount as "1 234 567 kr"; null (confidential or unknown) as the given placeholder. */
export const amountText = (value: number | null | undefined, placeholder: string): string =>
  value === null || value === undefined ? placeholder : formatAmount(value);

/** A share (0.523) as "52 %" in Swedish and "52%" in English; null as the placeholder. */
export function shareText(share: number | null | undefined, language: string, placeholder = "–"): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return placeholder;
  const percent = Math.round(share * 100);
  return language === "en" ? `${percent}%` : `${percent} %`;
}

/** The bands of the county's distribution of savings shares (Σ closing / Σ announced). */
export const SHARE_BANDS = ["0-10", "10-25", "25-50", "50-100", "over100"] as const;
export type ShareBand = (typeof SHARE_BANDS)[number];

/** The band of a share: lower bound included, upper excluded, except 100 % which belongs to 50–100 %. */
export function shareBand(share: number): ShareBand {
  if (share < 0.1) return "0-10";
  if (share < 0.25) return "10-25";
  if (share < 0.5) return "25-50";
  if (share <= 1) return "50-100";
  return "over100";
}

export interface ShareDistribution {
  bands: { band: ShareBand; municipalities: number }[];
  /** Municipalities without a share (confidential, costs not in, or nothing announced): never counted as 0 %. */
  unknown: number;
}

export function shareDistribution(shares: readonly (number | null)[]): ShareDistribution {
  const counts = new Map<ShareBand, number>(SHARE_BANDS.map((b) => [b, 0]));
  let unknown = 0;
  for (const share of shares) {
    if (share === null || !Number.isFinite(share)) unknown++;
    else counts.set(shareBand(share), (counts.get(shareBand(share)) ?? 0) + 1);
  }
  return { bands: SHARE_BANDS.map((band) => ({ band, municipalities: counts.get(band) ?? 0 })), unknown };
}

export const COUNTY_SORTS = [
  "name",
  "announced",
  "received",
  "usedCosts",
  "flaggedCosts",
  "closing",
  "share",
  "largeSavings",
  "reviews",
] as const;
export type CountySort = (typeof COUNTY_SORTS)[number];
export type SortOrder = "asc" | "desc";

/**
 * The share of a year that can be told: none before the year's costs are in (the savings would be the whole
 * compensation, e.g. "384 %"), nor when it is confidential or nothing was announced.
 */
export const knownShare = (share: number | null, costsIn: boolean): number | null => (costsIn ? share : null);

/** A county row's share as shown, sorted and counted in the distribution. */
export const rowShare = (row: CountyEconomyRow): number | null => knownShare(row.share, row.costsIn);

const numberOf = (row: CountyEconomyRow, sort: Exclude<CountySort, "name">): number | null => {
  switch (sort) {
    case "share":
      return rowShare(row);
    case "usedCosts":
      return row.costsIn ? row.usedCosts : null;
    case "largeSavings":
      return row.largeSavings ? 1 : 0;
    case "reviews":
      return row.reviews.held + row.reviews.planned;
    default:
      return row[sort];
  }
};

/**
 * The county's rows sorted by a column. Names in Swedish order (å, ä, ö last); an unknown (confidential) number is
 * last in either direction; ties by name.
 */
export function sortCountyRows(rows: readonly CountyEconomyRow[], sort: CountySort, order: SortOrder) {
  const byName = (a: CountyEconomyRow, b: CountyEconomyRow) => compareSwedish(a.municipality.name, b.municipality.name);
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * byName(a, b);
    const x = numberOf(a, sort);
    const y = numberOf(b, sort);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

/** Whether a compensation part is in use in a year. */
export const partActiveIn = (part: { firstYear: number; lastYear: number | null }, year: number) =>
  part.firstYear <= year && (part.lastYear === null || year <= part.lastYear);

/** The rows (indexes) that repeat an earlier row's part and category: the county enters one amount per pair. */
export function duplicateCostRows(rows: readonly { part: string; category: string }[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  rows.forEach((row, index) => {
    const key = `${row.part}|${row.category}`;
    if (seen.has(key)) repeated.push(index);
    else seen.add(key);
  });
  return repeated;
}

/** A whole-kronor amount typed in a field ("1 234 567", "1234567 kr") as a number; anything else as undefined. */
export function parseKronor(text: string | number): number | undefined {
  if (typeof text === "number") return Number.isFinite(text) ? text : undefined;
  const cleaned = text.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "");
  if (!/^-?\d+$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** The years the costs editor offers: those with figures and the current one, newest first. */
export function editableYears(years: readonly number[], current: number): number[] {
  return [...new Set([...years, current])].sort((a, b) => b - a);
}

/** The first year the economy follows (the 2019–2022 agreements). */
export const FIRST_ECONOMY_YEAR = 2019;

/** The years offered on the county and national pages, newest first. */
export const economyYears = (current: number): number[] =>
  Array.from({ length: Math.max(1, current - FIRST_ECONOMY_YEAR + 1) }, (_, i) => current - i);

/** The default year of the county and national pages: the previous one (a year's costs come with its annual follow-up). */
export const defaultEconomyYear = (current: number): number => Math.max(FIRST_ECONOMY_YEAR, current - 1);

/** Years as short ranges, oldest first: [2023, 2019, 2020, 2021, 2025] → "2019–2021, 2023, 2025". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const year of sorted) {
    const last = ranges.at(-1);
    if (last && year === last[1] + 1) last[1] = year;
    else ranges.push([year, year]);
  }
  return ranges.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(", ");
}

export interface SecretYears {
  years: number[];
  basis: string;
  /** Who may read, in Swedish order. */
  readers: string[];
}

/**
 * The years whose total the reader may not see, grouped by legal basis and readers (usually one group), for a single
 * note above the year table instead of the same sentence in every row.
 */
export function secretYearGroups(
  years: readonly { year: number; totalConfidential: ConfidentialMark | null }[],
): SecretYears[] {
  const groups = new Map<string, SecretYears>();
  for (const y of years) {
    const mark = y.totalConfidential;
    if (!mark || mark.canRead) continue;
    const readers = [...new Set(mark.readableBy.map((p) => p.name))].sort(compareSwedish);
    const key = JSON.stringify([mark.basis, readers]);
    const group = groups.get(key) ?? { years: [], basis: mark.basis, readers };
    group.years.push(y.year);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, years: [...g.years].sort((a, b) => a - b) }))
    .sort((a, b) => (a.years[0] ?? 0) - (b.years[0] ?? 0));
}
