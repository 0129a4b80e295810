import { queryOptions } from "@tanstack/react-query";
import type { Me } from "@uppsikt/core";
import { ApiError } from "./client";
import * as api from "./endpoints";

/** Query keys and fetchers in one place, so that invalidation names the same keys. */
export const keys = {
  config: ["config"] as const,
  me: ["me"] as const,
  demoAccounts: ["auth", "demo-accounts"] as const,
  counties: ["counties"] as const,
  county: (code: string) => ["counties", code] as const,
  municipalities: (county: string, params: api.MunicipalityListParams) => ["municipalities", county, params] as const,
  municipalitiesAll: ["municipalities"] as const,
  municipality: (code: string) => ["municipality", code] as const,
  periods: ["periods"] as const,
  agreements: (period?: number) => ["agreements", period ?? "all"] as const,
  agreementsAll: ["agreements"] as const,
  users: (params: api.UserListParams) => ["users", params] as const,
  usersAll: ["users"] as const,
  audit: (params: api.AuditListParams) => ["audit", params] as const,
};

export const configQuery = queryOptions({ queryKey: keys.config, queryFn: api.getConfig, staleTime: 5 * 60_000 });

/** The demo accounts the login page lists (none outside a demo). */
export const demoAccountsQuery = queryOptions({
  queryKey: keys.demoAccounts,
  queryFn: api.getDemoAccounts,
  staleTime: Infinity,
});

/** The signed-in user, or null when there is no session. */
export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.getMe();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
});

export const countiesQuery = queryOptions({
  queryKey: keys.counties,
  queryFn: api.listCounties,
  staleTime: 5 * 60_000,
});
export const countyQuery = (code: string) =>
  queryOptions({ queryKey: keys.county(code), queryFn: () => api.getCounty(code), staleTime: 5 * 60_000 });
export const municipalitiesQuery = (county: string, params: api.MunicipalityListParams) =>
  queryOptions({
    queryKey: keys.municipalities(county, params),
    queryFn: () => api.listMunicipalities(county, params),
  });
export const municipalityQuery = (code: string) =>
  queryOptions({ queryKey: keys.municipality(code), queryFn: () => api.getMunicipality(code) });
export const periodsQuery = queryOptions({ queryKey: keys.periods, queryFn: api.listPeriods, staleTime: 60 * 60_000 });
export const agreementsQuery = (period?: number) =>
  queryOptions({ queryKey: keys.agreements(period), queryFn: () => api.listAgreements(period) });
export const usersQuery = (params: api.UserListParams) =>
  queryOptions({ queryKey: keys.users(params), queryFn: () => api.listUsers(params) });
export const auditQuery = (params: api.AuditListParams) =>
  queryOptions({ queryKey: keys.audit(params), queryFn: () => api.listAuditEvents(params) });
