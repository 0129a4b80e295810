import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { loginAttempts } from "../../db/schema/index.js";

export interface LoginLimits {
  maxFailuresPerAccount: number;
  maxAttemptsPerAddress: number;
  windowMinutes: number;
}

/** Counted in the database, so the limits hold across restarts and several server processes. */
export async function loginBlocked(
  db: Executor,
  email: string,
  address: string,
  now: Date,
  limits: LoginLimits,
): Promise<"account" | "address" | null> {
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const [byAddress] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.address, address), gt(loginAttempts.at, since)));
  if ((byAddress?.n ?? 0) >= limits.maxAttemptsPerAddress) return "address";
  const [failures] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  if ((failures?.n ?? 0) >= limits.maxFailuresPerAccount) return "account";
  return null;
}

export async function recordLoginAttempt(
  db: Executor,
  attempt: { email: string; address: string; success: boolean; at: Date },
): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

export async function purgeOldAttempts(db: Executor, before: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
}
