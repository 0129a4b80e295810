import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, tsvector } from "../../db/schema/columns.js";
import { municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";

/**
 * The required documents' identities and names (R2.2-1), which documents reference. What each requires (decision
 * level, deadline, feedback) is national-rules data with its version and source (`national_rule_versions`).
 */
export const documentTypes = pgTable("document_types", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  position: integer("position").notNull(),
});

/** One required document of one municipality and mandate period; its versions follow. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    period: integer("period").notNull(),
    typeId: text("type_id")
      .notNull()
      .references(() => documentTypes.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("documents_unique_idx").on(t.municipalityCode, t.period, t.typeId),
    index("documents_period_idx").on(t.period, t.municipalityCode),
  ],
);

export const documentVersions = pgTable(
  "document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    versionNo: integer("version_no").notNull(),
    decidedBy: text("decided_by").notNull(),
    decidedOn: date("decided_on").notNull(),
    receivedOn: date("received_on").notNull(),
    /** The municipality's registration number for the decision. */
    registrationNumber: text("registration_number"),
    /** The county's own registration number (diarienummer). */
    countyRegistrationNumber: text("county_registration_number"),
    note: text("note"),
    status: text("status").notNull().default("received"),
    /** Set when the version as a whole is confidential: the OSL ground or a written-out basis. */
    confidentialBasis: text("confidential_basis"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("document_versions_no_idx").on(t.documentId, t.versionNo),
    check(
      "document_versions_status_check",
      sql`${t.status} in ('received', 'underReview', 'approved', 'supplementRequested')`,
    ),
    check(
      "document_versions_decided_by_check",
      sql`${t.decidedBy} in ('council', 'executiveBoard', 'chiefExecutive', 'official')`,
    ),
  ],
);

export const documentFiles = pgTable(
  "document_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => documentVersions.id),
    fileName: text("file_name").notNull(),
    /** Upload order within the version. */
    position: integer("position").notNull().default(0),
    mediaType: text("media_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    /** `extracted`, `noTextLayer` (a scanned PDF), `unsupported` (ODT) or `failed`. */
    textStatus: text("text_status").notNull(),
    textContent: text("text_content"),
    /** Headings found in the text, in order: the RSA check matches these against the disposition. */
    headings: jsonb("headings")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('swedish', coalesce(text_content, ''))`),
    confidentialBasis: text("confidential_basis"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("document_files_version_idx").on(t.versionId),
    index("document_files_search_idx").using("gin", t.searchVector),
  ],
);

/** The county's check of a document version against the criteria (R2.2-3). */
export const documentReviews = pgTable(
  "document_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => documentVersions.id),
    libraryVersionId: uuid("library_version_id").notNull(),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    outcome: text("outcome"),
    summary: text("summary"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("document_reviews_version_idx").on(t.versionId),
    check(
      "document_reviews_outcome_check",
      sql`${t.outcome} is null or ${t.outcome} in ('approved', 'supplementRequested')`,
    ),
  ],
);

export const documentReviewItems = pgTable(
  "document_review_items",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => documentReviews.id),
    criterionId: uuid("criterion_id").notNull(),
    result: text("result").notNull(),
    comment: text("comment"),
  },
  (t) => [
    uniqueIndex("document_review_items_idx").on(t.reviewId, t.criterionId),
    check("document_review_items_result_check", sql`${t.result} in ('met', 'partlyMet', 'notMet')`),
  ],
);

/** Written feedback on a document (R2.3-3); produced as a letter and marked sent. */
export const documentFeedback = pgTable(
  "document_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => documentVersions.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    countyRegistrationNumber: text("county_registration_number"),
    confidentialBasis: text("confidential_basis"),
    sentOn: date("sent_on"),
    sentBy: uuid("sent_by").references((): AnyPgColumn => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("document_feedback_document_idx").on(t.documentId)],
);

/**
 * An officer's decision that no feedback will be sent on a version (issue 10.10), with the reason: the version then
 * owes nothing on the watch list. It is not feedback sent (the late single visit's rule, R2.7-4, still wants it).
 */
export const documentFeedbackWaivers = pgTable(
  "document_feedback_waivers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => documentVersions.id),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("document_feedback_waivers_version_idx").on(t.versionId)],
);

/** From the period's second year: why a decided document is missing, and the date agreed for it (R2.2-4). */
export const documentFollowUps = pgTable(
  "document_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    period: integer("period").notNull(),
    typeId: text("type_id")
      .notNull()
      .references(() => documentTypes.id),
    reason: text("reason").notNull(),
    agreedDate: date("agreed_date").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("document_follow_ups_idx").on(t.municipalityCode, t.period, t.typeId)],
);
