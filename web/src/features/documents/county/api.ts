import { queryOptions } from "@tanstack/react-query";
import {
  AwaitingFeedbackList,
  Clearance,
  ClearanceList,
  CriteriaLibrary,
  CriteriaLibraryVersion,
  CriteriaLibraryVersionList,
  DocumentMatrix,
  FollowUpView,
  OslGround,
  OslGroundList,
  ReviewQueue,
  SearchResult,
  YearTwoList,
  type ClearanceCreate,
  type CriteriaExportFormat,
  type DocumentFlag,
  type DocumentStatus,
  type DocumentTypeId,
  type OslGroundInput,
} from "@uppsikt/core";
import { apiRequest, queryString } from "../../../api/client";

/**
 * The county-wide document pages, clearances, the criteria library and the OSL grounds.
 * Query keys start with "oversight" so that one invalidation can refresh them all.
 */
const V1 = "/api/v1";
const county = (code: string) => `${V1}/counties/${encodeURIComponent(code)}`;

// Documents across a county
export interface MatrixParams {
  period?: number;
  status?: DocumentStatus;
  flag?: DocumentFlag;
  type?: DocumentTypeId;
  q?: string;
}
export const getDocumentMatrix = (code: string, params: MatrixParams) =>
  apiRequest(`${county(code)}/documents/matrix${queryString({ ...params })}`, { schema: DocumentMatrix });
/** The same matrix as an Excel file; a plain link, so the browser downloads it with the session cookie. */
export const documentMatrixXlsxUrl = (code: string, params: MatrixParams) =>
  `${county(code)}/documents/matrix.xlsx${queryString({ ...params })}`;

export const getReviewQueue = (scope: "mine" | "county") =>
  apiRequest(`${V1}/review-queue${queryString({ scope: scope === "county" ? "county" : undefined })}`, {
    schema: ReviewQueue,
  });

export interface AwaitingFeedbackParams {
  days?: number;
  period?: number;
}
export const getAwaitingFeedback = (code: string, params: AwaitingFeedbackParams) =>
  apiRequest(`${county(code)}/documents/awaiting-feedback${queryString({ ...params })}`, {
    schema: AwaitingFeedbackList,
  });

export const getYearTwo = (code: string, period?: number) =>
  apiRequest(`${county(code)}/documents/year-two${queryString({ period })}`, { schema: YearTwoList });
export interface FollowUpBody {
  type: DocumentTypeId;
  period: number;
  reason: string;
  agreedDate: string;
}
export const recordFollowUp = (municipality: string, body: FollowUpBody) =>
  apiRequest(`${V1}/municipalities/${encodeURIComponent(municipality)}/documents/follow-ups`, {
    method: "PUT",
    body,
    schema: FollowUpView,
  });

export interface SearchParams {
  q: string;
  period?: number;
  limit?: number;
  offset?: number;
}
export const searchDocuments = (code: string, params: SearchParams) =>
  apiRequest(`${county(code)}/documents/search${queryString({ ...params })}`, { schema: SearchResult });
export const documentFileUrl = (fileId: string) => `${V1}/document-files/${encodeURIComponent(fileId)}/content`;

// Clearances (behörigheter)
export interface ClearanceParams {
  county?: string;
  municipality?: string;
  userId?: string;
  includeInactive?: boolean;
}
export const listClearances = (params: ClearanceParams) =>
  apiRequest(
    `${V1}/clearances${queryString({ ...params, includeInactive: params.includeInactive ? "true" : undefined })}`,
    { schema: ClearanceList },
  );
export const grantClearance = (input: ClearanceCreate) =>
  apiRequest(`${V1}/clearances`, { method: "POST", body: input, schema: Clearance });
export const withdrawClearance = (id: string) =>
  apiRequest(`${V1}/clearances/${encodeURIComponent(id)}/withdraw`, { method: "POST", schema: Clearance });

// The criteria library
export const getCriteriaLibrary = (version?: string) =>
  apiRequest(`${V1}/criteria/library${queryString({ version })}`, { schema: CriteriaLibrary });
