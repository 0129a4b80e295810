import { z } from "zod";
import { plain } from "./common.js";
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacter } from "../rules/text.js";
import { ConfidentialMark, PersonRef } from "./confidentiality.js";
import { CriterionTier } from "./criteria.js";
import { DocumentTypeId, VersionStatus } from "./documents.js";

/** The county's check of one document version against the criteria for its type (R2.2-3). */

/** PostgreSQL text cannot hold NUL; refuse it with a message instead of failing in the database. */
const noNul = (s: string) => !hasForbiddenCharacter(s);

export const REVIEW_RESULTS = ["met", "partlyMet", "notMet"] as const;
/** `met` uppfyllt, `partlyMet` delvis uppfyllt, `notMet` ej uppfyllt. */
export const ReviewResult = z.enum(REVIEW_RESULTS);
export type ReviewResult = z.infer<typeof ReviewResult>;
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = {
  met: "Uppfyllt",
  partlyMet: "Delvis uppfyllt",
  notMet: "Ej uppfyllt",
};

/** `approved` godkänd, `supplementRequested` komplettering begärd; also the version's status once set. */
export const ReviewOutcome = z.enum(["approved", "supplementRequested"]);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

export const ReviewLibraryRef = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  isExample: z.boolean(),
});

export const DocumentReviewCriterion = z.object({
  id: z.string(),
  code: z.string(),
  area: z.object({ code: z.string(), title: z.string() }),
  tier: CriterionTier,
  text: z.string(),
  help: z.string().nullable(),
  result: ReviewResult.nullable(),
  comment: z.string().nullable(),
});
export type DocumentReviewCriterion = z.infer<typeof DocumentReviewCriterion>;

export const DocumentReview = z.object({
  versionId: z.string(),
  documentType: DocumentTypeId,
  versionStatus: VersionStatus,
  /** The library the review is made against: the one it was started with, else the active one. */
  libraryVersion: ReviewLibraryRef,
  /** The library's criteria for the document type, in library order. */
  criteria: z.array(DocumentReviewCriterion),
  outcome: ReviewOutcome.nullable(),
  summary: z.string().nullable(),
  completedAt: z.string().nullable(),
  reviewer: PersonRef.nullable(),
  updatedAt: z.string().nullable(),
  /**
   * Set when the version is confidential: its comments and summary follow the version's secrecy (R2.10-2) and are
   * null for a reader without clearance (`canRead: false`); results and outcome are shown.
   */
  confidential: ConfidentialMark.nullable(),
});
export type DocumentReview = z.infer<typeof DocumentReview>;

export const DocumentReviewItemInput = z.object({
  criterionId: z.string().uuid("Ogiltigt kriterie-id."),
  result: ReviewResult,
  comment: plain()
    .trim()
    .max(2000, "Kommentaren får vara högst 2000 tecken.")
    .refine(noNul, `Kommentaren: ${FORBIDDEN_CHARACTER_MESSAGE}`)
    .nullish()
    .transform((v) => (v ? v : null)),
});

/**
 * Saves the whole review: the items replace the earlier ones. Without an outcome the version is
 * `underReview`; with one, the review is completed and the version gets the outcome as its status.
 */
export const DocumentReviewInput = z.object({
  items: z.array(DocumentReviewItemInput).max(500, "Högst 500 bedömningar."),
  summary: plain()
    .trim()
    .max(5000, "Sammanfattningen får vara högst 5000 tecken.")
    .refine(noNul, `Sammanfattningen: ${FORBIDDEN_CHARACTER_MESSAGE}`)
    .nullish()
    .transform((v) => (v ? v : null)),
  outcome: ReviewOutcome.nullish().transform((v) => v ?? null),
});
export type DocumentReviewInput = z.infer<typeof DocumentReviewInput>;

export const DocumentReviewParams = z.object({ id: z.string().uuid("Ogiltigt id.") });
