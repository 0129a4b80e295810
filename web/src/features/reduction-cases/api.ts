import { queryOptions, type QueryClient } from "@tanstack/react-query";
import {
  CaseLogEntry,
  CaseLogEntryList,
  DocumentRequestList,
  ReductionCase,
  ReductionCaseList,
  type CaseLogEntryCreate,
  type ReductionCaseStatus,
  type ReductionDecisionInput,
} from "@uppsikt/core";
import { apiRequest } from "../../api/client";

/** The agency's reduction cases (features/reduction-cases). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export interface CaseListFilter {
  county?: string;
  status?: ReductionCaseStatus;
}

export const reductionCaseKeys = {
  all: ["reductionCases"] as const,
  list: (f: CaseListFilter) => ["reductionCases", "list", f.county ?? "", f.status ?? ""] as const,
  one: (id: string) => ["reductionCases", "one", id] as const,
  log: (id: string) => ["reductionCases", "log", id] as const,
  /** Under the document requests' key, so that their own writes refresh it too. */
  requests: (id: string) => ["documentRequests", "reductionCase", id] as const,
};

const query = (f: CaseListFilter) => {
  const params = new URLSearchParams();
  if (f.county) params.set("county", f.county);
  if (f.status) params.set("status", f.status);
  const s = params.toString();
  return s ? `?${s}` : "";
};

export const listReductionCases = (f: CaseListFilter) =>
  apiRequest(`${V1}/reduction-cases${query(f)}`, { schema: ReductionCaseList });
export const getReductionCase = (id: string) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}`, { schema: ReductionCase });
export const updateReductionCase = (
  id: string,
  body: { version: number; receivedOn?: string; notifiedOn?: string | null },
) => apiRequest(`${V1}/reduction-cases/${enc(id)}`, { method: "PUT", body, schema: ReductionCase });
export const decideReductionCase = (id: string, body: ReductionDecisionInput) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}/decision`, { method: "POST", body, schema: ReductionCase });
export const appealLodged = (id: string, body: { version?: number; on: string }) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}/appeal-lodged`, { method: "POST", body, schema: ReductionCase });
export const appealDecided = (id: string, body: { version?: number; on: string }) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}/appeal-decided`, { method: "POST", body, schema: ReductionCase });
export const invoiceSent = (id: string, body: { version?: number; invoiceNumber: string; sentOn: string }) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}/invoice-sent`, { method: "POST", body, schema: ReductionCase });
export const listCaseLog = (id: string) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}/log`, { schema: CaseLogEntryList });
export const createCaseLogEntry = (id: string, body: CaseLogEntryCreate) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}/log`, { method: "POST", body, schema: CaseLogEntry });
export const listCaseRequests = (id: string) =>
  apiRequest(`${V1}/reduction-cases/${enc(id)}/document-requests`, { schema: DocumentRequestList });

export const reductionCasesQuery = (f: CaseListFilter) =>
  queryOptions({ queryKey: reductionCaseKeys.list(f), queryFn: () => listReductionCases(f) });
export const reductionCaseQuery = (id: string) =>
  queryOptions({ queryKey: reductionCaseKeys.one(id), queryFn: () => getReductionCase(id) });
export const caseLogQuery = (id: string) =>
  queryOptions({ queryKey: reductionCaseKeys.log(id), queryFn: () => listCaseLog(id) });
export const caseRequestsQuery = (id: string) =>
  queryOptions({ queryKey: reductionCaseKeys.requests(id), queryFn: () => listCaseRequests(id) });

/** After a write: the case as saved, the lists, the watch list, and the economy whose status follows the decision. */
export function caseSaved(queryClient: QueryClient, saved: ReductionCase) {
  queryClient.setQueryData(reductionCaseKeys.one(saved.id), saved);
  void queryClient.invalidateQueries({ queryKey: reductionCaseKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
  void queryClient.invalidateQueries({ queryKey: ["economy"] });
}
