import { queryOptions, type QueryClient } from "@tanstack/react-query";
import {
  CompensationPartList,
  CostCategoryList,
  CountyEconomy,
  LargeSavingsList,
  MunicipalityCosts,
  MunicipalityEconomy,
  NationalEconomy,
  type CostsPut,
  type LargeSavingsDuePut,
} from "@uppsikt/core";
import { z } from "zod";
import { apiRequest, queryString } from "../../api/client";

/** The economy: a municipality's figures, its costs, the county's and the nation's tables (features/economy). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const economyKeys = {
  all: ["economy"] as const,
  municipality: (code: string) => ["economy", "municipality", code] as const,
  costs: (code: string, year: number) => ["economy", "costs", code, year] as const,
  county: (code: string, year?: number) => ["economy", "county", code, year ?? "current"] as const,
  largeSavings: (code: string, year?: number) => ["economy", "large-savings", code, year ?? "current"] as const,
  national: (year?: number) => ["economy", "national", year ?? "current"] as const,
  parts: ["economy", "compensation-parts"] as const,
  categories: (year: number) => ["economy", "cost-categories", year] as const,
};

export const getMunicipalityEconomy = (code: string) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/economy`, { schema: MunicipalityEconomy });
export const getMunicipalityCosts = (code: string, year: number) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/costs${queryString({ year })}`, { schema: MunicipalityCosts });
/** The answer is not read: the editor refetches the costs and the figures after saving. */
export const putCosts = (code: string, body: CostsPut) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/costs`, { method: "PUT", body, schema: z.unknown() });
export const putOpeningBalance = (
  code: string,
  body: { version: number; part: string; year: number; amount: number },
) => apiRequest(`${V1}/municipalities/${enc(code)}/opening-balance`, { method: "PUT", body, schema: z.unknown() });
/** Moves the savings plan's due date of the open large-savings detection (the county; R2.6-2). */
export const putPlanDue = (code: string, body: z.output<typeof LargeSavingsDuePut>) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/large-savings/plan-due`, { method: "PUT", body, schema: z.unknown() });
export const getCompensationParts = () => apiRequest(`${V1}/compensation-parts`, { schema: CompensationPartList });
export const getCostCategories = (year: number) =>
  apiRequest(`${V1}/cost-categories${queryString({ year })}`, { schema: CostCategoryList });
export const getCountyEconomy = (code: string, year?: number) =>
  apiRequest(`${V1}/counties/${enc(code)}/economy${queryString({ year })}`, { schema: CountyEconomy });
export const countyEconomyXlsxUrl = (code: string, year?: number) =>
  `${V1}/counties/${enc(code)}/economy.xlsx${queryString({ year })}`;
export const getLargeSavings = (code: string, year?: number) =>
  apiRequest(`${V1}/counties/${enc(code)}/large-savings${queryString({ year })}`, { schema: LargeSavingsList });
export const getNationalEconomy = (year?: number) =>
  apiRequest(`${V1}/economy/national${queryString({ year })}`, { schema: NationalEconomy });

export const municipalityEconomyQuery = (code: string) =>
  queryOptions({ queryKey: economyKeys.municipality(code), queryFn: () => getMunicipalityEconomy(code) });
export const municipalityCostsQuery = (code: string, year: number) =>
  queryOptions({ queryKey: economyKeys.costs(code, year), queryFn: () => getMunicipalityCosts(code, year) });
export const compensationPartsQuery = queryOptions({
  queryKey: economyKeys.parts,
  queryFn: getCompensationParts,
  staleTime: 5 * 60_000,
});
export const costCategoriesQuery = (year: number) =>
  queryOptions({
    queryKey: economyKeys.categories(year),
    queryFn: () => getCostCategories(year),
    staleTime: 5 * 60_000,
  });
export const countyEconomyQuery = (code: string, year?: number) =>
  queryOptions({ queryKey: economyKeys.county(code, year), queryFn: () => getCountyEconomy(code, year) });
export const largeSavingsQuery = (code: string, year?: number) =>
  queryOptions({ queryKey: economyKeys.largeSavings(code, year), queryFn: () => getLargeSavings(code, year) });
export const nationalEconomyQuery = (year?: number) =>
  queryOptions({ queryKey: economyKeys.national(year), queryFn: () => getNationalEconomy(year) });

/**
 * After a write that changes the figures (costs, opening balance, the plan's due date): the economy's views, the
 * savings plans' outcome and requirement (features/economic-reviews) and the watch list (savings plan owed).
 */
export function invalidateEconomy(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: economyKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["economicReviews"] });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
}
