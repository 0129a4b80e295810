import { and, eq, gt, lt } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { sessions, users } from "../../db/schema/index.js";
import type { Actor } from "../actor.js";
import { newToken, tokenId } from "./tokens.js";

export const SESSION_COOKIE = "uppsikt_session";

/** Creates a session row; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Executor,
  userId: string,
  now: Date,
  ttlHours: number,
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = newToken();
  const id = tokenId(token);
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ id, userId, createdAt: now, expiresAt });
  return { token, id, expiresAt };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  const id = tokenId(token);
  cache.delete(id);
  await db.delete(sessions).where(eq(sessions.id, id));
}

/**
 * Resolved sessions are kept for a few seconds, so that a burst of requests does not look the same session up each
 * time. Everything that ends a session or changes a user on this process forgets it at once (`deleteSession`,
 * `forgetSessionsOf`); another process sharing the database sees the change within CACHE_MS.
 */
export const SESSION_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { actor: Actor; expiresAt: Date; until: number }>();

/** Forget the cached sessions of a user whose account changed or whose sessions ended. */
export function forgetSessionsOf(userId: string): void {
  for (const [id, entry] of cache) if (entry.actor.id === userId) cache.delete(id);
}

export async function purgeExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** The actor behind a cookie token, or null when unknown, expired or deactivated. */
export async function actorForToken(db: Executor, token: string, now: Date): Promise<Actor | null> {
  const id = tokenId(token);
  const cached = cache.get(id);
  if (cached && cached.until > performance.now() && cached.expiresAt > now) return cached.actor;
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      county: users.countyCode,
      municipality: users.municipalityCode,
      countyHead: users.countyHead,
      readOnly: users.readOnly,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) {
    cache.delete(id);
    return null;
  }
  const { expiresAt, ...user } = row;
  const actor: Actor = { ...user, role: user.role as Actor["role"], sessionId: id };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(id, { actor, expiresAt, until: performance.now() + SESSION_CACHE_MS });
  return actor;
}
