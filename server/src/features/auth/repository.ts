import { loginThrottleDelayMs } from "@uppsikt/core";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client.js";
import { ANY, loginThrottles } from "./schema.js";

export { ANY };

export type ThrottleRow = typeof loginThrottles.$inferSelect;
export type ThrottleScope = "pair" | "account" | "address";

export interface ThrottleSettings {
  pairFailures: number;
  accountFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  addressAttempts: number;
  addressWindowMs: number;
}

/** The window of the pair and account counters. */
const FAILURE_WINDOW_MS = 24 * 3_600_000;

export function scopeOf(row: Pick<ThrottleRow, "email" | "address">): ThrottleScope {
  return row.email === ANY ? "address" : row.address === ANY ? "account" : "pair";
}

export type Reservation =
  | { allowed: false; scope: ThrottleScope; until: Date }
  /** started: the keys whose delay this attempt began (or lengthened), should its password be wrong. */
  | { allowed: true; started: { row: ThrottleRow; scope: ThrottleScope }[] };

/**
 * Counts one login attempt and decides whether its password may be checked, under a row lock on its three counters
 * (one upsert locks them, in a fixed order, for the rest of the transaction). The attempt is counted as a failure
 * before the check, so parallel attempts cannot all pass a limit while their passwords are being checked; a
 * successful login gives its count back (`settleSuccess`).
 */
export async function reserveAttempt(
  tx: Tx,
  email: string,
  address: string,
  now: Date,
  s: ThrottleSettings,
): Promise<Reservation> {
  const keys = [
    { email: ANY, address },
    { email, address: ANY },
    { email, address },
  ];
  const rows = await tx
    .insert(loginThrottles)
    .values(keys.map((k) => ({ ...k, windowStart: now })))
    .onConflictDoUpdate({ target: [loginThrottles.email, loginThrottles.address], set: { email: sql`excluded.email` } })
    .returning();
  const find = (k: { email: string; address: string }) =>
    rows.find((r) => r.email === k.email && r.address === k.address)!;
  const [byAddress, account, pair] = keys.map(find) as [ThrottleRow, ThrottleRow, ThrottleRow];

  // Every attempt from an address counts, within a fixed window.
  const addressFresh = now.getTime() - byAddress.windowStart.getTime() >= s.addressWindowMs;
  const addressCount = addressFresh ? 0 : byAddress.failures;
  const addressStart = addressFresh ? now : byAddress.windowStart;
  if (addressCount >= s.addressAttempts) {
    const until = new Date(addressStart.getTime() + s.addressWindowMs);
    if (!byAddress.blockedUntil || byAddress.blockedUntil < until)
      await tx.update(loginThrottles).set({ blockedUntil: until }).where(eq(loginThrottles.id, byAddress.id));
    return { allowed: false, scope: "address", until };
  }
  await tx
    .update(loginThrottles)
    .set({ failures: addressCount + 1, windowStart: addressStart, lastFailureAt: now })
    .where(eq(loginThrottles.id, byAddress.id));

  for (const [row, scope] of [
    [account, "account"],
    [pair, "pair"],
  ] as const)
    if (row.blockedUntil && row.blockedUntil > now) return { allowed: false, scope, until: row.blockedUntil };

  const started: { row: ThrottleRow; scope: ThrottleScope }[] = [];
  for (const [row, scope, threshold] of [
    [account, "account", s.accountFailures],
    [pair, "pair", s.pairFailures],
  ] as const) {
    const fresh = now.getTime() - row.windowStart.getTime() >= FAILURE_WINDOW_MS;
    const failures = (fresh ? 0 : row.failures) + 1;
    const delay = loginThrottleDelayMs(failures, threshold, s.baseDelayMs, s.maxDelayMs);
    const [updated] = await tx
      .update(loginThrottles)
      .set({
        failures,
        windowStart: fresh ? now : row.windowStart,
        lastFailureAt: now,
        blockedUntil: delay === null ? null : new Date(now.getTime() + delay),
      })
      .where(eq(loginThrottles.id, row.id))
      .returning();
    if (delay !== null && updated) started.push({ row: updated, scope });
  }
  return { allowed: true, started };
}

/** A successful login: its pair starts over, and the account-wide count gets the reserved failure back. */
export async function settleSuccess(tx: Tx, email: string, address: string, now: Date, s: ThrottleSettings) {
  await tx
    .update(loginThrottles)
    .set({ failures: 0, windowStart: now, blockedUntil: null })
    .where(and(eq(loginThrottles.email, email), eq(loginThrottles.address, address)));
  await tx
    .update(loginThrottles)
    .set({
      failures: sql`greatest(${loginThrottles.failures} - 1, 0)`,
      blockedUntil: sql`case when ${loginThrottles.failures} - 1 < ${s.accountFailures} then null else ${loginThrottles.blockedUntil} end`,
    })
    .where(and(eq(loginThrottles.email, email), eq(loginThrottles.address, ANY)));
}

/** The keys that hold a delay now, longest first. */
export async function listActiveThrottles(db: Executor, now: Date): Promise<ThrottleRow[]> {
  return db
    .select()
    .from(loginThrottles)
    .where(gt(loginThrottles.blockedUntil, now))
    .orderBy(sql`${loginThrottles.blockedUntil} desc`, loginThrottles.email, loginThrottles.address);
}

/** Lifts a key's delay and starts its count over; the row before, or undefined when there is none. */
export async function liftThrottle(tx: Tx, id: string, now: Date): Promise<ThrottleRow | undefined> {
  const [before] = await tx.select().from(loginThrottles).where(eq(loginThrottles.id, id)).for("update");
  if (!before) return undefined;
  await tx
    .update(loginThrottles)
    .set({ failures: 0, windowStart: now, blockedUntil: null })
    .where(eq(loginThrottles.id, id));
  return before;
}
