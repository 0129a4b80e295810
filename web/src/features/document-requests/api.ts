import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { DocumentRequest, DocumentRequestList, type DocumentRequestCreate } from "@uppsikt/core";
import { apiRequest } from "../../api/client";

/** Requests for further documents (begäran om underlag, R2.5-4; features/requests). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const requestKeys = {
  all: ["documentRequests"] as const,
  list: (code: string) => ["documentRequests", "list", code] as const,
  /** Unanswered requests are on the watch list (Min bevakning) of the county and the municipality. */
  watch: ["watch"] as const,
};

// Reading
export const listDocumentRequests = (code: string) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/document-requests`, { schema: DocumentRequestList });

// Writing
export const createDocumentRequest = (code: string, input: DocumentRequestCreate) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/document-requests`, {
    method: "POST",
    body: input,
    schema: DocumentRequest,
  });

/** An answer: the field `message`, optionally `confidentialBasis`, and one part named `file` per file. */
export const answerDocumentRequest = (id: string, form: FormData) =>
  apiRequest(`${V1}/document-requests/${enc(id)}/answers`, { method: "POST", form, schema: DocumentRequest });

export const closeDocumentRequest = (id: string) =>
  apiRequest(`${V1}/document-requests/${enc(id)}/close`, { method: "POST", schema: DocumentRequest });

export const documentRequestsQuery = (code: string) =>
  queryOptions({ queryKey: requestKeys.list(code), queryFn: () => listDocumentRequests(code) });

/** After a write: the requests and the watch lists they appear on. */
export function invalidateRequests(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: requestKeys.all });
  void queryClient.invalidateQueries({ queryKey: requestKeys.watch });
}
