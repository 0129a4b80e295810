import {
  type CompensationStatus,
  type CostCategory,
  type PartYear,
  type SavingsPart,
  computeSavings,
} from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import type { NationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./repository.js";

/** The earliest year of the compensation parts: savings are computed from it. */
export const FIRST_ECONOMY_YEAR = 2019;

/** The county's entry supersedes the annual report's, which supersedes an import. */
export const COST_SOURCE_RANK: Record<string, number> = { county: 0, annualReport: 1, import: 2 };

export interface EffectiveCost {
  year: number;
  part: string;
  category: string;
  amount: number;
  manualCompilation: boolean;
}

export interface MunicipalityFigures {
  rows: PartYear[];
  parts: repo.PartRow[];
  yearsWithCosts: number[];
  /** Some part of the year with money or costs is confidential. */
  hasConfidentialIn: (year: number) => boolean;
  /** The source that decided each year's costs. */
  costSource: Map<number, string>;
  /** The effective cost items (of the deciding source) per year. */
  costs: EffectiveCost[];
  amounts: repo.AmountRow[];
  openings: repo.OpeningRow[];
}

/** The cost categories of a year (national rules in force on its 1 January), cached per year. */
export function categoriesByYear(reader: NationalRulesReader) {
  const cache = new Map<number, Promise<Map<string, CostCategory>>>();
  return (year: number) => {
    let found = cache.get(year);
    if (!found) {
      found = reader.on(`${year}-01-01`).then((r) => {
        const c = r.rules.costCategories;
        return new Map(
          c.items.map((i) => [
            i.code,
            {
              code: i.code,
              name: i.name,
              nameEn: i.nameEn,
              eligibility: i.eligibility,
              rule: i.rule,
              source: i.source ?? null,
              unverified: i.unverified ?? false,
            },
          ]),
        );
      });
      cache.set(year, found);
    }
    return found;
  };
}

/**
 * The savings of many municipalities at once (R2.6-1): one query per table for all codes, then core's
 * computeSavings from 2019 to `toYear` with each year's eligibility from that year's national rules.
 */
export async function savingsFigures(
  db: Executor,
  codes: string[],
  toYear: number,
  reader: NationalRulesReader,
): Promise<Map<string, MunicipalityFigures>> {
  const [parts, amounts, costData, openings] = await Promise.all([
    repo.findParts(db),
    repo.findAmounts(db, codes),
    repo.findCostSets(db, codes),
    repo.findOpenings(db, codes),
  ]);
  const categories = categoriesByYear(reader);
  const eligibilityByYear = new Map<number, Map<string, CostCategory>>();
  for (let y = FIRST_ECONOMY_YEAR; y <= toYear; y++) eligibilityByYear.set(y, await categories(y));
  const savingsParts: SavingsPart[] = parts.map((p) => ({
    code: p.code,
    countsTowardSavings: p.countsTowardSavings,
    predecessor: p.predecessor,
    firstYear: p.firstYear,
    lastYear: p.lastYear,
  }));
  const confidentialParts = new Set(parts.filter((p) => p.confidentialBasis).map((p) => p.code));
  const itemsBySet = new Map<string, repo.CostItemRow[]>();
  for (const i of costData.items) {
    const list = itemsBySet.get(i.setId);
    if (list) list.push(i);
    else itemsBySet.set(i.setId, [i]);
  }
  const group = <T extends { municipalityCode: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const r of rows) {
      const list = by.get(r.municipalityCode);
      if (list) list.push(r);
      else by.set(r.municipalityCode, [r]);
    }
    return (code: string) => by.get(code) ?? [];
  };
  const amountsOf = group(amounts);
  const setsOf = group(costData.sets);
  const openingsOf = group(openings);
  const result = new Map<string, MunicipalityFigures>();
  for (const code of codes) {
    const own = amountsOf(code);
    const sets = setsOf(code).filter((s) => s.year <= toYear);
    const effective = new Map<number, repo.CostSetRow>();
    for (const s of sets) {
      const cur = effective.get(s.year);
      if (!cur || (COST_SOURCE_RANK[s.source] ?? 9) < (COST_SOURCE_RANK[cur.source] ?? 9)) effective.set(s.year, s);
    }
    const costs: EffectiveCost[] = [...effective.values()].flatMap((s) =>
      (itemsBySet.get(s.id) ?? []).map((i) => ({
        year: s.year,
        part: i.partCode,
        category: i.categoryCode,
        amount: i.amount,
        manualCompilation: i.manualCompilation,
      })),
    );
    const ownOpenings = openingsOf(code);
    const rows = computeSavings({
      parts: savingsParts,
      from: FIRST_ECONOMY_YEAR,
      to: toYear,
      compensation: own
        .filter((a) => a.year <= toYear)
        .map((a) => ({
          part: a.partCode,
          year: a.year,
          amount: a.amount,
          status: a.status as CompensationStatus,
          adjustment: a.adjustment,
        })),
      costs,
      openings: ownOpenings.map((o) => ({ part: o.partCode, year: o.year, amount: o.amount })),
      eligibility: (year, category) => eligibilityByYear.get(year)?.get(category)?.eligibility,
    });
    const confidentialYears = new Set(
      rows.filter((r) => confidentialParts.has(r.part) && r.countsTowardSavings).map((r) => r.year),
    );
    result.set(code, {
      rows,
      parts,
      yearsWithCosts: [...effective.keys()].sort((a, b) => a - b),
      hasConfidentialIn: (year) => confidentialYears.has(year),
      costSource: new Map([...effective.entries()].map(([y, s]) => [y, s.source])),
      costs,
      amounts: own,
      openings: ownOpenings,
    });
  }
  return result;
}
