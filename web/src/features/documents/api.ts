import { queryOptions } from "@tanstack/react-query";
import {
  DocumentFileText,
  DocumentItem,
  DocumentList,
  DocumentReview,
  FeedbackList,
  FeedbackView,
  OslGroundList,
  RsaCheck,
  type DocumentReviewInput,
  type FeedbackInput,
  type FeedbackSendChannel,
} from "@uppsikt/core";
import { apiFetch, apiRequest, queryString } from "../../api/client";

/** The municipality's documents, their reviews, RSA checks and written feedback (features/documents). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const documentKeys = {
  all: ["documents"] as const,
  list: (code: string, period: number) => ["documents", "list", code, period] as const,
  rsaCheck: (versionId: string) => ["documents", "rsaCheck", versionId] as const,
  review: (versionId: string) => ["documents", "review", versionId] as const,
  fileText: (fileId: string) => ["documents", "fileText", fileId] as const,
  feedback: (code: string, period: number) => ["documents", "feedback", code, period] as const,
  oslGrounds: ["oslGrounds"] as const,
};

// Reading
export const listDocuments = (code: string, period: number) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/documents${queryString({ period })}`, { schema: DocumentList });
export const getRsaCheck = (versionId: string) =>
  apiRequest(`${V1}/document-versions/${enc(versionId)}/rsa-check`, { schema: RsaCheck });
export const getFileText = (fileId: string) =>
  apiRequest(`${V1}/document-files/${enc(fileId)}/text`, { schema: DocumentFileText });
export const getReview = (versionId: string) =>
  apiRequest(`${V1}/document-versions/${enc(versionId)}/review`, { schema: DocumentReview });
export const listFeedback = (code: string, period: number) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/feedback${queryString({ period })}`, { schema: FeedbackList });
export const listOslGrounds = () => apiRequest(`${V1}/osl-grounds`, { schema: OslGroundList });

// Writing
export const saveReview = (versionId: string, input: DocumentReviewInput) =>
  apiRequest(`${V1}/document-versions/${enc(versionId)}/review`, {
    method: "PUT",
    body: input,
    schema: DocumentReview,
  });
export const createFeedback = (versionId: string, input: FeedbackInput) =>
  apiRequest(`${V1}/document-versions/${enc(versionId)}/feedback`, {
    method: "POST",
    body: input,
    schema: FeedbackView,
  });
export const updateFeedback = (id: string, input: FeedbackInput) =>
  apiRequest(`${V1}/feedback/${enc(id)}`, { method: "PUT", body: input, schema: FeedbackView });
/** `email`: Uppsikt mails the letter to the municipality's coordinators; `other`: it was sent another way. */
export const markFeedbackSent = (id: string, sentOn: string, channel: FeedbackSendChannel = "other") =>
  apiRequest(`${V1}/feedback/${enc(id)}/sent`, { method: "POST", body: { sentOn, channel }, schema: FeedbackView });

export const documentsQuery = (code: string, period: number) =>
  queryOptions({ queryKey: documentKeys.list(code, period), queryFn: () => listDocuments(code, period) });
export const rsaCheckQuery = (versionId: string) =>
  queryOptions({ queryKey: documentKeys.rsaCheck(versionId), queryFn: () => getRsaCheck(versionId) });
export const fileTextQuery = (fileId: string) =>
  queryOptions({ queryKey: documentKeys.fileText(fileId), queryFn: () => getFileText(fileId), staleTime: 300_000 });
export const reviewQuery = (versionId: string) =>
  queryOptions({ queryKey: documentKeys.review(versionId), queryFn: () => getReview(versionId) });
export const feedbackQuery = (code: string, period: number) =>
  queryOptions({ queryKey: documentKeys.feedback(code, period), queryFn: () => listFeedback(code, period) });
export const oslGroundsQuery = queryOptions({
  queryKey: documentKeys.oslGrounds,
  queryFn: listOslGrounds,
  staleTime: 60 * 60_000,
});

/**
 * Registers a new version of a document: the text fields and one part named `file` per file.
 */
export const submitDocument = (code: string, form: FormData): Promise<DocumentItem> =>
  apiRequest(`${V1}/municipalities/${enc(code)}/documents`, { method: "POST", form, schema: DocumentItem });

/** The file name of a Content-Disposition header, preferring the UTF-8 form (filename*=UTF-8''…). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // Fall back to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain?.[1] ?? null;
}

/**
 * Downloads a file the API serves as an attachment. Fetched first, so that a refusal (403 for a
 * confidential file, 401 for an ended session) comes back as the server's message, not as a page of JSON.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await apiFetch(url, { headers: { accept: "*/*" } });
  const blob = await response.blob();
  const name = fileNameFromDisposition(response.headers.get("content-disposition")) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
