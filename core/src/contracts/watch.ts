import { z } from "zod";
import { CountyCode, IsoDate, listOf, MunicipalityCode, Pagination, plain } from "./common.js";

/**
 * The watch list (bevakning, R1-3), reminders and the calendar feed. Each feature registers the dates it needs
 * watched under a kind; the kind is also what users turn reminders off by.
 */

/** When a reminder goes out: 30, 7 and 1 days before the date, and on its first overdue day. */
export const REMINDER_THRESHOLDS = ["d30", "d7", "d1", "overdue"] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];

export const WatchScope = z.enum(["mine", "county"]);
export type WatchScope = z.infer<typeof WatchScope>;

export const WatchListQuery = z.object({
  /** `mine` (default): the items the user is responsible for; `county`: the whole county (county heads only). */
  scope: WatchScope.default("mine"),
  /** Days ahead: items due later are left out. Overdue items are always listed. */
  horizon: z.coerce.number().int().min(0).max(3650).default(30),
});
export type WatchListQuery = z.infer<typeof WatchListQuery>;

export const WatchItemView = z.object({
  /** Stable identifier of the watched date, e.g. `documents.deadline:0180:2023:rsa`. */
  key: z.string(),
  due: IsoDate,
  kind: z.string(),
  /** Swedish; the web shows the kind's label in its own language. */
  kindLabel: z.string(),
  /** Swedish; the web writes the title in its own language from `subject` (core's `watchTitle`). */
  title: z.string(),
  subject: z.object({ template: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) }),
  municipality: z.object({ code: MunicipalityCode, name: z.string() }).nullable(),
  /** The county the item belongs to (the agency's items have a county and no municipality). */
  county: z.object({ code: CountyCode, name: z.string() }).nullable().optional(),
  responsible: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  /** The date has passed (the due day itself is in time). */
  overdue: z.boolean(),
  /** Days from today to the date; negative when overdue. */
  daysLeft: z.number().int(),
  /** A path in the web app. */
  link: z.string(),
  /** Feedback owed (issue 10.10): the version it is owed on, so an officer can decide none will be sent. */
  feedbackVersionId: z.string().nullable().optional(),
});
export type WatchItemView = z.infer<typeof WatchItemView>;
export const WatchList = listOf(WatchItemView);
export type WatchList = z.infer<typeof WatchList>;

/** A county head hands a leaving officer's municipalities and open follow-up items to another officer. */
export const HandOverInput = z.object({
  fromUserId: z.string().uuid("Ogiltigt användar-id."),
  toUserId: z.string().uuid("Ogiltigt användar-id."),
});
export type HandOverInput = z.infer<typeof HandOverInput>;
export const HandOverResult = z.object({
  county: CountyCode,
  from: z.object({ id: z.string(), name: z.string() }),
  to: z.object({ id: z.string(), name: z.string() }),
  municipalities: z.array(z.object({ code: MunicipalityCode, name: z.string() })),
  /** Open dialogue follow-up items whose owner changed. */
  followUps: z.number().int(),
});
export type HandOverResult = z.infer<typeof HandOverResult>;

export const ReminderPreference = z.object({ kind: z.string(), label: z.string(), enabled: z.boolean() });
export const ReminderPreferences = z.object({ kinds: z.array(ReminderPreference) });
export type ReminderPreferences = z.infer<typeof ReminderPreferences>;
export const ReminderPreferencesInput = z.object({
  kinds: z
    .array(z.object({ kind: plain().min(1).max(100), enabled: z.boolean() }))
    .max(100, "Högst 100 slag av bevakningar."),
});
export type ReminderPreferencesInput = z.infer<typeof ReminderPreferencesInput>;

/** The private iCalendar feed: the URL holds a secret token; only its hash is stored. */
export const CalendarFeedCreated = z.object({ url: z.string() });
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const CalendarFeedRevoked = z.object({ revoked: z.boolean() });
export const CalendarFeedParams = z.object({
  /** The feed's secret token (the path is `/api/v1/calendar/<token>.ics`). */
  id: plain().max(200),
});

/** Outgoing mail written to DATA_DIR/outbox when no SMTP server is configured. */
export const OUTBOX_ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{16}$/;
export const OutboxMessage = z.object({
  /** The file is `<id>.eml`. */
  id: z.string(),
  name: z.string(),
  to: z.string(),
  subject: z.string(),
  date: z.string().nullable(),
  sizeBytes: z.number().int(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxList = listOf(OutboxMessage);
export const OutboxListQuery = Pagination;
export const OutboxParams = z.object({
  id: z.string().regex(OUTBOX_ID_PATTERN, "Ogiltigt meddelande-id, t.ex. 20261127T090000000Z-0123456789abcdef."),
});
