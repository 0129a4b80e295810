import { ErrorBody } from "@uppsikt/core";
import type { z } from "zod";

const CSRF_COOKIE = "csrf_token";
const CSRF_HEADER = "x-csrf-token";

/** An error answered by the API, with the server's Swedish message and request id. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {};

/** Called on any 401 outside the login/me calls (the app sends the user to the login page). */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler) {
  onUnauthenticated = handler;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** The double-submit token; a GET of the public config sets the cookie when it is missing. */
async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch("/api/v1/config", { credentials: "same-origin" });
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
    // Not JSON: fall through to a generic message.
  }
  return new ApiError(response.status, "internal", `Servern svarade med fel (${response.status}).`, requestId);
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions<S extends z.ZodType> {
  method?: Method;
  body?: unknown;
  /** A multipart form (uploads); the browser sets its content type with the boundary. */
  form?: FormData;
  schema: S;
  /** Do not send the user to the login page on 401 (login and session checks). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

/**
 * A request to the API with the CSRF token on state-changing methods and the API's error shape:
 * a refusal throws an ApiError with the server's Swedish message, and a 401 sends the user to the login page.
 */
export async function apiFetch(
  path: string,
  init: {
    method?: Method;
    headers?: Record<string, string>;
    body?: BodyInit;
    quiet401?: boolean;
    signal?: AbortSignal;
  },
): Promise<Response> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { ...init.headers };
  if (method !== "GET") headers[CSRF_HEADER] = await csrfToken();
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: "same-origin", body: init.body, signal: init.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "network", "Det gick inte att nå servern. Kontrollera anslutningen och försök igen.", null);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && !init.quiet401) onUnauthenticated();
    throw error;
  }
  return response;
}

/** JSON (or a multipart form) in, JSON out, checked against the response's zod schema. */
export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await apiFetch(path, {
    method: options.method,
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    quiet401: options.quiet401,
    signal: options.signal,
  });
  const data: unknown = await response.json();
  const parsed = options.schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "contract",
      "Svaret från servern hade ett oväntat format.",
      response.headers.get("x-request-id"),
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** Builds `?a=1&b=x`, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
