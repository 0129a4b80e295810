import { useQuery } from "@tanstack/react-query";
import type { AppConfig } from "@uppsikt/core";
import { configQuery } from "./queries";

const FALLBACK: AppConfig = { agencyName: "", version: "", today: "", currentPeriod: 0 };

/** Public settings; loaded before the first page renders, so normally always present. */
export function useAppConfig(): AppConfig {
  return useQuery(configQuery).data ?? FALLBACK;
}
