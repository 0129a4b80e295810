import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { counties, municipalities } from "./reference.js";
import { users } from "./users.js";

/** National list of legal grounds for secrecy (OSL); editable reference data. */
export const oslGrounds = pgTable("osl_grounds", {
  id: uuid("id").primaryKey().defaultRandom(),
  reference: text("reference").notNull().unique(),
  description: text("description").notNull(),
  position: integer("position").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

/**
 * A user's explicit right to read confidential parts of one municipality's records,
 * or of every municipality in a county when `municipality_code` is null.
 */
export const clearances = pgTable(
  "clearances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    undertakingSignedOn: date("undertaking_signed_on").notNull(),
    validUntil: date("valid_until"),
    note: text("note"),
    grantedBy: uuid("granted_by")
      .notNull()
      .references(() => users.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    index("clearances_user_idx").on(t.userId),
    index("clearances_scope_idx").on(t.countyCode, t.municipalityCode),
    check(
      "clearances_scope_check",
      sql`${t.municipalityCode} is null or left(${t.municipalityCode}, 2) = ${t.countyCode}`,
    ),
  ],
);
