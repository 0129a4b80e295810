import {
  REMINDER_THRESHOLDS,
  type ReminderThreshold,
  addDays,
  daysBetween,
  firstDayPastDue,
  isPastDue,
  stockholmDate,
  watchKindLabel,
} from "@uppsikt/core";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { type MailMessage, type Mailer, createMailer } from "../../platform/mail/mailer.js";
import type { WatchItem, WatchRegistry } from "../../platform/watch/registry.js";
import * as repo from "./repository.js";

/*
 * Reminders of watched dates: 30, 7 and 1 days before the date and on its first overdue day. Each
 * (item, threshold, recipient) is claimed in reminder_claims before anything is sent, and only the run that
 * won the claim sends: no reminder goes out twice, across restarts or with several processes on one PostgreSQL.
 */

const OFFSETS: Record<Exclude<ReminderThreshold, "overdue">, number> = { d30: -30, d7: -7, d1: -1 };

/** The day each threshold falls on for a due date; "overdue" on the first day the date has passed (core's rule). */
export const thresholdDate = (due: string, threshold: ReminderThreshold) =>
  threshold === "overdue" ? firstDayPastDue(due) : addDays(due, OFFSETS[threshold]);

/** The thresholds whose day has come, in order. */
export function passedThresholds(due: string, today: string): ReminderThreshold[] {
  return REMINDER_THRESHOLDS.filter((t) => thresholdDate(due, t) <= today);
}

export interface ReminderPlan {
  /** The threshold to send now, or null. */
  send: ReminderThreshold | null;
  /** Passed thresholds that will not be sent (claimed as `skipped`). */
  skip: ReminderThreshold[];
}

/**
 * What one recipient gets for one item today. Only the latest passed threshold is sent: after downtime a user
 * gets one mail, not one per missed threshold. An overdue reminder is sent up to `catchUpDays` after its day;
 * later it is no news (and a first start on old data does not mail every long-overdue item).
 */
export function planReminder(due: string, today: string, catchUpDays: number, enabled: boolean): ReminderPlan {
  const passed = passedThresholds(due, today);
  const latest = passed.at(-1);
  if (!latest) return { send: null, skip: [] };
  const stale = latest === "overdue" && today > addDays(thresholdDate(due, "overdue"), catchUpDays);
  if (stale || !enabled) return { send: null, skip: passed };
  return { send: latest, skip: passed.slice(0, -1) };
}

export interface ReminderDeps {
  database: Pick<Database, "db">;
  config: Pick<
    Config,
    | "APP_URL"
    | "REMINDER_CATCH_UP_DAYS"
    | "SMTP_HOST"
    | "SMTP_PORT"
    | "SMTP_SECURE"
    | "SMTP_USER"
    | "SMTP_PASSWORD"
    | "MAIL_FROM"
    | "DATA_DIR"
  >;
  watch: WatchRegistry;
}

export interface ReminderRunResult {
  today: string;
  /** Open items with at least one passed threshold. */
  items: number;
  /** Reminders this run claimed and sent (or tried to). */
  sent: number;
  /** Thresholds this run claimed as skipped (covered by a later one, too old, or turned off). */
  skipped: number;
  mails: number;
  failed: number;
}

interface Recipient {
  id: string;
  name: string;
  email: string;
  role: string;
}

interface Reminder {
  item: WatchItem;
  threshold: ReminderThreshold;
}

const claimKey = (itemKey: string, threshold: string, recipientId: string) =>
  `${itemKey}\u0000${threshold}\u0000${recipientId}`;

async function claimInChunks(db: Database["db"], rows: repo.ClaimRow[]) {
  // One lock order for every process: concurrent runs then wait on each other instead of deadlocking.
  rows.sort((a, b) =>
    a.itemKey < b.itemKey
      ? -1
      : a.itemKey > b.itemKey
        ? 1
        : a.threshold.localeCompare(b.threshold) || a.recipientId.localeCompare(b.recipientId),
  );
  const won: { itemKey: string; threshold: string; recipientId: string; outcome: string }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    try {
      won.push(...(await repo.claim(db, chunk)));
    } catch (e) {
      if ((e as { code?: string }).code !== "40P01") throw e;
      won.push(...(await repo.claim(db, chunk))); // a deadlock victim tries once more
    }
  }
  return won;
}

