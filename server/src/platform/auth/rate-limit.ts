import { lt } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { loginAttempts } from "../../db/schema/index.js";

/*
 * The log of login attempts. The throttling itself (counted and decided atomically, before the password is
 * checked) is the auth feature's: `features/auth/repository.ts`.
 */

export async function recordLoginAttempt(
  db: Executor,
  attempt: { email: string; address: string; success: boolean; at: Date },
): Promise<void> {
  await db.insert(loginAttempts).values(attempt);
}

export async function purgeOldAttempts(db: Executor, before: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
}
