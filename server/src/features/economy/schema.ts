import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { agreements, municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";

const kronor = (name: string) => bigint(name, { mode: "number" });

/**
 * The compensation parts of each agreement generation (R1-4, R1-5), kept by the agency, plus money outside the
 * agreements (`counts_toward_savings = false`). A part with a confidential basis has confidential amounts.
 */
export const compensationParts = pgTable(
  "compensation_parts",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    agreementId: uuid("agreement_id").references(() => agreements.id),
    firstYear: integer("first_year").notNull(),
    lastYear: integer("last_year"),
    countsTowardSavings: boolean("counts_toward_savings").notNull(),
    confidentialBasis: text("confidential_basis"),
    predecessor: text("predecessor").references((): AnyPgColumn => compensationParts.code),
    position: integer("position").notNull(),
    source: text("source"),
    unverified: boolean("unverified").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [check("compensation_parts_years_check", sql`${t.lastYear} is null or ${t.firstYear} <= ${t.lastYear}`)],
);

/** The compensation of one municipality, year and part: the announced amount and what became of it. */
export const compensationAmounts = pgTable(
  "compensation_amounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    year: integer("year").notNull(),
    partCode: text("part_code")
      .notNull()
      .references(() => compensationParts.code),
    amount: kronor("amount").notNull(),
    /** announced | paid | withheld | reduced | repaid (core's COMPENSATION_STATUSES). */
    status: text("status").notNull().default("announced"),
    /** For `reduced` the reduction, for `repaid` the amount repaid. */
    adjustment: kronor("adjustment"),
    statusOn: date("status_on"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [
    unique("compensation_amounts_key").on(t.municipalityCode, t.year, t.partCode),
    index("compensation_amounts_year_idx").on(t.year),
    check(
      "compensation_amounts_amount_check",
      sql`${t.amount} >= 0 and (${t.adjustment} is null or ${t.adjustment} >= 0)`,
    ),
    check(
      "compensation_amounts_status_check",
      sql`${t.status} in ('announced', 'paid', 'withheld', 'reduced', 'repaid')`,
    ),
  ],
);

/**
 * One source's costs of a municipality and year (county, annualReport, import): the county's entry supersedes the
 * annual report's figures for the year; both are kept and shown.
 */
export const costSets = pgTable(
  "cost_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    year: integer("year").notNull(),
    /** county | annualReport | import (core's COST_SOURCES). */
    source: text("source").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    unique("cost_sets_key").on(t.municipalityCode, t.year, t.source),
    check("cost_sets_source_check", sql`${t.source} in ('county', 'annualReport', 'import')`),
  ],
);

export const costItems = pgTable(
  "cost_items",
  {
    setId: uuid("set_id")
      .notNull()
      .references(() => costSets.id, { onDelete: "cascade" }),
    partCode: text("part_code")
      .notNull()
      .references(() => compensationParts.code),
    categoryCode: text("category_code").notNull(),
    amount: kronor("amount").notNull(),
    manualCompilation: boolean("manual_compilation").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.setId, t.partCode, t.categoryCode] }),
    check("cost_items_amount_check", sql`${t.amount} >= 0`),
  ],
);

/** An opening balance the county entered for a part and year (default 0 in the part's first year). */
export const openingBalances = pgTable(
  "opening_balances",
  {
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    partCode: text("part_code")
      .notNull()
      .references(() => compensationParts.code),
    year: integer("year").notNull(),
    amount: kronor("amount").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.partCode, t.year] }),
    check("opening_balances_amount_check", sql`${t.amount} >= 0`),
  ],
);

/**
 * Large savings (R2.6-1, R2.6-2): the day the rule first became true for a municipality, the year it was judged on,
 * the savings plan's due date (the county may move it) and the day it stopped being true.
 */
export const largeSavingsDetections = pgTable(
  "large_savings_detections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    detectedOn: date("detected_on").notNull(),
    judgedYear: integer("judged_year").notNull(),
    planDueOn: date("plan_due_on").notNull(),
    clearedOn: date("cleared_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("large_savings_detections_municipality_idx").on(t.municipalityCode),
    // At most one open detection per municipality.
    uniqueIndex("large_savings_detections_open_idx")
      .on(t.municipalityCode)
      .where(sql`cleared_on is null`),
  ],
);

/**
 * The earlier values of a compensation amount, kept on every change (a corrected payout list, a status change). The
 * audit row of a confidential part's change names the row, never the amounts; this table keeps them.
 */
export const compensationAmountHistory = pgTable(
  "compensation_amount_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    amountId: uuid("amount_id")
      .notNull()
      .references(() => compensationAmounts.id),
    version: integer("version").notNull(),
    amount: kronor("amount").notNull(),
    status: text("status").notNull(),
    adjustment: kronor("adjustment"),
    statusOn: date("status_on"),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull(),
    replacedBy: uuid("replaced_by").references(() => users.id),
  },
  (t) => [index("compensation_amount_history_amount_idx").on(t.amountId)],
);
