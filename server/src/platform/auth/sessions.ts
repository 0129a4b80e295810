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
  await db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

export async function purgeExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** The actor behind a cookie token, or null when unknown, expired or deactivated. */
export async function actorForToken(db: Executor, token: string, now: Date): Promise<Actor | null> {
  const id = tokenId(token);
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
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  return { ...row, role: row.role as Actor["role"], sessionId: id };
}