export const listCriteriaVersions = () => apiRequest(`${V1}/criteria/versions`, { schema: CriteriaLibraryVersionList });
export const activateCriteriaVersion = (id: string) =>
  apiRequest(`${V1}/criteria/versions/${encodeURIComponent(id)}/activate`, {
    method: "POST",
    schema: CriteriaLibraryVersion,
  });
export const criteriaExportUrl = (id: string, format: CriteriaExportFormat) =>
  `${V1}/criteria/versions/${encodeURIComponent(id)}/export${queryString({ format })}`;
export const importCriteriaVersion = (file: File, activate: boolean) => {
  const form = new FormData();
  if (activate) form.append("activate", "true");
  form.append("file", file, file.name);
  return apiRequest(`${V1}/criteria/versions/import`, { method: "POST", form, schema: CriteriaLibraryVersion });
};

// OSL grounds (sekretessgrunder)
export const listOslGrounds = () => apiRequest(`${V1}/osl-grounds`, { schema: OslGroundList });
export const createOslGround = (input: OslGroundInput) =>
  apiRequest(`${V1}/osl-grounds`, { method: "POST", body: input, schema: OslGround });
export const updateOslGround = (id: string, input: OslGroundInput) =>
  apiRequest(`${V1}/osl-grounds/${encodeURIComponent(id)}`, { method: "PUT", body: input, schema: OslGround });

export const oversightKeys = {
  all: ["oversight"] as const,
  documents: ["oversight", "documents"] as const,
  matrix: (code: string, params: MatrixParams) => ["oversight", "documents", "matrix", code, params] as const,
  reviewQueue: (scope: "mine" | "county") => ["oversight", "documents", "reviewQueue", scope] as const,
  awaiting: (code: string, params: AwaitingFeedbackParams) =>
    ["oversight", "documents", "awaiting", code, params] as const,
  yearTwo: (code: string, period?: number) => ["oversight", "documents", "yearTwo", code, period ?? "current"] as const,
  search: (code: string, params: SearchParams) => ["oversight", "documents", "search", code, params] as const,
  clearancesAll: ["oversight", "clearances"] as const,
  clearances: (params: ClearanceParams) => ["oversight", "clearances", params] as const,
  criteriaAll: ["oversight", "criteria"] as const,
  criteriaLibrary: (version?: string) => ["oversight", "criteria", "library", version ?? "active"] as const,
  criteriaVersions: ["oversight", "criteria", "versions"] as const,
  oslGrounds: ["oversight", "oslGrounds"] as const,
};

export const documentMatrixQuery = (code: string, params: MatrixParams) =>
  queryOptions({ queryKey: oversightKeys.matrix(code, params), queryFn: () => getDocumentMatrix(code, params) });
export const reviewQueueQuery = (scope: "mine" | "county") =>
  queryOptions({ queryKey: oversightKeys.reviewQueue(scope), queryFn: () => getReviewQueue(scope) });
export const awaitingFeedbackQuery = (code: string, params: AwaitingFeedbackParams) =>
  queryOptions({ queryKey: oversightKeys.awaiting(code, params), queryFn: () => getAwaitingFeedback(code, params) });
export const yearTwoQuery = (code: string, period?: number) =>
  queryOptions({ queryKey: oversightKeys.yearTwo(code, period), queryFn: () => getYearTwo(code, period) });
export const documentSearchQuery = (code: string, params: SearchParams) =>
  queryOptions({ queryKey: oversightKeys.search(code, params), queryFn: () => searchDocuments(code, params) });
export const clearancesQuery = (params: ClearanceParams) =>
  queryOptions({ queryKey: oversightKeys.clearances(params), queryFn: () => listClearances(params) });
export const criteriaLibraryQuery = (version?: string) =>
  queryOptions({ queryKey: oversightKeys.criteriaLibrary(version), queryFn: () => getCriteriaLibrary(version) });
export const criteriaVersionsQuery = queryOptions({
  queryKey: oversightKeys.criteriaVersions,
  queryFn: listCriteriaVersions,
});
export const oslGroundsQuery = queryOptions({ queryKey: oversightKeys.oslGrounds, queryFn: listOslGrounds });
