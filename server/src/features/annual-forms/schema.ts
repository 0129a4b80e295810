import type { AnnualFormDefinition } from "@uppsikt/core";
import { boolean, date, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../../db/schema/users.js";

/**
 * A version of the agency's yearly form (R2.4-1). A draft until published, then frozen: a change is a new version
 * (`number`) of the year's form. Reports use the latest published version when they start and stay on it.
 */
export const annualForms = pgTable(
  "annual_forms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    /** Optimistic lock of a draft. */
    version: integer("version").notNull().default(1),
    /** draft | published */
    status: text("status").notNull(),
    title: text("title").notNull(),
    deadline: date("deadline").notNull(),
    forwardingDeadline: date("forwarding_deadline").notNull(),
    example: boolean("example").notNull().default(false),
    definition: jsonb("definition").$type<AnnualFormDefinition>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** null: shipped with the system (the example form). */
    createdBy: uuid("created_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [unique("annual_forms_year_number_key").on(t.year, t.number)],
);
