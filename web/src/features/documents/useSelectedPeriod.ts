import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { Period } from "@uppsikt/core";
import { periodsQuery } from "../../api/queries";
import { useAppConfig } from "../../api/useAppConfig";

const route = getRouteApi("/signed-in/kommun/$code");

/**
 * The mandate period chosen with the municipality page's selector (search param `period`), by the same
 * rule as the page: an unknown or missing value means the current period. Null while the periods load.
 */
export function useSelectedPeriod(): { period: Period | null; isError: boolean; error: unknown; refetch: () => void } {
  const search = route.useSearch();
  const config = useAppConfig();
  const periods = useQuery(periodsQuery);
  const items = periods.data?.items ?? [];
  const currentId = items.find((p) => p.current)?.id ?? config.currentPeriod;
  const selectedId = items.some((p) => p.id === search.period) ? search.period : currentId;
  return {
    period: items.find((p) => p.id === selectedId) ?? null,
    isError: periods.isError,
    error: periods.error,
    refetch: () => void periods.refetch(),
  };
}
