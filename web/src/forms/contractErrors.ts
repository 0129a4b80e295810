import type { z } from "zod";
import { ApiError, isApiError } from "../api/client";

/** Field path (`email`, `items.0.note`) → Swedish message; `form` holds a message that names no field. */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodRawIssue;

const sizeNoun = (origin: unknown, n: unknown): string => {
  const count = Number(n);
  if (origin === "string") return count === 1 ? "1 tecken" : `${count} tecken`;
  if (origin === "array" || origin === "set") return count === 1 ? "1 val" : `${count} val`;
  return String(n);
};

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * A Swedish message by issue code, for the checks where the contract gives none
 * (zod's own wording names types, "förväntade string, fick undefined", which helps no one filling in a form).
 */
export function fallbackMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return isEmpty(issue.input) ? "Fältet måste fyllas i." : "Värdet har fel form.";
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return "Fältet måste fyllas i.";
      if (issue.origin === "array" || issue.origin === "set") {
        return Number(issue.minimum) <= 1
          ? "Välj minst ett alternativ."
          : `Välj minst ${sizeNoun("array", issue.minimum)}.`;
      }
      if (issue.origin === "string") return `Skriv minst ${sizeNoun("string", issue.minimum)}.`;
      return `Värdet ska vara minst ${String(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string") return `Skriv högst ${sizeNoun("string", issue.maximum)}.`;
      if (issue.origin === "array" || issue.origin === "set") return `Välj högst ${sizeNoun("array", issue.maximum)}.`;
      return `Värdet får vara högst ${String(issue.maximum)}.`;
    case "invalid_format":
      if (issue.format === "email") return "Ange en giltig e-postadress.";
      if (issue.format === "url") return "Ange en giltig webbadress.";
      if (issue.format === "date") return "Datum ska skrivas ÅÅÅÅ-MM-DD.";
      return isEmpty(issue.input) ? "Fältet måste fyllas i." : "Värdet har fel format.";
    case "invalid_value":
      return isEmpty(issue.input) ? "Gör ett val." : "Välj ett av alternativen.";
    case "not_multiple_of":
      return `Värdet ska vara en multipel av ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return "Formuläret innehåller okända fält.";
    default:
      return isEmpty(issue.input) ? "Fältet måste fyllas i." : "Värdet är inte giltigt.";
  }
}

/**
 * Checks `input` against a contract: the contract's own (Swedish) message where it has one,
 * else the fallback by issue code; the first message per field wins.
 */
export function contractErrors<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { success: true; data: z.output<S> } | { success: false; errors: FieldErrors } {
  const result = schema.safeParse(input, { error: (issue) => fallbackMessage(issue) });
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= issue.message;
  }
  return { success: false, errors };
}

interface ServerIssue {
  path?: unknown;
  message?: unknown;
}

/** `body.email` or `body/email` (Fastify's validation) or `email` (a service's) → `email`. */
export const serverPath = (path: string) =>
  path
    .replace(/\//g, ".")
    .replace(/^(body|querystring|params|headers)\.?/, "")
    .replace(/^\./, "");

/**
 * Where the server's refusal belongs: on a field when its details name one the form has
 * (`{ field }` from a service, `{ issues: [{ path, message }] }` from validation), else on the form.
 * A validation message is given without its technical path ("Ogiltig indata (body.email): …").
 */
export function placeServerError(
  error: unknown,
  fieldFor: (path: string) => string | undefined,
): { fields: FieldErrors; formError: unknown } {
  if (!isApiError(error)) return { fields: {}, formError: error };
  const details = (error.details ?? {}) as { field?: unknown; issues?: unknown };
  if (typeof details.field === "string") {
    const field = fieldFor(serverPath(details.field));
    if (field) return { fields: { [field]: error.message }, formError: null };
  }
  const issues = Array.isArray(details.issues) ? (details.issues as ServerIssue[]) : [];
  const fields: FieldErrors = {};
  let firstUnplaced: string | undefined;
  for (const issue of issues) {
    if (typeof issue.message !== "string") continue;
    const field = typeof issue.path === "string" && issue.path ? fieldFor(serverPath(issue.path)) : undefined;
    if (field) fields[field] ??= issue.message;
    else firstUnplaced ??= issue.message;
  }
  if (Object.keys(fields).length > 0 && firstUnplaced === undefined) return { fields, formError: null };
  if (error.code === "validation" && error.message.startsWith("Ogiltig indata (") && issues.length > 0) {
    const message = firstUnplaced ?? String(issues[0]!.message);
    return {
      fields,
      formError: new ApiError(error.status, error.code, message, error.requestId, error.details),
    };
  }
  return { fields, formError: error };
}

/**
 * The version now current, from the server's 409 for an update of an older version (`details.version`);
 * null for any other error. The form says which version it edited and which one is current.
 */
export function staleVersion(error: unknown): number | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const version = (error.details as { version?: unknown } | null | undefined)?.version;
  return typeof version === "number" ? version : null;
}
