import { type QueryClient, queryOptions } from "@tanstack/react-query";
import {
  CorrectionOpportunity,
  CorrectionOpportunityList,
  SavingsNotice,
  SavingsNoticeList,
  Statement,
  StatementGroundList,
  StatementList,
  StatementOptions,
  type CorrectionOpportunityCreate,
  type SavingsNoticeCreate,
  type StatementCreate,
  type StatementSend,
  type StatementUpdate,
} from "@uppsikt/core";
import type { z } from "zod";
import { apiRequest } from "../../api/client";

/** The county's statements to the agency (features/statements). */

const V1 = "/api/v1";
const m = (code: string) => `${V1}/municipalities/${encodeURIComponent(code)}`;
const s = (id: string) => `${V1}/statements/${encodeURIComponent(id)}`;

export const statementKeys = {
  all: ["statements"] as const,
  grounds: (code: string) => ["statements", "grounds", code] as const,
  options: (code: string) => ["statements", "options", code] as const,
  municipality: (code: string) => ["statements", "list", "municipality", code] as const,
  county: (code: string) => ["statements", "list", "county", code] as const,
  one: (id: string) => ["statements", "one", id] as const,
  opportunities: (code: string) => ["statements", "opportunities", code] as const,
  notices: (code: string) => ["statements", "notices", code] as const,
  countyNotices: (code: string) => ["statements", "countyNotices", code] as const,
};

export const groundsQuery = (code: string) =>
  queryOptions({
    queryKey: statementKeys.grounds(code),
    queryFn: () => apiRequest(`${m(code)}/statement-grounds`, { schema: StatementGroundList }),
  });
export const optionsQuery = (code: string) =>
  queryOptions({
    queryKey: statementKeys.options(code),
    queryFn: () => apiRequest(`${m(code)}/statement-options`, { schema: StatementOptions }),
  });
export const municipalityStatementsQuery = (code: string) =>
  queryOptions({
    queryKey: statementKeys.municipality(code),
    queryFn: () => apiRequest(`${V1}/statements?municipality=${encodeURIComponent(code)}`, { schema: StatementList }),
  });
export const countyStatementsQuery = (code: string) =>
  queryOptions({
    queryKey: statementKeys.county(code),
    queryFn: () => apiRequest(`${V1}/statements?county=${encodeURIComponent(code)}`, { schema: StatementList }),
  });
export const statementQuery = (id: string) =>
  queryOptions({ queryKey: statementKeys.one(id), queryFn: () => apiRequest(s(id), { schema: Statement }) });
export const opportunitiesQuery = (code: string) =>
  queryOptions({
    queryKey: statementKeys.opportunities(code),
    queryFn: () => apiRequest(`${m(code)}/correction-opportunities`, { schema: CorrectionOpportunityList }),
  });
export const noticesQuery = (code: string) =>
  queryOptions({
    queryKey: statementKeys.notices(code),
    queryFn: () => apiRequest(`${m(code)}/savings-notices`, { schema: SavingsNoticeList }),
  });

export const countyNoticesQuery = (code: string) =>
  queryOptions({
    queryKey: statementKeys.countyNotices(code),
    queryFn: () =>
      apiRequest(`${V1}/counties/${encodeURIComponent(code)}/savings-notices`, { schema: SavingsNoticeList }),
  });

export const createStatement = (body: z.input<typeof StatementCreate>) =>
  apiRequest(`${V1}/statements`, { method: "POST", body, schema: Statement });
export const updateStatement = (id: string, body: z.input<typeof StatementUpdate>) =>
  apiRequest(s(id), { method: "PUT", body, schema: Statement });
export const approveStatement = (id: string, version: number) =>
  apiRequest(`${s(id)}/approve`, { method: "POST", body: { version }, schema: Statement });
export const sendStatement = (id: string, body: z.input<typeof StatementSend>) =>
  apiRequest(`${s(id)}/send`, { method: "POST", body, schema: Statement });
export const statementFileUrl = (id: string, part: "statement" | "appendix", format: "pdf" | "docx") =>
  `${s(id)}/${part === "statement" ? "statement" : "secret-appendix"}.${format}`;

export const createOpportunity = (code: string, body: z.input<typeof CorrectionOpportunityCreate>) =>
  apiRequest(`${m(code)}/correction-opportunities`, { method: "POST", body, schema: CorrectionOpportunity });
export const answerOpportunity = (id: string, body: { text: string; answeredOn?: string }) =>
  apiRequest(`${V1}/correction-opportunities/${encodeURIComponent(id)}/answer`, {
    method: "POST",
    body,
    schema: CorrectionOpportunity,
  });
export const createNotice = (code: string, body: z.input<typeof SavingsNoticeCreate>) =>
  apiRequest(`${m(code)}/savings-notices`, { method: "POST", body, schema: SavingsNotice });

/** After a write: the statements, the cases that follow them and the watch list. */
export function invalidateStatements(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: statementKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["reductionCases"] });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
}
