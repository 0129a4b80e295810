import type { CompilationRow, QuestionColumn } from "@uppsikt/core";
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { counties } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";
import { annualForms } from "../annual-forms/schema.js";

/** The county's draft assessment of the effect of the measures taken, before it forwards the compilation. */
export const annualCompilationDrafts = pgTable(
  "annual_compilation_drafts",
  {
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    year: integer("year").notNull(),
    assessment: text("assessment").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.year] })],
);

export interface StoredNotAccepted {
  code: string;
  name: string;
  status: string;
}

/** A forwarded compilation (R2.4-2, R1-6): frozen; a later correction is a new version. */
export const annualCompilationVersions = pgTable(
  "annual_compilation_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    formId: uuid("form_id").references(() => annualForms.id),
    assessment: text("assessment").notNull(),
    questions: jsonb("questions").$type<QuestionColumn[]>().notNull(),
    rows: jsonb("rows").$type<CompilationRow[]>().notNull(),
    notAccepted: jsonb("not_accepted").$type<StoredNotAccepted[]>().notNull(),
    registrationNumber: text("registration_number").notNull(),
    forwardedOn: date("forwarded_on").notNull(),
    forwardedAt: timestamp("forwarded_at", { withTimezone: true }).notNull(),
    forwardedBy: uuid("forwarded_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [unique("annual_compilation_versions_key").on(t.countyCode, t.year, t.number)],
);
