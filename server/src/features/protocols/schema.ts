import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../db/schema/columns.js";
import { counties, municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";
import { visits } from "../visits/schema.js";

/** A part of the protocol: a deficiency or a note; confidential with an OSL ground. */
export interface StoredPart {
  text: string;
  confidentialBasis: string | null;
}
export interface StoredMeasure extends StoredPart {
  due: string;
  followUp: string;
}

/** The protocol of a visit as the county writes it (R2.7-7): its fields and where it is in its course. */
export const visitProtocols = pgTable(
  "visit_protocols",
  {
    visitId: uuid("visit_id")
      .primaryKey()
      .references(() => visits.id),
    /** draft | factualReview | approved | sent (core's PROTOCOL_STATES). */
    state: text("state").notNull().default("draft"),
    worksWell: text("works_well").notNull().default(""),
    deficiencies: jsonb("deficiencies")
      .$type<StoredPart[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    measures: jsonb("measures")
      .$type<StoredMeasure[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    otherNotes: jsonb("other_notes")
      .$type<StoredPart[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    actionPlanDue: date("action_plan_due"),
    factualReviewReplyBy: date("factual_review_reply_by"),
    factualReviewSentAt: timestamp("factual_review_sent_at", { withTimezone: true }),
    /** How many times the draft has gone to factual review (the comments name their round). */
    factualReviewRound: integer("factual_review_round").notNull().default(0),
    approvedBy: uuid("approved_by").references((): AnyPgColumn => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    /** What the draft, once sent, corrects in the version before it; null for the first version. */
    corrects: text("corrects"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by").references((): AnyPgColumn => users.id),
  },
  (t) => [check("visit_protocols_state_check", sql`${t.state} in ('draft', 'factualReview', 'approved', 'sent')`)],
);

/** A sent protocol, kept as it was sent (R2.7-7): never updated; a correction is the next number. */
export const visitProtocolVersions = pgTable(
  "visit_protocol_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => visits.id),
    versionNo: integer("version_no").notNull(),
    registrationNumber: text("registration_number").notNull(),
    sentOn: date("sent_on").notNull(),
    sentBy: uuid("sent_by")
      .notNull()
      .references((): AnyPgColumn => users.id),
    approvedBy: uuid("approved_by").references((): AnyPgColumn => users.id),
    corrects: text("corrects"),
    /** The fields as sent (works well, deficiencies, measures, notes, action-plan deadline). */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    pdf: bytea("pdf").notNull(),
    docx: bytea("docx").notNull(),
    appendixPdf: bytea("appendix_pdf"),
    appendixDocx: bytea("appendix_docx"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [unique("visit_protocol_versions_visit_no_key").on(t.visitId, t.versionNo)],
);

/** The municipality's comments in a factual review of the draft. */
export const visitProtocolComments = pgTable(
  "visit_protocol_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => visits.id),
    round: integer("round").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references((): AnyPgColumn => users.id),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("visit_protocol_comments_visit_idx").on(t.visitId, t.createdAt)],
);

/** An action of a municipality's action plan (R2.7-8): from a sent protocol's measure, or the municipality's own. */
export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    period: integer("period").notNull(),
    visitId: uuid("visit_id").references(() => visits.id),
    /** protocol | municipality */
    source: text("source").notNull(),
    text: text("text").notNull(),
    ownerUserId: uuid("owner_user_id").references((): AnyPgColumn => users.id),
    ownerName: text("owner_name"),
    due: date("due").notNull(),
    followUp: text("follow_up").notNull().default(""),
    steps: text("steps").notNull().default(""),
    /** planned | inProgress | reportedDone | verified (core's ACTION_STATUSES). */
    status: text("status").notNull().default("planned"),
    reportedOn: date("reported_on"),
    confidentialBasis: text("confidential_basis"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references((): AnyPgColumn => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("actions_municipality_idx").on(t.municipalityCode, t.period, t.due),
    index("actions_status_idx").on(t.status, t.due),
    check("actions_source_check", sql`${t.source} in ('protocol', 'municipality')`),
    check("actions_status_check", sql`${t.status} in ('planned', 'inProgress', 'reportedDone', 'verified')`),
  ],
);

/** Each status change of an action, with who and why (a send-back's comment is kept here). */
export const actionEvents = pgTable(
  "action_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
    /** The order of the events (several can share a time). */
    seq: serial("seq").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    by: uuid("by")
      .notNull()
      .references((): AnyPgColumn => users.id),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    comment: text("comment"),
  },
  (t) => [index("action_events_action_idx").on(t.actionId, t.at)],
);

/** The files of a report of an action done; confidential by the action's ground. */
export const actionFiles = pgTable(
  "action_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => actionEvents.id),
    position: integer("position").notNull().default(0),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    confidentialBasis: text("confidential_basis"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("action_files_event_idx").on(t.eventId)],
);

/** The fixed texts of the county's protocols (R2.7-7, R2.9-1); a county head edits them. */
export const protocolTemplates = pgTable("protocol_templates", {
  countyCode: text("county_code")
    .primaryKey()
    .references(() => counties.code),
  intro: text("intro").notNull(),
  closing: text("closing").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by").references((): AnyPgColumn => users.id),
});
