import { z } from "zod";
import { IsoDate, listOf, MunicipalityCode, plain } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";

export const DOCUMENT_TYPE_IDS = [
  "rsa",
  "steeringDocument",
  "crisisBoardRules",
  "emergencyPlan",
  "trainingAndExercisePlan",
] as const;
export const DocumentTypeId = z.enum(DOCUMENT_TYPE_IDS);
export type DocumentTypeId = z.infer<typeof DocumentTypeId>;
/** Decision bodies, lowest first: official < chiefExecutive < executiveBoard < council. */
export const DECISION_BODIES = ["official", "chiefExecutive", "executiveBoard", "council"] as const;
export const DecisionBody = z.enum(DECISION_BODIES);
export type DecisionBody = z.infer<typeof DecisionBody>;
export const DocumentStatus = z.enum([
  "notYetDue",
  "missing",
  "received",
  "underReview",
  "approved",
  "supplementRequested",
]);
export type DocumentStatus = z.infer<typeof DocumentStatus>;
export const VersionStatus = z.enum(["received", "underReview", "approved", "supplementRequested"]);
export type VersionStatus = z.infer<typeof VersionStatus>;
export const DocumentFlag = z.enum(["missing", "late", "belowRequiredLevel"]);
export type DocumentFlag = z.infer<typeof DocumentFlag>;
export const TextStatus = z.enum(["extracted", "noTextLayer", "unsupported", "failed"]);

/** A document deadline as data: day `month`-`day` of the period's `yearOfPeriod`:th year (1 = the first year). */
export const DocumentDeadline = z
  .object({
    yearOfPeriod: z.number().int().min(1).max(4),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    /** `received`: lateness counts from the day the county received it; `decided`: from the decision date. */
    measuredFrom: z.enum(["decided", "received"]),
  })
  .strict()
  .refine((d) => d.day <= new Date(Date.UTC(2001, d.month, 0)).getUTCDate(), "Dagen finns inte i månaden.");
export type DocumentDeadline = z.infer<typeof DocumentDeadline>;

/** A required document of a period, as the national rule version deciding that period has it. */
export const DocumentType = z.object({
  id: DocumentTypeId,
  name: z.string(),
  nameEn: z.string(),
  requiredLevel: DecisionBody.nullable(),
  deadline: DocumentDeadline,
  feedbackExpected: z.boolean(),
  position: z.number().int(),
});
export type DocumentType = z.infer<typeof DocumentType>;

/** One rule the system applied, with its inputs, so no status is an unexplained red light. */
export const AppliedCheck = z.object({
  flag: DocumentFlag,
  raised: z.boolean(),
  rule: z.string(),
  inputs: z.record(z.string(), z.string().nullable()),
});
export type AppliedCheck = z.infer<typeof AppliedCheck>;

export const DocumentFile = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  textStatus: TextStatus,
  confidential: ConfidentialMark.nullable(),
  downloadUrl: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFile>;

/** The text extracted from a file at intake, shown beside the review for files the browser does not render (DOCX). */
export const DocumentFileText = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  textStatus: TextStatus,
  /** null when no text could be extracted. */
  text: z.string().nullable(),
});
export type DocumentFileText = z.infer<typeof DocumentFileText>;

export const DocumentVersion = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  decidedBy: DecisionBody,
  decidedOn: IsoDate,
  receivedOn: IsoDate,
  registrationNumber: z.string().nullable(),
  countyRegistrationNumber: z.string().nullable(),
  /** null when confidential and the reader has no clearance. */
  note: z.string().nullable(),
  status: DocumentStatus,
  confidential: ConfidentialMark.nullable(),
  createdBy: PersonRef,
  createdAt: z.string(),
  files: z.array(DocumentFile),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

export const DocumentFollowUp = z.object({
  reason: z.string(),
  agreedDate: IsoDate,
  /** The agreed date has passed (core `isAgreedDateOverdue`); the web shows it, never decides it. */
  overdue: z.boolean(),
  recordedBy: PersonRef,
  updatedAt: z.string(),
});

export const DocumentItem = z.object({
  type: DocumentTypeId,
  typeName: z.string(),
  requiredLevel: DecisionBody.nullable(),
  deadline: IsoDate,
  status: DocumentStatus,
  flags: z.array(DocumentFlag),
  checks: z.array(AppliedCheck),
  documentId: z.string().nullable(),
  /** Newest first; the first decides status and flags. */
  versions: z.array(DocumentVersion),
  followUp: DocumentFollowUp.nullable(),
});
export type DocumentItem = z.infer<typeof DocumentItem>;
export const DocumentList = z.object({
  period: z.number().int(),
  municipality: MunicipalityCode,
  items: z.array(DocumentItem),
  total: z.number().int(),
});

export const DocumentListParams = z.object({ code: MunicipalityCode });
export const PeriodParam = z.object({ period: z.coerce.number().int().min(1900).max(2200).optional() });

/** The text fields of a multipart upload; the files come as parts named `file`. */
export const DocumentSubmitFields = z.object({
  type: DocumentTypeId,
  period: z.coerce.number().int().min(1900).max(2200),
  decidedBy: DecisionBody,
  decidedOn: IsoDate,
  receivedOn: IsoDate.optional(),
  registrationNumber: plain().trim().max(100).optional(),
  countyRegistrationNumber: plain().trim().max(100).optional(),
  note: plain().trim().max(5000).optional(),
  confidentialBasis: ConfidentialBasis.optional(),
  /** Comma-separated indexes (0-based, in upload order) of files that are confidential on their own… */
  confidentialFiles: plain()
    .trim()
    .regex(/^\d+(,\d+)*$/, "Ange filernas nummer separerade med komma, t.ex. 0,2.")
    .optional(),
  /** …and their legal basis. */
  fileConfidentialBasis: ConfidentialBasis.optional(),
});
export type DocumentSubmitFields = z.infer<typeof DocumentSubmitFields>;

