import { createHash, randomBytes } from "node:crypto";
import {
  type HandOverInput,
  type HandOverResult,
  type ReminderPreferences,
  type ReminderPreferencesInput,
  type WatchList,
  type WatchListQuery,
  EVENT_MAIL_KIND_LABELS,
  compareSwedish,
  eventMailKindsFor,
  orderWatchItems,
  watchKindLabel,
} from "@uppsikt/core";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import { Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { allows, authorize } from "../../platform/permissions.js";
import type { WatchRegistry } from "../../platform/watch/registry.js";
import { countyExists } from "../municipalities/service.js";
import { renderCalendar } from "./ical.js";
import { AGENCY_NATIONAL_KINDS, AGENCY_OWN_KINDS, itemsFor, toView, withinHorizon } from "./items.js";
import * as repo from "./repository.js";

/**
 * "Min bevakning" (R1-3): what falls due within the horizon, overdue items always; grouped by kind, and within a
 * kind due within 7 days first, then overdue newest first, then the rest (core `orderWatchItems`, issue 10.10).
 */
export async function watchList(
  db: Db,
  watch: WatchRegistry,
  actor: Actor,
  today: string,
  query: WatchListQuery,
): Promise<WatchList> {
  authorize(actor, "watch.read");
  if (query.scope === "county") authorize(actor, "watch.readCounty");
  const items = withinHorizon(await itemsFor(db, watch, actor, query.scope, today), today, query.horizon);
  const countyNames = new Map((await repo.findCountyNames(db)).map((c) => [c.code, c.name]));
  const views = orderWatchItems(
    items.map((i) => toView(i, today, countyNames)),
    (kind) => watchKindLabel(kind),
  );
  return { items: views, total: views.length };
}

/**
 * A county head hands a leaving officer's municipalities (and with them the watched dates, since responsibility
 * comes from the municipality) and open dialogue follow-up items to another active officer of the county.
 */
export async function handOver(
  db: Db,
  ctx: ActorContext,
  county: string,
  input: HandOverInput,
): Promise<HandOverResult> {
  authorize(ctx.actor, "watch.handOver", { county });
  if (!(await countyExists(db, county))) throw NotFound("Länet finns inte.");
  const [from, to] = await Promise.all([repo.findUser(db, input.fromUserId), repo.findUser(db, input.toUserId)]);
  if (!from || from.role !== "county" || from.county !== county)
    throw Invalid("Den som lämnar över ska vara handläggare vid länsstyrelsen.", { field: "fromUserId" });
  if (!to || to.role !== "county" || to.county !== county || !to.active)
    throw Invalid("Den som tar över ska vara en aktiv handläggare vid samma länsstyrelse.", { field: "toUserId" });
  if (from.id === to.id) throw Invalid("Välj en annan handläggare att lämna över till.", { field: "toUserId" });
  return db.transaction(async (tx) => {
    const moved = await repo.moveMunicipalities(tx, county, from.id, to.id);
    const followUps = await repo.moveOpenFollowUps(tx, county, from.id, to.id);
    const municipalities = moved.sort((a, b) => compareSwedish(a.name, b.name));
    await recordAudit(tx, ctx, {
      action: "watch.handOver",
      entityType: "user",
      entityId: from.id,
      before: { responsibleOfficerId: from.id, municipalities: municipalities.map((m) => m.code) },
      after: {
        responsibleOfficerId: to.id,
        municipalities: municipalities.map((m) => m.code),
        followUps: followUps.map((f) => f.id),
      },
    });
    return {
      county,
      from: { id: from.id, name: from.name },
      to: { id: to.id, name: to.name },
      municipalities,
      followUps: followUps.length,
    };
  });
}

/** Every registered kind with the user's choice; reminders are on unless turned off. */
export async function reminderPreferences(db: Db, watch: WatchRegistry, actor: Actor): Promise<ReminderPreferences> {
  authorize(actor, "reminderPreferences.manage");
  const saved = await repo.findPreferences(db, [actor.id]);
  const off = new Set(saved.filter((p) => !p.enabled).map((p) => p.kind));
  // The agency's list holds only its own kinds (R1-7); the others would never remind an agency officer.
  const agencyKinds = new Set<string>([...AGENCY_OWN_KINDS, ...AGENCY_NATIONAL_KINDS]);
  const kinds = watch
    .kinds()
    .filter((kind) => actor.role !== "agency" || agencyKinds.has(kind))
    .map((kind) => ({ kind, label: watchKindLabel(kind), enabled: !off.has(kind) }))
    .sort((a, b) => compareSwedish(a.label, b.label));
  // Mail about events (issue 10.11) is turned off the same way, after the reminder kinds.
  const events = eventMailKindsFor(actor).map((kind) => ({
    kind,
    label: EVENT_MAIL_KIND_LABELS[kind].sv,
    enabled: !off.has(kind),
  }));
  return { kinds: [...kinds, ...events] };
}

export async function saveReminderPreferences(
  db: Db,
  watch: WatchRegistry,
  ctx: ActorContext,
  input: ReminderPreferencesInput,
): Promise<ReminderPreferences> {
  authorize(ctx.actor, "reminderPreferences.manage");
  const known = new Set<string>([...watch.kinds(), ...eventMailKindsFor(ctx.actor)]);
  const unknown = input.kinds.filter((k) => !known.has(k.kind)).map((k) => k.kind);
  if (unknown.length)
    throw Invalid(`Okänt slag av bevakning: ${unknown.join(", ")}. Kända slag: ${[...known].join(", ")}.`, {
      unknown,
    });
  const before = await reminderPreferences(db, watch, ctx.actor);
  await db.transaction(async (tx) => {
    await repo.savePreferences(tx, ctx.actor.id, input.kinds);
    await recordAudit(tx, ctx, {
      action: "reminderPreferences.update",
      entityType: "user",
      entityId: ctx.actor.id,
      before: { disabled: before.kinds.filter((k) => !k.enabled).map((k) => k.kind) },
      after: { changed: input.kinds },
    });
  });
  return reminderPreferences(db, watch, ctx.actor);
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const feedUrl = (config: Pick<Config, "APP_URL">, token: string) => `${config.APP_URL}/api/v1/calendar/${token}.ics`;

export async function calendarFeedStatus(db: Db, actor: Actor) {
  authorize(actor, "calendarFeed.manage");
  const token = await repo.findActiveToken(db, actor.id);
  return { active: token !== undefined, createdAt: token?.createdAt.toISOString() ?? null };
}

/** A new private feed URL; the previous one stops working. The token is shown once, only its hash is kept. */
export async function createCalendarFeed(db: Db, ctx: ActorContext, config: Pick<Config, "APP_URL">) {
  authorize(ctx.actor, "calendarFeed.manage");
  const token = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const revoked = await repo.revokeTokens(tx, ctx.actor.id, now);
    const id = await repo.insertToken(tx, ctx.actor.id, hashToken(token), now);
    await recordAudit(tx, ctx, {
      action: "calendarFeed.create",
      entityType: "calendarToken",
      entityId: id,
      before: revoked.length ? { revoked: revoked.map((r) => r.id) } : null,
      after: { userId: ctx.actor.id },
    });
  });
  return { url: feedUrl(config, token) };
}

