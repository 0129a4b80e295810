import { queryOptions } from "@tanstack/react-query";
import { SupportNeeds } from "@uppsikt/core";
import { apiRequest, queryString } from "../../api/client";

/** Who needs support: the county's municipalities ranked by their reasons (features/support-needs). */

export const supportNeedsKeys = {
  all: ["supportNeeds"] as const,
  county: (code: string, year?: number) => ["supportNeeds", code, year ?? "default"] as const,
};

export const getSupportNeeds = (code: string, year?: number) =>
  apiRequest(`/api/v1/counties/${encodeURIComponent(code)}/support-needs${queryString({ year })}`, {
    schema: SupportNeeds,
  });

export const supportNeedsQuery = (code: string, year?: number) =>
  queryOptions({ queryKey: supportNeedsKeys.county(code, year), queryFn: () => getSupportNeeds(code, year) });
