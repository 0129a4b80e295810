import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { counties } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";

/** The agency's follow-up dialogue with a county (R1-7). */
export const countyDialogues = pgTable(
  "county_dialogues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    heldOn: date("held_on").notNull(),
    form: text("form").notNull(),
    participants: jsonb("participants").$type<string[]>().notNull(),
    subjects: jsonb("subjects").$type<string[]>().notNull(),
    conclusions: text("conclusions").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [index("county_dialogues_county_idx").on(t.countyCode, t.heldOn)],
);

export const countyDialogueFollowUps = pgTable(
  "county_dialogue_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dialogueId: uuid("dialogue_id")
      .notNull()
      .references(() => countyDialogues.id),
    text: text("text").notNull(),
    dueOn: date("due_on").notNull(),
    ownerId: uuid("owner_id").references(() => users.id),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references(() => users.id),
    note: text("note").notNull().default(""),
  },
  (t) => [index("county_dialogue_follow_ups_dialogue_idx").on(t.dialogueId)],
);
