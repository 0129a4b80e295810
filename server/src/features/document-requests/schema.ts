import { type AnyPgColumn, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../db/schema/columns.js";
import { municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";

/** The county's request for further documents, with a reply date (R2.5-4). */
export const documentRequests = pgTable(
  "document_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    subject: text("subject").notNull(),
    message: text("message").notNull(),
    replyBy: date("reply_by").notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    confidentialBasis: text("confidential_basis"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references((): AnyPgColumn => users.id),
    /** The agency's reduction case the request belongs to (R3.3-1); null for the county's own requests. */
    reductionCaseId: uuid("reduction_case_id"),
  },
  (t) => [
    index("document_requests_municipality_idx").on(t.municipalityCode, t.replyBy),
    index("document_requests_case_idx").on(t.reductionCaseId),
  ],
);

export const documentRequestAnswers = pgTable(
  "document_request_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => documentRequests.id),
    message: text("message").notNull(),
    answeredBy: uuid("answered_by")
      .notNull()
      .references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    confidentialBasis: text("confidential_basis"),
  },
  (t) => [index("document_request_answers_request_idx").on(t.requestId)],
);

export const documentRequestFiles = pgTable(
  "document_request_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    answerId: uuid("answer_id")
      .notNull()
      .references(() => documentRequestAnswers.id),
    position: integer("position").notNull().default(0),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    confidentialBasis: text("confidential_basis"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("document_request_files_answer_idx").on(t.answerId)],
);