/**
 * One run: collects every open item, works out who should be reminded of what today, claims it, and mails each
 * recipient one message with everything this run won for them. Safe to run concurrently with itself.
 */
export async function runReminders(
  deps: ReminderDeps,
  now: Date,
  options: { mailer?: Mailer } = {},
): Promise<ReminderRunResult> {
  const db = deps.database.db;
  const today = stockholmDate(now);
  const result: ReminderRunResult = { today, items: 0, sent: 0, skipped: 0, mails: 0, failed: 0 };
  const items = (await deps.watch.collect(db, { today })).filter((i) => passedThresholds(i.due, today).length > 0);
  result.items = items.length;
  if (items.length === 0) return result;

  const responsibleIds = [...new Set(items.flatMap((i) => (i.responsibleUserId ? [i.responsibleUserId] : [])))];
  const awaitedCodes = [
    ...new Set(items.flatMap((i) => (i.awaitedFromMunicipality && i.municipality ? [i.municipality.code] : []))),
  ];
  const users = await repo.findRecipients(db, responsibleIds, awaitedCodes);
  const byId = new Map(users.map((u) => [u.id, u]));
  const coordinators = new Map<string, Recipient[]>();
  for (const u of users)
    if (u.role === "municipality" && !u.readOnly && u.municipality)
      coordinators.set(u.municipality, [...(coordinators.get(u.municipality) ?? []), u]);
  const [preferences, claims] = await Promise.all([
    repo.findPreferences(
      db,
      users.map((u) => u.id),
    ),
    repo.findClaims(
      db,
      items.map((i) => i.key),
    ),
  ]);
  const disabled = new Set(preferences.filter((p) => !p.enabled).map((p) => `${p.userId}\u0000${p.kind}`));
  const existing = new Map(claims.map((c) => [claimKey(c.itemKey, c.threshold, c.recipientId), c]));

  const rows: repo.ClaimRow[] = [];
  const retries: { item: WatchItem; threshold: ReminderThreshold; recipientId: string }[] = [];
  const itemByKey = new Map(items.map((i) => [i.key, i]));
  for (const item of items) {
    const recipients = new Map<string, Recipient>();
    const responsible = item.responsibleUserId ? byId.get(item.responsibleUserId) : undefined;
    if (responsible) recipients.set(responsible.id, responsible);
    if (item.awaitedFromMunicipality && item.municipality)
      for (const c of coordinators.get(item.municipality.code) ?? []) recipients.set(c.id, c);
    for (const recipient of recipients.values()) {
      const enabled = !disabled.has(`${recipient.id}\u0000${item.kind}`);
      const plan = planReminder(item.due, today, deps.config.REMINDER_CATCH_UP_DAYS, enabled);
      const wanted = [
        ...plan.skip.map((t) => [t, "skipped"] as const),
        ...(plan.send ? [[plan.send, "sent"] as const] : []),
      ];
      for (const [threshold, outcome] of wanted) {
        const made = existing.get(claimKey(item.key, threshold, recipient.id));
        if (made && made.due === item.due) {
          if (outcome === "sent" && made.outcome === "failed")
            retries.push({ item, threshold, recipientId: recipient.id });
          continue;
        }
        rows.push({ itemKey: item.key, threshold, recipientId: recipient.id, due: item.due, claimedAt: now, outcome });
      }
    }
  }

  const toSend = new Map<string, Reminder[]>();
  const add = (recipientId: string, reminder: Reminder) =>
    toSend.set(recipientId, [...(toSend.get(recipientId) ?? []), reminder]);
  for (const won of await claimInChunks(db, rows)) {
    if (won.outcome === "skipped") {
      result.skipped++;
      continue;
    }
    add(won.recipientId, { item: itemByKey.get(won.itemKey)!, threshold: won.threshold as ReminderThreshold });
  }
  for (const r of retries)
    if (await repo.reclaimFailed(db, { itemKey: r.item.key, threshold: r.threshold, recipientId: r.recipientId }, now))
      add(r.recipientId, { item: r.item, threshold: r.threshold });
  if (toSend.size === 0) return result;

  const mailer = options.mailer ?? createMailer(deps.config);
  try {
    for (const [recipientId, reminders] of toSend) {
      const recipient = byId.get(recipientId)!;
      const keys = reminders.map((r) => ({ itemKey: r.item.key, threshold: r.threshold, recipientId }));
      result.sent += reminders.length;
      try {
        await mailer.send(reminderMail(recipient, reminders, today, now, deps.config.APP_URL));
        await repo.markClaims(db, keys, { outcome: "sent", sentAt: now });
        result.mails++;
      } catch (e) {
        result.failed += reminders.length;
        await repo.markClaims(db, keys, { outcome: "failed", error: String((e as Error).message ?? e).slice(0, 500) });
      }
    }
  } finally {
    if (!options.mailer) mailer.close();
  }
  return result;
}

