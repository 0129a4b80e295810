import type { ErrorCode } from "@uppsikt/core";

/** Typed errors carry an HTTP status and a Swedish message that the UI shows as is. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const NotFound = (message = "Hittades inte.", details?: unknown) =>
  new AppError(404, "notFound", message, details);
export const Forbidden = (message = "Du har inte behörighet att göra detta.", details?: unknown) =>
  new AppError(403, "forbidden", message, details);
export const Unauthenticated = (message = "Du behöver logga in.") => new AppError(401, "unauthenticated", message);
export const Conflict = (message: string, details?: unknown) => new AppError(409, "conflict", message, details);
export const Invalid = (message: string, details?: unknown) => new AppError(400, "validation", message, details);
export const RateLimited = (message: string) => new AppError(429, "rateLimited", message);
