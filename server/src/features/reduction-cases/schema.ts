import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { counties, municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";
import { statements } from "../statements/schema.js";

const kronor = (name: string) => bigint(name, { mode: "number" });

/** The agency's case opened by a sent statement (R3.3-1, R3.3-2). The effect and status are computed by core's rules. */
export const reductionCases = pgTable(
  "reduction_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    statementId: uuid("statement_id")
      .notNull()
      .unique()
      .references(() => statements.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    receivedOn: date("received_on").notNull(),
    /** noReduction | reduction | noRepayment | repayment; null until decided. */
    outcome: text("outcome"),
    amount: kronor("amount"),
    partAmounts: jsonb("part_amounts")
      .$type<{ part: string; amount: number }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    performedShare: doublePrecision("performed_share"),
    reasoning: text("reasoning"),
    decidedOn: date("decided_on"),
    decidedBy: uuid("decided_by").references((): AnyPgColumn => users.id),
    notifiedOn: date("notified_on"),
    appealLodgedOn: date("appeal_lodged_on"),
    appealDecidedOn: date("appeal_decided_on"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by").references((): AnyPgColumn => users.id),
  },
  (t) => [
    index("reduction_cases_county_idx").on(t.countyCode, t.receivedOn),
    index("reduction_cases_municipality_idx").on(t.municipalityCode),
    check(
      "reduction_cases_outcome_check",
      sql`${t.outcome} is null or ${t.outcome} in ('noReduction', 'reduction', 'noRepayment', 'repayment')`,
    ),
  ],
);

/** The invoice for a repayment, made once the decision is legally final (R3.3-2). */
export const repaymentInvoices = pgTable("repayment_invoices", {
  id: uuid("id").primaryKey().defaultRandom(),
  caseId: uuid("case_id")
    .notNull()
    .unique()
    .references(() => reductionCases.id),
  amount: kronor("amount").notNull(),
  createdOn: date("created_on").notNull(),
  invoiceNumber: text("invoice_number"),
  sentOn: date("sent_on"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** The case's own log of its dialogue with the municipality and the county (R3.3-1). */
export const reductionCaseLog = pgTable(
  "reduction_case_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => reductionCases.id),
    on: date("on").notNull(),
    form: text("form").notNull(),
    with: jsonb("with").$type<string[]>().notNull(),
    text: text("text").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references((): AnyPgColumn => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("reduction_case_log_case_idx").on(t.caseId, t.on)],
);
