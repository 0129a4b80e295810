import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.js";

export const counties = pgTable("counties", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  board: text("board").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const municipalities = pgTable(
  "municipalities",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    responsibleOfficerId: uuid("responsible_officer_id").references((): AnyPgColumn => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("municipalities_county_idx").on(t.countyCode),
    index("municipalities_officer_idx").on(t.responsibleOfficerId),
  ],
);

export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    firstYear: integer("first_year").notNull(),
    lastYear: integer("last_year").notNull(),
    registrationNumber: text("registration_number"),
    taskAreas: jsonb("task_areas")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("agreements_kind_check", sql`${t.kind} in ('crisisPreparedness', 'civilDefence', 'combined')`),
    check("agreements_years_check", sql`${t.firstYear} <= ${t.lastYear}`),
  ],
);
