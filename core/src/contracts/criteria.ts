import { z } from "zod";
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacter } from "../rules/text.js";
import { listOf, plain } from "./common.js";
import { DocumentTypeId } from "./documents.js";
import { AGREEMENT_AREAS } from "../rules/assessment.js";

/**
 * The national library of common assessment criteria (gemensamma bedömningskriterier, R4-1).
 * Areas hold criteria; each criterion is a basic requirement or a quality measure and names the
 * document types it applies to (none: it is for visits and assessments generally).
 */

/** `basic` = grundläggande krav, `quality` = kvalitetsmått. */
export const CRITERION_TIERS = ["basic", "quality"] as const;
export const CriterionTier = z.enum(CRITERION_TIERS);
export type CriterionTier = z.infer<typeof CriterionTier>;
export const CRITERION_TIER_LABELS: Record<CriterionTier, string> = {
  basic: "Grundläggande krav",
  quality: "Kvalitetsmått",
};

/** The identifier of the library file format, written at the top of every exported file. */
export const CRITERIA_FILE_FORMAT = "uppsikt-criteria/1";

/** PostgreSQL cannot store NUL or a lone surrogate; refuse them with a message instead of failing in the database. */
const noNul = (s: string) => !hasForbiddenCharacter(s);
const NUL_MESSAGE = FORBIDDEN_CHARACTER_MESSAGE;
/** A missing field and a value of the wrong type get different messages. */
const stringError = { error: (iss: { input: unknown }) => (iss.input == null ? "Fältet saknas." : "Ska vara text.") };
const Text = (min: number, max: number, required: string, tooLong: string) =>
  plain(stringError).trim().min(min, required).max(max, tooLong).refine(noNul, NUL_MESSAGE);

const Code = plain(stringError)
  .trim()
  .min(1, "Ange en kod.")
  .max(40, "Koden får vara högst 40 tecken.")
  .regex(/^[\p{L}\p{N}._-]+$/u, "Koden får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck.");
const OptionalText = (max: number) =>
  plain()
    .trim()
    .max(max, `Texten får vara högst ${max} tecken.`)
    .refine(noNul, NUL_MESSAGE)
    .nullish()
    .transform((v) => (v ? v : null));

export const CriterionFileEntry = z.strictObject({
  code: Code,
  tier: CriterionTier,
  text: Text(1, 2000, "Ange kriteriets text.", "Texten får vara högst 2000 tecken."),
  help: OptionalText(4000),
  documentTypes: z
    .array(DocumentTypeId)
    .max(DocumentTypeId.options.length)
    .default([])
    .refine((l) => new Set(l).size === l.length, "Samma dokumenttyp står två gånger."),
});
export type CriterionFileEntry = z.infer<typeof CriterionFileEntry>;

/** Which agreement an area follows up (R2.1-2): crisis preparedness (performed?) or civil defence (started?). */
export const CriteriaAgreementArea = z.enum(AGREEMENT_AREAS, {
  error: "Ange crisisPreparedness (krisberedskap) eller civilDefence (civilt försvar).",
});
export const AGREEMENT_AREA_LABELS: Record<z.infer<typeof CriteriaAgreementArea>, string> = {
  crisisPreparedness: "Krisberedskap",
  civilDefence: "Civilt försvar",
};

export const CriteriaAreaFileEntry = z.strictObject({
  code: Code,
  title: Text(1, 300, "Ange områdets namn.", "Namnet får vara högst 300 tecken."),
  agreementArea: CriteriaAgreementArea.default("crisisPreparedness"),
  description: OptionalText(4000),
  criteria: z.array(CriterionFileEntry).min(1, "Området har inga kriterier.").max(500),
});
export type CriteriaAreaFileEntry = z.infer<typeof CriteriaAreaFileEntry>;

/** One library version as a file (YAML, or the Excel sheets read into this shape); what import validates. */
export const CriteriaLibraryFile = z
  .strictObject({
    format: z.literal(CRITERIA_FILE_FORMAT, `Formatet ska vara ${CRITERIA_FILE_FORMAT}.`).optional(),
    name: Text(1, 300, "Ange bibliotekets namn.", "Namnet får vara högst 300 tecken."),
    version: Text(1, 50, "Ange en versionsbeteckning.", "Versionsbeteckningen får vara högst 50 tecken."),
    sourceReference: Text(1, 500, "Ange källa (t.ex. dokument och diarienummer).", "Källan får vara högst 500 tecken."),
    isExample: z.boolean().default(false),
    areas: z.array(CriteriaAreaFileEntry).min(1, "Biblioteket har inga områden.").max(100),
  })
  .superRefine((lib, ctx) => {
    const areaCodes = new Map<string, number>();
    const criterionCodes = new Map<string, string>();
    lib.areas.forEach((area, a) => {
      const key = area.code.toLowerCase();
      if (areaCodes.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["areas", a, "code"],
          message: `Områdeskoden ${area.code} används två gånger.`,
        });
      areaCodes.set(key, a);
      area.criteria.forEach((c, i) => {
        const ckey = c.code.toLowerCase();
        if (criterionCodes.has(ckey))
          ctx.addIssue({
            code: "custom",
            path: ["areas", a, "criteria", i, "code"],
            message: `Kriteriekoden ${c.code} används redan (i området ${criterionCodes.get(ckey)}).`,
          });
        else criterionCodes.set(ckey, area.code);
      });
    });
  });
export type CriteriaLibraryFile = z.infer<typeof CriteriaLibraryFile>;

export const CriteriaLibraryVersion = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  /** Where the version comes from: document and registration number (dnr). */
  sourceReference: z.string(),
  isExample: z.boolean(),
  active: z.boolean(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  areaCount: z.number().int(),
  criterionCount: z.number().int(),
});
export type CriteriaLibraryVersion = z.infer<typeof CriteriaLibraryVersion>;
export const CriteriaLibraryVersionList = listOf(CriteriaLibraryVersion);

export const Criterion = z.object({
  id: z.string(),
  code: z.string(),
  tier: CriterionTier,
  text: z.string(),
  help: z.string().nullable(),
  /** Empty: for visits and assessments generally, not for a document check. */
  documentTypes: z.array(DocumentTypeId),
});
export type Criterion = z.infer<typeof Criterion>;

export const CriteriaArea = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  agreementArea: CriteriaAgreementArea,
  description: z.string().nullable(),
  criteria: z.array(Criterion),
});
export type CriteriaArea = z.infer<typeof CriteriaArea>;

export const CriteriaLibrary = z.object({
  /** null (and no areas) only while no version has been imported and activated. */
  version: CriteriaLibraryVersion.nullable(),
  areas: z.array(CriteriaArea),
});
export type CriteriaLibrary = z.infer<typeof CriteriaLibrary>;

export const CriteriaLibraryQuery = z.object({
  /** Another version than the active one. */
  version: z.string().uuid("Ogiltigt id.").optional(),
});
export const CriteriaVersionParams = z.object({ id: z.string().uuid("Ogiltigt id.") });
export const CriteriaExportFormat = z.enum(["yaml", "xlsx"]);
export type CriteriaExportFormat = z.infer<typeof CriteriaExportFormat>;
export const CriteriaExportQuery = z.object({ format: CriteriaExportFormat.default("yaml") });
/** `activate=true` (also accepted as a multipart field) makes the imported version the active one. */
export const CriteriaImportQuery = z.object({ activate: z.enum(["true", "false"]).optional() });