/** "om 7 dagar", "i morgon", "i dag", "passerade för 3 dagar sedan". */
export function relativeDay(due: string, today: string): string {
  const days = daysBetween(today, due);
  if (days > 1) return `om ${days} dagar`;
  if (days === 1) return "i morgon";
  if (days === 0) return "i dag";
  return days === -1 ? "passerade i går" : `passerade för ${-days} dagar sedan`;
}

/** The Swedish reminder to one recipient: one message for everything due to them in this run. */
export function reminderMail(
  recipient: Recipient,
  reminders: Reminder[],
  today: string,
  now: Date,
  appUrl: string,
): MailMessage {
  const sorted = [...reminders].sort(
    (a, b) => a.item.due.localeCompare(b.item.due) || a.item.key.localeCompare(b.item.key),
  );
  const first = sorted[0]!.item;
  const subject =
    sorted.length === 1
      ? isPastDue(first.due, today)
        ? `Påminnelse: ${first.title} – datumet ${first.due} har passerat`
        : `Påminnelse: ${first.title} – ${relativeDay(first.due, today)} (${first.due})`
      : `Påminnelse från Uppsikt: ${sorted.length} bevakade datum`;
  const blocks = sorted.map(({ item }) =>
    [
      item.title,
      `  Datum: ${item.due} (${relativeDay(item.due, today)})`,
      ...(item.municipality ? [`  Kommun: ${item.municipality.name} (${item.municipality.code})`] : []),
      `  Typ: ${watchKindLabel(item.kind)}`,
      // A coordinator is not the responsible officer (issue 10.10): their mail says whom the county awaits.
      ...(recipient.role === "municipality"
        ? [
            `  Länsstyrelsen inväntar: ${item.municipality ? `${item.municipality.name} (er kommun)` : "er kommun"}`,
            ...(item.responsibleName ? [`  Handläggare på länsstyrelsen: ${item.responsibleName}`] : []),
          ]
        : [`  Ansvarig handläggare: ${item.responsibleName ?? "ingen utsedd"}`]),
      `  Öppna i Uppsikt: ${appUrl}${item.link}`,
    ].join("\n"),
  );
  const why =
    recipient.role === "municipality"
      ? "Du får påminnelsen som beredskapssamordnare: länsstyrelsen inväntar detta från din kommun."
      : "Du får påminnelsen eftersom du är ansvarig för det bevakade datumet.";
  const text = [
    `Hej ${recipient.name}!`,
    "",
    sorted.length === 1
      ? "Det här är en påminnelse från Uppsikt om ett bevakat datum:"
      : `Det här är en påminnelse från Uppsikt om ${sorted.length} bevakade datum:`,
    "",
    blocks.join("\n\n"),
    "",
    why,
    "Påminnelser skickas 30, 7 och 1 dag före datumet och dagen efter att det har passerat.",
    `Du kan stänga av påminnelser för en typ av bevakning i Uppsikt: ${appUrl}`,
    "",
    "Meddelandet skickades automatiskt och går inte att svara på.",
  ].join("\n");
  return { to: { name: recipient.name, address: recipient.email }, subject, text, date: now };
}
