import type { NationalRules } from "@uppsikt/core";
import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../db/schema/users.js";

/**
 * The national rules as versioned data (R1-2, R4-1): each row is one version applying from a date, with its source;
 * `rules` holds the values (validated by core's `NationalRules`), each with its own source or marked unverified.
 * A version in force is never rewritten; one applying from a later day may be edited (optimistic locking on `version`).
 */
export const nationalRuleVersions = pgTable(
  "national_rule_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appliesFrom: date("applies_from").notNull(),
    sourceTitle: text("source_title").notNull(),
    sourceDnr: text("source_dnr"),
    rules: jsonb("rules").$type<NationalRules>().notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** null: loaded by the system at start. */
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("national_rule_versions_applies_from_idx").on(t.appliesFrom)],
);
