import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One version of the national criteria library (R4-1): imported by the agency, never changed by counties. */
export const criteriaLibraryVersions = pgTable("criteria_library_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  version: text("version").notNull().unique(),
  /** Where this version comes from, e.g. "MSB1475 (2020), dnr …". */
  sourceReference: text("source_reference").notNull(),
  isExample: boolean("is_example").notNull().default(false),
  active: boolean("active").notNull().default(false),
  importedBy: text("imported_by"),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
});

export const criteriaAreas = pgTable(
  "criteria_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    libraryVersionId: uuid("library_version_id")
      .notNull()
      .references(() => criteriaLibraryVersions.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    /** `crisisPreparedness` or `civilDefence` (R2.1-2). */
    agreementArea: text("agreement_area").notNull().default("crisisPreparedness"),
    description: text("description"),
    position: integer("position").notNull(),
  },
  (t) => [index("criteria_areas_library_idx").on(t.libraryVersionId)],
);

export const criteria = pgTable(
  "criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaId: uuid("area_id")
      .notNull()
      .references(() => criteriaAreas.id),
    code: text("code").notNull(),
    /** `basic` (grundläggande krav) or `quality` (kvalitetsmått). */
    tier: text("tier").notNull(),
    text: text("text").notNull(),
    help: text("help"),
    documentTypes: jsonb("document_types")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    position: integer("position").notNull(),
  },
  (t) => [
    index("criteria_area_idx").on(t.areaId),
    check("criteria_tier_check", sql`${t.tier} in ('basic', 'quality')`),
  ],
);