export async function revokeCalendarFeed(db: Db, ctx: ActorContext) {
  authorize(ctx.actor, "calendarFeed.manage");
  return db.transaction(async (tx) => {
    const revoked = await repo.revokeTokens(tx, ctx.actor.id, ctx.clock.now());
    if (revoked.length)
      await recordAudit(tx, ctx, {
        action: "calendarFeed.revoke",
        entityType: "calendarToken",
        entityId: revoked[0]!.id,
        before: { revoked: revoked.map((r) => r.id) },
        after: null,
      });
    return { revoked: revoked.length > 0 };
  });
}

/**
 * The feed behind a token: the user's watched dates as all-day events, overdue ones included, no horizon.
 * Null (404) for an unknown or revoked token, a deactivated user or a role that has no feed.
 */
export async function calendarFeed(
  db: Db,
  watch: WatchRegistry,
  clock: Clock,
  config: Pick<Config, "APP_URL">,
  token: string,
): Promise<string | null> {
  if (token.length < 20) return null;
  const row = await repo.findTokenUser(db, hashToken(token));
  if (!row) return null;
  const actor: Actor = { ...row, role: row.role as Actor["role"], sessionId: null };
  if (!allows(actor, "calendarFeed.manage")) return null;
  const today = clock.today();
  const items = await itemsFor(db, watch, actor, "mine", today);
  return renderCalendar({
    name: "Uppsikt – min bevakning",
    prodId: "-//Uppsikt//Bevakning//SV",
    now: clock.now(),
    events: items.map((i) => ({
      uid: `${i.key}@uppsikt`,
      date: i.due,
      summary: i.title,
      description: [
        watchKindLabel(i.kind),
        ...(i.municipality ? [`Kommun: ${i.municipality.name} (${i.municipality.code})`] : []),
        // A coordinator is not the responsible officer (issue 10.10): say whom the county awaits.
        ...(actor.role === "municipality"
          ? [
              "Länsstyrelsen inväntar: er kommun",
              ...(i.responsibleName ? [`Handläggare på länsstyrelsen: ${i.responsibleName}`] : []),
            ]
          : [`Ansvarig handläggare: ${i.responsibleName ?? "ingen utsedd"}`]),
        `${config.APP_URL}${i.link}`,
      ].join("\n"),
      url: `${config.APP_URL}${i.link}`,
      categories: [watchKindLabel(i.kind)],
    })),
  });
}
