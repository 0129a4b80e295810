import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../db/schema/users.js";

/**
 * A reminder claimed before it is sent: one row per (watched item, threshold, recipient), so a reminder
 * is never sent twice, across restarts or with several server processes on one database.
 */
export const reminderClaims = pgTable(
  "reminder_claims",
  {
    itemKey: text("item_key").notNull(),
    /** d30 | d7 | d1 | overdue */
    threshold: text("threshold").notNull(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id),
    due: text("due").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
    /** sent | skipped (an earlier threshold passed while the server was down, covered by a later one) | failed */
    outcome: text("outcome").notNull().default("sent"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [
    primaryKey({ columns: [t.itemKey, t.threshold, t.recipientId] }),
    index("reminder_claims_recipient_idx").on(t.recipientId),
    check("reminder_claims_threshold_check", sql`${t.threshold} in ('d30', 'd7', 'd1', 'overdue')`),
  ],
);

/** Reminders a user has turned off, per kind of watched item. */
export const reminderPreferences = pgTable(
  "reminder_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    enabled: boolean("enabled").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** A user's private, revocable iCalendar feed token (only its hash is stored). */
export const calendarTokens = pgTable(
  "calendar_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("calendar_tokens_hash_idx").on(t.tokenHash), index("calendar_tokens_user_idx").on(t.userId)],
);
