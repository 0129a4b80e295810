import { z } from "zod";
import { Year } from "./economy.js";
import { MunicipalityRef } from "./fields.js";

/*
 * Who needs support (R2.4-3, R2.2-6): per county, the municipalities ranked by the sum of their reasons' weights.
 * Each reason names its rule and its data; the weights are national values.
 */

export const SUPPORT_NEED_RULES = [
  "annualReportLate",
  "annualReportMissing",
  "warningAnswer",
  "worseThanLastYear",
  "notEligibleCosts",
  "largeSavings",
  "documentMissing",
  "documentLate",
  "overdueActions",
  "openEarlyWarnings",
] as const;
export const SupportNeedRule = z.enum(SUPPORT_NEED_RULES);
export type SupportNeedRule = z.infer<typeof SupportNeedRule>;

export const SupportNeedReason = z.object({
  rule: SupportNeedRule,
  weight: z.number(),
  /** Swedish, e.g. "Årsrapporten för 2025 kom in 2026-02-20 (sista dag 2026-02-15)". */
  detail: z.string(),
  /** The data the rule read (question key, document type, counts, dates). */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type SupportNeedReason = z.infer<typeof SupportNeedReason>;

export const SupportNeedItem = z.object({
  municipality: MunicipalityRef,
  score: z.number(),
  reasons: z.array(SupportNeedReason),
});
export type SupportNeedItem = z.infer<typeof SupportNeedItem>;

export const SupportNeeds = z.object({
  year: z.number().int(),
  weights: z.record(z.string(), z.number()),
  weightsSource: z.string().nullable(),
  items: z.array(SupportNeedItem),
});
export type SupportNeeds = z.infer<typeof SupportNeeds>;
export const SupportNeedsQuery = z.object({ year: Year.optional() });
