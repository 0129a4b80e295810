import { queryOptions } from "@tanstack/react-query";
import {
  NationalRuleVersion,
  NationalRuleVersionList,
  NationalRulesImportResult,
  type NationalRuleVersionInput,
} from "@uppsikt/core";
import { apiRequest } from "../../api/client";

const BASE = "/api/v1/national-rules";

export const nationalRulesKeys = { all: ["nationalRules"] as const, current: ["nationalRules", "current"] as const };

export const nationalRulesQuery = queryOptions({
  queryKey: nationalRulesKeys.all,
  queryFn: () => apiRequest(BASE, { schema: NationalRuleVersionList }),
});

/** The version in force today: the document types' names, decision levels and deadlines the web shows. */
export const currentNationalRulesQuery = queryOptions({
  queryKey: nationalRulesKeys.current,
  queryFn: () => apiRequest(`${BASE}/current`, { schema: NationalRuleVersion }),
  staleTime: 5 * 60_000,
});

export const createNationalRuleVersion = (input: NationalRuleVersionInput) =>
  apiRequest(BASE, { method: "POST", body: input, schema: NationalRuleVersion });

export const importNationalRules = (content: string) =>
  apiRequest(`${BASE}/import`, { method: "POST", body: { content }, schema: NationalRulesImportResult });

export const exportAllUrl = "/api/v1/national-rules.yaml";
export const exportOneUrl = (id: string) => `${BASE}/${encodeURIComponent(id)}/export`;
