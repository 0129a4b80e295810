import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";
import { dialogueEntries } from "../dialogue/schema.js";

/** An early warning raised from a dialogue entry (R2.3-2); county-internal, open until resolved with a note. */
export const warnings = pgTable(
  "warnings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id").references(() => dialogueEntries.id),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    /** wrongfulUse | largeSavings | other */
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    raisedBy: uuid("raised_by")
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    resolvedBy: uuid("resolved_by").references((): AnyPgColumn => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolutionNote: text("resolution_note"),
  },
  (t) => [
    index("warnings_municipality_idx").on(t.municipalityCode, t.resolvedAt),
    check("warnings_kind_check", sql`${t.kind} in ('wrongfulUse', 'largeSavings', 'other')`),
  ],
);
