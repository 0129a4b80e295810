import { queryOptions } from "@tanstack/react-query";
import {
  DocumentItem,
  DocumentList,
  DocumentReview,
  ErrorBody,
  FeedbackList,
  FeedbackView,
  Me,
  OslGroundList,
  RsaCheck,
  type DocumentReviewInput,
  type FeedbackInput,
} from "@uppsikt/core";
import { ApiError, apiRequest, queryString } from "./client";

/** The municipality's documents, their reviews, RSA checks and written feedback (features/documents). */

const V1 = "/api/v1";
const CSRF_COOKIE = "csrf_token";
const CSRF_HEADER = "x-csrf-token";
const enc = encodeURIComponent;

export const documentKeys = {
  all: ["documents"] as const,
  list: (code: string, period: number) => ["documents", "list", code, period] as const,
  rsaCheck: (versionId: string) => ["documents", "rsaCheck", versionId] as const,
  review: (versionId: string) => ["documents", "review", versionId] as const,
  feedback: (code: string, period: number) => ["documents", "feedback", code, period] as const,
  oslGrounds: ["oslGrounds"] as const,
};

// Reading
export const listDocuments = (code: string, period: number) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/documents${queryString({ period })}`, { schema: DocumentList });
export const getRsaCheck = (versionId: string) =>
  apiRequest(`${V1}/document-versions/${enc(versionId)}/rsa-check`, { schema: RsaCheck });
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
export const markFeedbackSent = (id: string, sentOn: string) =>
  apiRequest(`${V1}/feedback/${enc(id)}/sent`, { method: "POST", body: { sentOn }, schema: FeedbackView });

export const documentsQuery = (code: string, period: number) =>
  queryOptions({ queryKey: documentKeys.list(code, period), queryFn: () => listDocuments(code, period) });
export const rsaCheckQuery = (versionId: string) =>
  queryOptions({ queryKey: documentKeys.rsaCheck(versionId), queryFn: () => getRsaCheck(versionId) });
export const reviewQuery = (versionId: string) =>
  queryOptions({ queryKey: documentKeys.review(versionId), queryFn: () => getReview(versionId) });
export const feedbackQuery = (code: string, period: number) =>
  queryOptions({ queryKey: documentKeys.feedback(code, period), queryFn: () => listFeedback(code, period) });
export const oslGroundsQuery = queryOptions({
  queryKey: documentKeys.oslGrounds,
  queryFn: listOslGrounds,
  staleTime: 60 * 60_000,
});

/*
 * Multipart uploads and file downloads do not fit `apiRequest` (JSON in, JSON out), so they use fetch
 * directly, with the same CSRF double-submit and the same error shape.
 */

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch(`${V1}/config`, { credentials: "same-origin" });
  return readCookie(CSRF_COOKIE) ?? "";
}

async function errorFrom(response: Response): Promise<ApiError> {
  const requestId = response.headers.get("x-request-id");
  try {
    const parsed = ErrorBody.safeParse(await response.json());
    if (parsed.success) {
      const e = parsed.data.error;
      return new ApiError(response.status, e.code, e.message, e.requestId, e.details);
    }
  } catch {
    // Not JSON: a generic message below.
  }
  return new ApiError(response.status, "internal", `Servern svarade med fel (${response.status}).`, requestId);
}

/** On a 401 ask the session endpoint through `apiRequest`, so that the app's usual "sign in again" runs. */
async function handleUnauthenticated(status: number) {
  if (status !== 401) return;
  await apiRequest(`${V1}/auth/me`, { schema: Me }).catch(() => undefined);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiError(0, "network", "Det gick inte att nå servern. Kontrollera anslutningen och försök igen.", null);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    await handleUnauthenticated(error.status);
    throw error;
  }
  return response;
}

/**
 * Registers a new version of a document: the text fields and one part named `file` per file.
 * The browser sets the multipart content type (with its boundary) itself.
 */
export async function submitDocument(code: string, form: FormData): Promise<DocumentItem> {
  const response = await send(`${V1}/municipalities/${enc(code)}/documents`, {
    method: "POST",
    headers: { accept: "application/json", [CSRF_HEADER]: await csrfToken() },
    body: form,
  });
  const parsed = DocumentItem.safeParse(await response.json());
  if (!parsed.success)
    throw new ApiError(
      response.status,
      "contract",
      "Svaret från servern hade ett oväntat format.",
      response.headers.get("x-request-id"),
      parsed.error.issues,
    );
  return parsed.data;
}

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
  const response = await send(url, { headers: { accept: "*/*" } });
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