export const VersionParams = z.object({ id: z.string().uuid("Ogiltigt id.") });
export const FileParams = z.object({ id: z.string().uuid("Ogiltigt id.") });

export const VersionStatusUpdate = z.object({ status: VersionStatus });

/** A received document waiting for the responsible officer (Att granska). */
export const ReviewQueueItem = z.object({
  versionId: z.string(),
  documentId: z.string(),
  municipality: z.object({ code: MunicipalityCode, name: z.string() }),
  type: DocumentTypeId,
  typeName: z.string(),
  period: z.number().int(),
  versionNo: z.number().int(),
  receivedOn: IsoDate,
  status: DocumentStatus,
  flags: z.array(DocumentFlag),
});
export const ReviewQueue = listOf(ReviewQueueItem);

export const MatrixCell = z.object({
  type: DocumentTypeId,
  status: DocumentStatus,
  flags: z.array(DocumentFlag),
  deadline: IsoDate,
});
export const MatrixRow = z.object({
  municipality: z.object({ code: MunicipalityCode, name: z.string() }),
  responsibleOfficer: PersonRef.nullable(),
  cells: z.array(MatrixCell),
  /** Count of documents with any flag: feeds the list of municipalities needing support (R2.2-6). */
  flagged: z.number().int(),
});
export const DocumentMatrix = z.object({
  period: z.number().int(),
  /** Each type with its deadline rule and its date in the period (core `deadlineDate`): the web shows the date. */
  types: z.array(DocumentType.extend({ deadlineDate: IsoDate })),
  rows: z.array(MatrixRow),
  total: z.number().int(),
});
export const MatrixQuery = z.object({
  period: z.coerce.number().int().min(1900).max(2200).optional(),
  status: DocumentStatus.optional(),
  flag: DocumentFlag.optional(),
  type: DocumentTypeId.optional(),
  q: plain().trim().max(100).optional(),
});

export const FollowUpInput = z.object({
  type: DocumentTypeId,
  period: z.number().int(),
  reason: plain().trim().min(3, "Ange varför dokumentet saknas.").max(2000),
  agreedDate: IsoDate,
});
export const YearTwoRow = z.object({
  municipality: z.object({ code: MunicipalityCode, name: z.string() }),
  responsibleOfficer: PersonRef.nullable(),
  missing: z.array(
    z.object({
      type: DocumentTypeId,
      typeName: z.string(),
      reason: z.string().nullable(),
      agreedDate: IsoDate.nullable(),
      overdue: z.boolean(),
    }),
  ),
});
export const YearTwoList = z.object({
  period: z.number().int(),
  active: z.boolean(),
  from: IsoDate,
  items: z.array(YearTwoRow),
  total: z.number().int(),
});

export const SearchQuery = z.object({
  q: plain().trim().min(2, "Sök på minst två tecken.").max(200),
  period: z.coerce.number().int().min(1900).max(2200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export const SearchHit = z.object({
  fileId: z.string(),
  fileName: z.string(),
  versionId: z.string(),
  municipality: z.object({ code: MunicipalityCode, name: z.string() }),
  type: DocumentTypeId,
  typeName: z.string(),
  period: z.number().int(),
  /** Highlighted excerpt, hits between «» marks; null when confidential and not readable. */
  excerpt: z.string().nullable(),
  confidential: ConfidentialMark.nullable(),
  rank: z.number(),
});
export const SearchResult = listOf(SearchHit);

export const RsaSection = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  keywords: z.array(z.string()),
  /** false: an optional heading (shown, never flagged as missing). */
  required: z.boolean(),
  verified: z.boolean(),
});
/** The disposition of the national rule version in force, with that version's `version` for optimistic locking. */
export const RsaSectionList = listOf(RsaSection).extend({ version: z.number().int() });
export const RsaSectionsInput = z.object({
  /** The version of the national rules the editor loaded (required): when no longer current, 409 with the current one. */
  version: z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? "Ange vilken version av de nationella reglerna du ändrar (version)."
          : "Versionen ska vara ett heltal.",
    })
    .int("Versionen ska vara ett heltal.")
    .min(1, "Versionen ska vara minst 1."),
  sections: z
    .array(
      z.object({
        position: z.number().int().min(1).max(50),
        title: plain().trim().min(3).max(300),
        keywords: z.array(plain().trim().toLowerCase().min(3).max(40)).min(1, "Ange minst ett nyckelord.").max(12),
        /** Default: as before for the same position, else true. */
        required: z.boolean().optional(),
        verified: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(30),
});

/** The RSA check of one version (R2.2-5): per section the heading it matched, or null (saknas). */
export const RsaCheck = z.object({
  versionId: z.string(),
  /** false when no readable file had a text layer to check. */
  checkable: z.boolean(),
  message: z.string().nullable(),
  files: z.array(
    z.object({ fileId: z.string(), fileName: z.string(), textStatus: TextStatus, headings: z.number().int() }),
  ),
  sections: z.array(
    z.object({
      position: z.number().int(),
      title: z.string(),
      /** false: an optional heading, never counted as missing. */
      required: z.boolean(),
      matchedHeading: z.string().nullable(),
      score: z.number(),
    }),
  ),
  missing: z.number().int(),
});
export type RsaCheck = z.infer<typeof RsaCheck>;
