import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../db/schema/columns.js";
import { municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";
import { documentRequests } from "../document-requests/schema.js";
import { visits } from "../visits/schema.js";

/** The county's economic review of a municipality (R2.5-1): held, or planned when its day is after today. */
export const economicReviews = pgTable(
  "economic_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    /** The mandate period (its first year) the review counts in. */
    period: integer("period").notNull(),
    reviewedOn: date("reviewed_on").notNull(),
    fromYear: integer("from_year").notNull(),
    toYear: integer("to_year").notNull(),
    findings: text("findings").notNull().default(""),
    visitId: uuid("visit_id").references(() => visits.id),
    /** R2.5-5: the municipality may use remaining funds for other work linked to the agreements. */
    remainingFundsAmount: bigint("remaining_funds_amount", { mode: "number" }),
    remainingFundsReasoning: text("remaining_funds_reasoning"),
    remainingFundsDecidedOn: date("remaining_funds_decided_on"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [index("economic_reviews_municipality_idx").on(t.municipalityCode, t.period)],
);

export const economicReviewRequests = pgTable(
  "economic_review_requests",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => economicReviews.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => documentRequests.id),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.requestId] })],
);

/** The municipality's own audit, an external audit or another attachment (R2.5-6). */
export const economicReviewFiles = pgTable(
  "economic_review_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => economicReviews.id),
    /** ownAudit | externalAudit | other. */
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("economic_review_files_review_idx").on(t.reviewId)],
);

/** The officer says a planned visit has no economic review of its own (by default each visit implies one). */
export const visitReviewExemptions = pgTable("visit_review_exemptions", {
  visitId: uuid("visit_id")
    .primaryKey()
    .references(() => visits.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
});

export interface StoredPlanYear {
  year: number;
  plannedSavingsUse: number;
  plannedCompensationUse: number;
  activities: string;
}

/** A version of a municipality's savings plan (R2.6-2); versions are never rewritten. */
export const savingsPlans = pgTable(
  "savings_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    number: integer("number").notNull(),
    years: jsonb("years").$type<StoredPlanYear[]>().notNull(),
    note: text("note").notNull().default(""),
    submitted: boolean("submitted").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("savings_plans_municipality_idx").on(t.municipalityCode, t.number)],
);
