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
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../db/schema/columns.js";
import { counties, municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";

/** A chosen ground as stored: its key, the officer's words and the sent letters that communicated it. */
export interface StoredGround {
  ground: string;
  text: string | null;
  communicatedBy: { kind: "protocol" | "feedback"; id: string }[];
}
export interface StoredSecretPart {
  text: string;
  confidentialBasis: string;
}

/** A municipality's notice of savings it cannot use (R3.3-3); the county raises it as a statement. */
export const savingsNotices = pgTable(
  "savings_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    text: text("text").notNull(),
    amount: bigint("amount", { mode: "number" }),
    createdOn: date("created_on").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references((): AnyPgColumn => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("savings_notices_municipality_idx").on(t.municipalityCode, t.createdOn)],
);

/** The county's statement to the agency (R3.1-1): drafted, approved by a county head who did not draft it, sent. */
export const statements = pgTable(
  "statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    /** The mandate period (its first year) the statement was drafted in. */
    period: integer("period").notNull(),
    /** draft | approved | sent (core's STATEMENT_STATES). */
    state: text("state").notNull().default("draft"),
    /** county | municipality (R3.3-3). */
    initiatedBy: text("initiated_by").notNull().default("county"),
    savingsNoticeId: uuid("savings_notice_id").references(() => savingsNotices.id),
    grounds: jsonb("grounds")
      .$type<StoredGround[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    text: text("text").notNull().default(""),
    secretParts: jsonb("secret_parts")
      .$type<StoredSecretPart[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    actionIds: jsonb("action_ids")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    opportunityIds: jsonb("opportunity_ids")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    draftedBy: uuid("drafted_by")
      .notNull()
      .references((): AnyPgColumn => users.id),
    approvedBy: uuid("approved_by").references((): AnyPgColumn => users.id),
    approvedOn: date("approved_on"),
    sentBy: uuid("sent_by").references((): AnyPgColumn => users.id),
    sentOn: date("sent_on"),
    registrationNumber: text("registration_number"),
    overrideReason: text("override_reason"),
    overrideMissing: jsonb("override_missing").$type<string[]>(),
    /** As sent: the content the files were rendered from (grounds, history, preconditions). */
    content: jsonb("content").$type<Record<string, unknown>>(),
    pdf: bytea("pdf"),
    docx: bytea("docx"),
    appendixPdf: bytea("appendix_pdf"),
    appendixDocx: bytea("appendix_docx"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by").references((): AnyPgColumn => users.id),
  },
  (t) => [
    index("statements_county_idx").on(t.countyCode, t.state),
    index("statements_municipality_idx").on(t.municipalityCode, t.state),
    check("statements_state_check", sql`${t.state} in ('draft', 'approved', 'sent')`),
    check("statements_initiated_by_check", sql`${t.initiatedBy} in ('county', 'municipality')`),
  ],
);

/** A chance to correct wrongful use before a statement (R3.2-3), with its date and the answer or lapse. */
export const correctionOpportunities = pgTable(
  "correction_opportunities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    description: text("description").notNull(),
    offeredOn: date("offered_on").notNull(),
    lapsesOn: date("lapses_on").notNull(),
    answerText: text("answer_text"),
    answeredOn: date("answered_on"),
    answeredBy: uuid("answered_by").references((): AnyPgColumn => users.id),
    createdBy: uuid("created_by")
      .notNull()
      .references((): AnyPgColumn => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("correction_opportunities_municipality_idx").on(t.municipalityCode, t.offeredOn)],
);
