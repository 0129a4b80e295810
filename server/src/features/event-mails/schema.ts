import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../db/schema/columns.js";
import { users } from "../../db/schema/users.js";

/**
 * A file attached to event mails (the feedback letter as PDF), stored once for every recipient of the event.
 * Only letters without a confidential part are ever stored here.
 */
export const eventMailAttachments = pgTable("event_mail_attachments", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  mediaType: text("media_type").notNull(),
  content: bytea("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * One mail about an event (a new document request, an answer, feedback sent by e-mail) to one recipient, written
 * in the same transaction as the event. The delivery job claims a pending row (status pending → sending) before it
 * sends, so a mail goes once, across restarts and with several processes on one database.
 */
export const eventMails = pgTable(
  "event_mails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** eventNewRequest | eventRequestAnswered | eventFeedbackSent */
    kind: text("kind").notNull(),
    /** What the event happened to, e.g. documentRequest / documentFeedback and its id. */
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id),
    toName: text("to_name").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    /** Plain text; `{appUrl}` stands for APP_URL, filled in when sent. Never confidential content. */
    body: text("body").notNull(),
    attachmentId: uuid("attachment_id").references(() => eventMailAttachments.id),
    /** pending | sending | sent | failed (given up) | skipped (demo data, recipient gone) */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Not tried again before this instant (after a failure). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [
    index("event_mails_pending_idx").on(t.status, t.nextAttemptAt),
    index("event_mails_entity_idx").on(t.entityType, t.entityId),
    index("event_mails_recipient_idx").on(t.recipientId),
    check("event_mails_status_check", sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'skipped')`),
    check("event_mails_kind_check", sql`${t.kind} in ('eventNewRequest', 'eventRequestAnswered', 'eventFeedbackSent')`),
  ],
);
