import { z } from "zod";
import { CountyCode, IsoDate, listOf, MunicipalityCode, plain } from "./common.js";
import { Role } from "./auth.js";

/** The legal basis of a confidential part: an OSL ground from the national list, or written out. */
export const ConfidentialBasis = plain()
  .trim()
  .min(3, "Ange sekretessgrund, t.ex. 18 kap. 13 § OSL.")
  .max(300, "Sekretessgrunden får vara högst 300 tecken.");

export const PersonRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/**
 * Shown wherever a confidential part is: its basis and who may read it, always;
 * the content only when `canRead` (the content fields are null otherwise).
 */
export const ConfidentialMark = z.object({
  basis: z.string(),
  readableBy: z.array(PersonRef),
  canRead: z.boolean(),
});
export type ConfidentialMark = z.infer<typeof ConfidentialMark>;

export const OslGround = z.object({
  id: z.string(),
  reference: z.string(),
  description: z.string(),
  active: z.boolean(),
});
export type OslGround = z.infer<typeof OslGround>;
export const OslGroundList = listOf(OslGround);
export const OslGroundInput = z.object({
  reference: plain()
    .trim()
    .min(3, "Ange hänvisningen, t.ex. 18 kap. 13 § OSL.")
    .max(100, "Hänvisningen får vara högst 100 tecken."),
  description: plain()
    .trim()
    .min(3, "Ange en beskrivning av sekretessgrunden.")
    .max(500, "Beskrivningen får vara högst 500 tecken."),
  active: z.boolean().default(true),
});
export type OslGroundInput = z.infer<typeof OslGroundInput>;
export const OslGroundParams = z.object({ id: z.string().uuid("Ogiltigt id.") });

export const Clearance = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: Role }),
  county: CountyCode,
  /** null: every municipality in the county. */
  municipality: MunicipalityCode.nullable(),
  undertakingSignedOn: IsoDate,
  validUntil: IsoDate.nullable(),
  note: z.string().nullable(),
  grantedBy: PersonRef,
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: PersonRef.nullable(),
  /** Not withdrawn, signed on or before today and not past its end date today (Stockholm date). */
  active: z.boolean(),
});
export type Clearance = z.infer<typeof Clearance>;
export const ClearanceList = listOf(Clearance);

export const ClearanceCreate = z.object({
  userId: z.string().uuid("Ogiltigt användar-id."),
  county: CountyCode,
  /** null: the whole county (only for county officers). */
  municipality: MunicipalityCode.nullable().default(null),
  /** The date the confidentiality undertaking (sekretessförbindelse) was signed; not in the future. */
  undertakingSignedOn: IsoDate,
  /** Last day the clearance holds; null: until withdrawn. */
  validUntil: IsoDate.nullable().default(null),
  note: plain().trim().max(1000, "Anteckningen får vara högst 1000 tecken.").nullable().default(null),
});
export type ClearanceCreate = z.infer<typeof ClearanceCreate>;
export const ClearanceParams = z.object({ id: z.string().uuid("Ogiltigt id.") });
/**
 * Filters; a county head always sees only their own county, and anyone may list their own (`userId` = self).
 * `municipality` matches clearances for that municipality and whole-county clearances that cover it.
 */
export const ClearanceQuery = z.object({
  county: CountyCode.optional(),
  municipality: MunicipalityCode.optional(),
  userId: z.string().uuid("Ogiltigt användar-id.").optional(),
  includeInactive: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});
export type ClearanceQuery = z.infer<typeof ClearanceQuery>;
