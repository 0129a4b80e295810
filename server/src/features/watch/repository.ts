import { forgetReferenceData } from "../../platform/cache/reference-cache.js";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  calendarTokens,
  counties,
  dialogueEntries,
  dialogueFollowUps,
  municipalities,
  reminderClaims,
  reminderPreferences,
  users,
} from "../../db/schema/index.js";

export async function findUser(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      county: users.countyCode,
      municipality: users.municipalityCode,
      countyHead: users.countyHead,
      readOnly: users.readOnly,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** Moves every municipality of the county from one responsible officer to another. */
export function moveMunicipalities(tx: Executor, county: string, fromUserId: string, toUserId: string) {
  forgetReferenceData();
  return tx
    .update(municipalities)
    .set({ responsibleOfficerId: toUserId })
    .where(and(eq(municipalities.countyCode, county), eq(municipalities.responsibleOfficerId, fromUserId)))
    .returning({ code: municipalities.code, name: municipalities.name });
}

/**
 * Gives the open dialogue follow-up items of the county's entries that a user owns to another user, and those
 * owned by a named person outside the system that the user watches (as watcher, or as the author when no one
 * else has been set).
 */
export async function moveOpenFollowUps(tx: Executor, county: string, fromUserId: string, toUserId: string) {
  const inCounty = (author?: string) =>
    tx
      .select({ id: dialogueEntries.id })
      .from(dialogueEntries)
      .where(and(eq(dialogueEntries.countyCode, county), author ? eq(dialogueEntries.authorId, author) : undefined));
  const open = isNull(dialogueFollowUps.doneAt);
  const owned = await tx
    .update(dialogueFollowUps)
    .set({ ownerUserId: toUserId })
    .where(and(eq(dialogueFollowUps.ownerUserId, fromUserId), open, inArray(dialogueFollowUps.entryId, inCounty())))
    .returning({ id: dialogueFollowUps.id });
  const watched = await tx
    .update(dialogueFollowUps)
    .set({ watcherUserId: toUserId })
    .where(
      and(
        isNull(dialogueFollowUps.ownerUserId),
        open,
        or(
          and(eq(dialogueFollowUps.watcherUserId, fromUserId), inArray(dialogueFollowUps.entryId, inCounty())),
          and(isNull(dialogueFollowUps.watcherUserId), inArray(dialogueFollowUps.entryId, inCounty(fromUserId))),
        ),
      ),
    )
    .returning({ id: dialogueFollowUps.id });
  return [...owned, ...watched];
}

export function findPreferences(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.select().from(reminderPreferences).where(inArray(reminderPreferences.userId, userIds));
}

export async function savePreferences(tx: Executor, userId: string, kinds: { kind: string; enabled: boolean }[]) {
  if (kinds.length === 0) return;
  await tx
    .insert(reminderPreferences)
    .values(kinds.map((k) => ({ userId, kind: k.kind, enabled: k.enabled })))
    .onConflictDoUpdate({
      target: [reminderPreferences.userId, reminderPreferences.kind],
      set: { enabled: sql`excluded.enabled` },
    });
}

/** Who may receive reminders: the active users named, and the active coordinators (not read-only) of the municipalities. */
export function findRecipients(db: Executor, userIds: string[], municipalityCodes: string[]) {
  if (userIds.length === 0 && municipalityCodes.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      municipality: users.municipalityCode,
      readOnly: users.readOnly,
    })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(
          userIds.length ? inArray(users.id, userIds) : undefined,
          municipalityCodes.length
            ? and(
                eq(users.role, "municipality"),
                eq(users.readOnly, false),
                inArray(users.municipalityCode, municipalityCodes),
              )
            : undefined,
        ),
      ),
    );
}

