import { z } from "zod";
import { IsoDate, MunicipalityCode, listOf } from "./common.js";
import { ConfidentialMark, PersonRef } from "./confidentiality.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";

/* Early warnings (R2.3-2): county-internal, raised for a municipality, on their own or with a dialogue entry. */

export const EARLY_WARNING_KINDS = ["wrongfulUse", "largeSavings", "other"] as const;
export const EarlyWarningKind = z.enum(EARLY_WARNING_KINDS);
export type EarlyWarningKind = z.infer<typeof EarlyWarningKind>;
export const EARLY_WARNING_KIND_LABELS: Record<EarlyWarningKind, string> = {
  wrongfulUse: "Ersättningen kan ha använts felaktigt",
  largeSavings: "Sparandet växer sig stort",
  other: "Annan farhåga",
};

export const EarlyWarningInput = z.object({
  kind: EarlyWarningKind,
  description: text(3, 2000, "beskrivningen av varningen"),
});

/** Raised with an entry: one warning per municipality (by default every municipality of the entry). */
export const EntryEarlyWarningInput = EarlyWarningInput.extend({
  municipalities: z.array(MunicipalityCode).min(1).max(60).optional(),
});

export const EarlyWarning = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  kind: EarlyWarningKind,
  /** null when raised from a confidential entry and the reader has no clearance for the municipality. */
  description: z.string().nullable(),
  confidential: ConfidentialMark.nullable(),
  entryId: z.string().nullable(),
  entryDate: IsoDate.nullable(),
  raisedBy: PersonRef,
  raisedAt: z.string(),
  open: z.boolean(),
  resolvedBy: PersonRef.nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export type EarlyWarning = z.infer<typeof EarlyWarning>;
export const EarlyWarningList = listOf(EarlyWarning);

export const EarlyWarningCreate = EarlyWarningInput.extend({
  /** The dialogue entry the warning comes from; it must concern the municipality. */
  entryId: Uuid.optional(),
});
export type EarlyWarningCreate = z.infer<typeof EarlyWarningCreate>;
export const EarlyWarningParams = z.object({ id: Uuid });
export const EarlyWarningListQuery = z.object({
  /** true: open only; false: resolved only; absent: all. */
  open: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
export const EarlyWarningResolve = z.object({ note: text(3, 2000, "anteckningen om hur varningen lösts") });
export const EarlyWarningSummary = z.object({
  items: z.array(z.object({ municipality: MunicipalityRef, open: z.number().int() })),
});
