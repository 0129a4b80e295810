import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
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
import { counties, municipalities } from "../../db/schema/reference.js";
import { users } from "../../db/schema/users.js";

/** A contact with one or more municipalities, logged without protocol requirements (R2.3-1). */
export const dialogueEntries = pgTable(
  "dialogue_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    /** The current version's number; earlier versions are in dialogue_entry_versions. */
    version: integer("version").notNull().default(1),
    date: date("date").notNull(),
    /** phone | meeting | videoMeeting | email | networkMeeting */
    form: text("form").notNull(),
    subjects: jsonb("subjects").$type<string[]>().notNull(),
    notes: text("notes").notNull().default(""),
    /** { municipality: string[], county: string[] } as names (and user ids where known). */
    participants: jsonb("participants").$type<{ municipality: string[]; county: string[] }>().notNull(),
    /** shared (the county and the municipalities' coordinators) | countyInternal */
    visibility: text("visibility").notNull().default("shared"),
    confidentialBasis: text("confidential_basis"),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("dialogue_entries_county_idx").on(t.countyCode, t.date),
    check("dialogue_entries_visibility_check", sql`${t.visibility} in ('shared', 'countyInternal')`),
  ],
);

/** One entry can concern several municipalities (a network meeting) and appears on each. */
export const dialogueEntryMunicipalities = pgTable(
  "dialogue_entry_municipalities",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => dialogueEntries.id),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.municipalityCode] }),
    index("dialogue_entry_municipalities_idx").on(t.municipalityCode),
  ],
);

/** Earlier versions of an entry, kept when its author edits it. */
export const dialogueEntryVersions = pgTable(
  "dialogue_entry_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => dialogueEntries.id),
    version: integer("version").notNull(),
    /** The entry as it was: date, form, subjects, notes, participants, visibility, municipalities, follow-ups. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    confidentialBasis: text("confidential_basis"),
    editedBy: uuid("edited_by")
      .notNull()
      .references(() => users.id),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("dialogue_entry_versions_entry_idx").on(t.entryId)],
);

/** A follow-up item of an entry: what, by when, by whom (a user, or a named person outside the system). */
export const dialogueFollowUps = pgTable(
  "dialogue_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => dialogueEntries.id),
    text: text("text").notNull(),
    due: date("due").notNull(),
    ownerUserId: uuid("owner_user_id").references((): AnyPgColumn => users.id),
    ownerName: text("owner_name"),
    /**
     * Who at the county watches an item owned by a named person outside the system; null: the entry's author.
     * Set by a hand-over, so a leaving officer's watched items move with their municipalities.
     */
    watcherUserId: uuid("watcher_user_id").references((): AnyPgColumn => users.id),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by").references((): AnyPgColumn => users.id),
  },
  (t) => [
    index("dialogue_follow_ups_entry_idx").on(t.entryId),
    index("dialogue_follow_ups_owner_idx").on(t.ownerUserId, t.due),
  ],
);
