import type { Answers, QuestionComment } from "@uppsikt/core";
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../db/schema/columns.js";
import { municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";
import { annualForms } from "../annual-forms/schema.js";

/** A stored cost line of the report's economy part (the economy feature's CostItemInput). */
export interface StoredReportCost {
  part: string;
  category: string;
  amount: number;
  manualCompilation: boolean;
}

/** A municipality's annual report for a year (R2.4-2): the working copy the coordinators edit. */
export const annualReports = pgTable(
  "annual_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    year: integer("year").notNull(),
    /** The form version the report was started on (it stays on it). */
    formId: uuid("form_id")
      .notNull()
      .references(() => annualForms.id),
    answers: jsonb("answers").$type<Answers>().notNull(),
    costs: jsonb("costs").$type<StoredReportCost[]>().notNull(),
    /** system | import (entered by the county from the form's Excel template). */
    source: text("source").notNull().default("system"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    unique("annual_reports_municipality_year_key").on(t.municipalityCode, t.year),
    index("annual_reports_year_idx").on(t.year),
  ],
);

/**
 * One submission and what the county did with it (R2.4-2): returned with comments per question, or accepted. Every
 * round is kept, with the answers as submitted. The Stockholm dates are stored beside the instants for the rules.
 */
export const annualReportRounds = pgTable(
  "annual_report_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => annualReports.id),
    number: integer("number").notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    costs: jsonb("costs").$type<StoredReportCost[]>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    submittedOn: date("submitted_on").notNull(),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedOn: date("returned_on"),
    returnedBy: uuid("returned_by").references(() => users.id),
    comments: jsonb("comments").$type<QuestionComment[]>().notNull().default([]),
    message: text("message").notNull().default(""),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedOn: date("accepted_on"),
    acceptedBy: uuid("accepted_by").references(() => users.id),
  },
  (t) => [unique("annual_report_rounds_report_number_key").on(t.reportId, t.number)],
);

/** Attachments to a report, through the file intake. */
export const annualReportFiles = pgTable(
  "annual_report_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => annualReports.id),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("annual_report_files_report_idx").on(t.reportId)],
);
