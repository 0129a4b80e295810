import type { ParticipantRole, VisitKind, VisitStatus } from "@uppsikt/core";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { counties, municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";
import { criteriaLibraryVersions } from "../criteria/schema.js";

/** The county's visit plan for a mandate period (R2.7-3): a draft until a county head publishes it. */
export const visitPlans = pgTable(
  "visit_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    period: integer("period").notNull(),
    /** The county's capacity, a setting of the plan. */
    visitsPerYear: integer("visits_per_year").notNull(),
    revision: integer("revision").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references((): AnyPgColumn => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [unique("visit_plans_county_period_key").on(t.countyCode, t.period)],
);

/** Each change of a plan, kept with its reason and who made it (R2.7-3). */
export const visitPlanRevisions = pgTable(
  "visit_plan_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => visitPlans.id),
    revision: integer("revision").notNull(),
    reason: text("reason").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    by: uuid("by").references((): AnyPgColumn => users.id),
  },
  (t) => [unique("visit_plan_revisions_plan_revision_key").on(t.planId, t.revision)],
);

/** A formal follow-up visit (R2.7), planned in the county's plan and then held. */
export const visits = pgTable(
  "visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    period: integer("period").notNull(),
    /** A month `YYYY-MM` or a day `YYYY-MM-DD`. */
    planned: text("planned").notNull(),
    kind: text("kind").$type<VisitKind>().notNull(),
    status: text("status").$type<VisitStatus>().notNull().default("planned"),
    reason: text("reason").notNull().default(""),
    heldOn: date("held_on"),
    place: text("place").notNull().default(""),
    preparation: jsonb("preparation")
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    notes: jsonb("notes")
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The criteria library version the visit's selection and assessment use (as document reviews do). */
    libraryVersionId: uuid("library_version_id").references(() => criteriaLibraryVersions.id),
    selectedCriteria: jsonb("selected_criteria")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    overrides: jsonb("overrides")
      .$type<Array<{ area?: string; agreementArea?: string; result: string; reason: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references((): AnyPgColumn => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("visits_municipality_period_idx").on(t.municipalityCode, t.period),
    index("visits_period_idx").on(t.period, t.status),
    check("visits_kind_check", sql`${t.kind} in ('first', 'later', 'only')`),
    check("visits_status_check", sql`${t.status} in ('planned', 'held', 'cancelled', 'protocolSent')`),
  ],
);

/** Who was invited to and who attended a visit, each with a role (R2.7-2). */
export const visitParticipants = pgTable(
  "visit_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => visits.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<ParticipantRole>().notNull(),
    attended: boolean("attended").notNull().default(true),
  },
  (t) => [index("visit_participants_visit_idx").on(t.visitId)],
);

/** The result per selected criterion (R2.8-1), with a note and evidence links. */
export const visitAssessmentItems = pgTable(
  "visit_assessment_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => visits.id),
    criterionCode: text("criterion_code").notNull(),
    result: text("result").notNull(),
    note: text("note").notNull().default(""),
    evidence: jsonb("evidence")
      .$type<Array<{ kind: string; id: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [unique("visit_assessment_items_visit_criterion_key").on(t.visitId, t.criterionCode)],
);

/** The fixed texts of the county's information letter on the visit plan (R2.9-1); a county head edits them. */
export const visitLetterTemplates = pgTable("visit_letter_templates", {
  countyCode: text("county_code")
    .primaryKey()
    .references(() => counties.code),
  purpose: text("purpose").notNull(),
  process: text("process").notNull(),
  closing: text("closing").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by").references((): AnyPgColumn => users.id),
});
