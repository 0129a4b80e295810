import { useQueries, useQuery } from "@tanstack/react-query";
import type { Clearance } from "@uppsikt/core";
import { useTranslation } from "react-i18next";
import { countiesQuery, municipalitiesQuery } from "../../api/queries";

export type ClearanceState = "active" | "withdrawn" | "expired";

/** Aktiv, Återkallad, or Utgången (past its end date). */
export const clearanceState = (c: Pick<Clearance, "active" | "withdrawnAt">): ClearanceState =>
  c.active ? "active" : c.withdrawnAt ? "withdrawn" : "expired";

/**
 * Names for the county and municipality codes that clearances carry: "Hela länet" or the municipality.
 * Fetches the municipalities of each county involved (they are usually already cached).
 */
export function useClearanceScope(counties: string[]) {
  const { t } = useTranslation();
  const unique = [...new Set(counties)].sort();
  const countyList = useQuery(countiesQuery);
  const lists = useQueries({
    queries: unique.map((code) => ({ ...municipalitiesQuery(code, { limit: 500 }), staleTime: 5 * 60_000 })),
  });
  const municipalityNames = new Map<string, string>();
  for (const list of lists) for (const m of list.data?.items ?? []) municipalityNames.set(m.code, m.name);
  const countyName = (code: string) => countyList.data?.items.find((c) => c.code === code)?.name ?? code;
  const municipalityName = (code: string) => municipalityNames.get(code) ?? code;
  return {
    countyName,
    municipalityName,
    /** "Hela länet" (or "Hela Stockholms län" with `named`) or the municipality's name. */
    scope: (c: Pick<Clearance, "county" | "municipality">, named = false) =>
      c.municipality
        ? municipalityName(c.municipality)
        : named
          ? t("clearances.wholeCountyNamed", { county: countyName(c.county) })
          : t("clearances.wholeCounty"),
  };
}