/** The claims already made for these items. */
export function findClaims(db: Executor, itemKeys: string[]) {
  if (itemKeys.length === 0) return Promise.resolve([]);
  return db
    .select({
      itemKey: reminderClaims.itemKey,
      threshold: reminderClaims.threshold,
      recipientId: reminderClaims.recipientId,
      due: reminderClaims.due,
      outcome: reminderClaims.outcome,
    })
    .from(reminderClaims)
    .where(inArray(reminderClaims.itemKey, itemKeys));
}

export type ClaimRow = typeof reminderClaims.$inferInsert;

/**
 * Claims reminders: a row is inserted, or an earlier claim for another due date (the date was moved) is taken
 * over. Returns only the rows this call won: with several processes on one database, exactly one wins each.
 */
export function claim(db: Executor, rows: ClaimRow[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insert(reminderClaims)
    .values(rows)
    .onConflictDoUpdate({
      target: [reminderClaims.itemKey, reminderClaims.threshold, reminderClaims.recipientId],
      set: {
        due: sql`excluded.due`,
        claimedAt: sql`excluded.claimed_at`,
        outcome: sql`excluded.outcome`,
        sentAt: null,
        error: null,
      },
      setWhere: sql`${reminderClaims.due} <> excluded.due`,
    })
    .returning({
      itemKey: reminderClaims.itemKey,
      threshold: reminderClaims.threshold,
      recipientId: reminderClaims.recipientId,
      outcome: reminderClaims.outcome,
    });
}

/** Takes over a failed claim for another try; only one process wins it. */
export async function reclaimFailed(
  db: Executor,
  key: { itemKey: string; threshold: string; recipientId: string },
  claimedAt: Date,
) {
  const rows = await db
    .update(reminderClaims)
    .set({ outcome: "sent", claimedAt, error: null })
    .where(
      and(
        eq(reminderClaims.itemKey, key.itemKey),
        eq(reminderClaims.threshold, key.threshold),
        eq(reminderClaims.recipientId, key.recipientId),
        eq(reminderClaims.outcome, "failed"),
      ),
    )
    .returning({ itemKey: reminderClaims.itemKey });
  return rows.length === 1;
}

export async function markClaims(
  db: Executor,
  keys: { itemKey: string; threshold: string; recipientId: string }[],
  values: { outcome: "sent"; sentAt: Date } | { outcome: "failed"; error: string },
) {
  for (const k of keys)
    await db
      .update(reminderClaims)
      .set(values)
      .where(
        and(
          eq(reminderClaims.itemKey, k.itemKey),
          eq(reminderClaims.threshold, k.threshold),
          eq(reminderClaims.recipientId, k.recipientId),
        ),
      );
}

export async function findActiveToken(db: Executor, userId: string) {
  const [row] = await db
    .select({ id: calendarTokens.id, createdAt: calendarTokens.createdAt })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)))
    .limit(1);
  return row;
}

export function revokeTokens(tx: Executor, userId: string, at: Date) {
  return tx
    .update(calendarTokens)
    .set({ revokedAt: at })
    .where(and(eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)))
    .returning({ id: calendarTokens.id });
}

export async function insertToken(tx: Executor, userId: string, tokenHash: string, at: Date) {
  const [row] = await tx
    .insert(calendarTokens)
    .values({ userId, tokenHash, createdAt: at })
    .returning({ id: calendarTokens.id });
  return row!.id;
}

/** The active user behind a live (unrevoked) feed token. */
export async function findTokenUser(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      county: users.countyCode,
      municipality: users.municipalityCode,
      countyHead: users.countyHead,
      readOnly: users.readOnly,
    })
    .from(calendarTokens)
    .innerJoin(users, eq(users.id, calendarTokens.userId))
    .where(and(eq(calendarTokens.tokenHash, tokenHash), isNull(calendarTokens.revokedAt), eq(users.active, true)))
    .limit(1);
  return row;
}

/** Every county's name, for the watch items' county (21 rows). */
export function findCountyNames(db: Executor) {
  return db.select({ code: counties.code, name: counties.name }).from(counties);
}
