import { z } from "zod";
import { CountyCode, IsoDate, MunicipalityCode, listOf } from "./common.js";
import { Role } from "./auth.js";

/** The legal basis of a confidential part: an OSL ground from the national list, or written out. */
export const ConfidentialBasis = z
  .string()
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
  reference: z.string().trim().min(3).max(100),
  description: z.string().trim().min(3).max(500),
  active: z.boolean().default(true),
});

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
  /** Not withdrawn and not past its end date today. */
  active: z.boolean(),
});
export type Clearance = z.infer<typeof Clearance>;
export const ClearanceList = listOf(Clearance);

export const ClearanceCreate = z.object({
  userId: z.string().uuid("Ogiltigt användar-id."),
  county: CountyCode,
  municipality: MunicipalityCode.nullable().default(null),
  undertakingSignedOn: IsoDate,
  validUntil: IsoDate.nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type ClearanceCreate = z.infer<typeof ClearanceCreate>;
export const ClearanceParams = z.object({ id: z.string().uuid("Ogiltigt id.") });
export const ClearanceQuery = z.object({
  county: CountyCode.optional(),
  municipality: MunicipalityCode.optional(),
  userId: z.string().uuid().optional(),
  includeInactive: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});
