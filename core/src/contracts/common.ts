import { z } from "zod";
import { isValidIsoDate } from "../rules/calendar.js";
import {
  DATE_RANGE_MESSAGE,
  FORBIDDEN_CHARACTER_MESSAGE,
  hasForbiddenCharacter,
  isDateInRange,
} from "../rules/text.js";

/**
 * A string that can be stored: no NUL character, no lone UTF-16 surrogate. Every string a contract takes as input
 * starts here (or at `text` in fields.ts), never at a bare `z.string()`.
 */
export const plain = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((s) => !hasForbiddenCharacter(s), FORBIDDEN_CHARACTER_MESSAGE);

export const CountyCode = z
  .string()
  .regex(/^\d{2}$/, "Länskoden ska vara två siffror, t.ex. 01.")
  .describe("Two-digit county code, e.g. 01");
export const MunicipalityCode = z
  .string()
  .regex(/^\d{4}$/, "Kommunkoden ska vara fyra siffror, t.ex. 0180.")
  .describe("Four-digit municipality code, e.g. 0180");
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Datum ska skrivas ÅÅÅÅ-MM-DD.")
  .refine(isValidIsoDate, "Datumet finns inte i kalendern.")
  .refine(isDateInRange, DATE_RANGE_MESSAGE);
export const Id = z.string().uuid("Ogiltigt id.");

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const ErrorCode = z.enum([
  "badRequest",
  "validation",
  "unauthenticated",
  "forbidden",
  "notFound",
  "conflict",
  /** A reduction case's decision that does not fit the effect of the date received (R3.3-2). */
  "outcomeNotAllowed",
  /** Sending a statement with a precondition missing and no override (R3.2-1); details.missing lists them. */
  "preconditionsMissing",
  "payloadTooLarge",
  "unsupportedMediaType",
  "rateLimited",
  "csrf",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

// Messages zod writes itself (wrong type, missing field) come in Swedish, like ours.
z.config(z.locales.sv());
