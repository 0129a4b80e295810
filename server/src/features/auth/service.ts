import type { DemoAccounts, LoginBody, LoginThrottle, LoginThrottleList, Me } from "@uppsikt/core";
import { DEMO_PASSWORD, isDemoDatabase, shownDemoAccounts } from "../../db/seed/demo.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { findUserByEmail } from "../users/repository.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { dummyHash, verifyPassword } from "../../platform/auth/passwords.js";
import { recordLoginAttempt } from "../../platform/auth/rate-limit.js";
import { createSession, deleteSession } from "../../platform/auth/sessions.js";
import type { Clock } from "../../platform/clock.js";
import { AppError, NotFound, RateLimited } from "../../platform/errors.js";
import {
  type ThrottleRow,
  type ThrottleScope,
  type ThrottleSettings,
  listActiveThrottles,
  liftThrottle,
  reserveAttempt,
  scopeOf,
  settleSuccess,
  ANY,
} from "./repository.js";

export function toMe(
  a: Pick<Actor, "id" | "email" | "name" | "role" | "county" | "municipality" | "countyHead" | "readOnly">,
): Me {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    county: a.county,
    municipality: a.municipality,
    countyHead: a.countyHead,
    readOnly: a.readOnly,
  };
}

/**
 * The demo accounts, only when demo data is switched on and the database holds the demo accounts: a real
 * deployment (DEMO_DATA=false, or a database of real users) lists none.
 */
export async function demoAccounts(db: Db, config: Pick<Config, "DEMO_DATA">): Promise<DemoAccounts> {
  if (!config.DEMO_DATA || !(await isDemoDatabase(db))) return { password: null, accounts: [] };
  return { password: DEMO_PASSWORD, accounts: shownDemoAccounts() };
}

interface LoginInput extends LoginBody {
  address: string;
  previousToken?: string;
  requestId: string;
}

export function throttleSettings(config: Config): ThrottleSettings {
  return {
    pairFailures: config.LOGIN_THROTTLE_PAIR_FAILURES,
    accountFailures: config.LOGIN_THROTTLE_ACCOUNT_FAILURES,
    baseDelayMs: config.LOGIN_THROTTLE_BASE_SECONDS * 1000,
    maxDelayMs: config.LOGIN_THROTTLE_MAX_MINUTES * 60_000,
    addressAttempts: config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    addressWindowMs: config.LOGIN_WINDOW_MINUTES * 60_000,
  };
}

/** "30 sekunder", "2 minuter", "15 minuter": how long to wait, rounded up. */
export function waitText(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return `${seconds} ${seconds === 1 ? "sekund" : "sekunder"}`;
  }
  const minutes = Math.ceil(ms / 60_000);
  return `${minutes} ${minutes === 1 ? "minut" : "minuter"}`;
}

const THROTTLED: Record<ThrottleScope, string> = {
  pair: "För många misslyckade inloggningar för kontot från din adress.",
  account: "För många misslyckade inloggningar för kontot.",
  address: "För många inloggningsförsök från din adress.",
};

export async function login(db: Db, config: Config, clock: Clock, input: LoginInput) {
  const now = clock.now();
  const settings = throttleSettings(config);
  // Counted and decided before the password is checked, under a row lock: parallel attempts cannot all pass.
  const reservation = await db.transaction(async (tx) => {
    const decided = await reserveAttempt(tx, input.email, input.address, now, settings);
    if (!decided.allowed)
      await recordLoginAttempt(tx, { email: input.email, address: input.address, success: false, at: now });
    return decided;
  });
  if (!reservation.allowed)
    throw RateLimited(
      `${THROTTLED[reservation.scope]} Vänta ${waitText(reservation.until.getTime() - now.getTime())} och försök igen.`,
    );
  const user = await findUserByEmail(db, input.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  const ctx = { requestId: input.requestId, clock };
  if (!user || !valid || !user.active) {
    await db.transaction(async (tx) => {
      await recordLoginAttempt(tx, { email: input.email, address: input.address, success: false, at: now });
      await recordAudit(
        tx,
        { ...ctx, actor: null },
        { action: "sessions.reject", entityType: "session", after: { email: input.email } },
      );
      for (const { row, scope } of reservation.started)
        await recordAudit(
          tx,
          { ...ctx, actor: null },
          {
            action: "loginThrottles.start",
            entityType: "loginThrottle",
            entityId: row.id,
            after: {
              scope,
              email: input.email,
              address: scope === "account" ? null : input.address,
              failures: row.failures,
              blockedUntil: row.blockedUntil?.toISOString() ?? null,
            },
          },
        );
    });
    throw new AppError(401, "unauthenticated", "Fel e-postadress eller lösenord.");
  }
  const actor: Actor = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Actor["role"],
    county: user.countyCode,
    municipality: user.municipalityCode,
    countyHead: user.countyHead,
    readOnly: user.readOnly,
    sessionId: null,
  };
  const session = await db.transaction(async (tx) => {
    // Rotation: the session a browser came with never survives a login.
    if (input.previousToken) await deleteSession(tx, input.previousToken);
    const created = await createSession(tx, user.id, now, config.SESSION_TTL_HOURS);
    await recordLoginAttempt(tx, { email: input.email, address: input.address, success: true, at: now });
    await settleSuccess(tx, input.email, input.address, now, settings);
    await recordAudit(tx, { ...ctx, actor }, { action: "sessions.create", entityType: "session", entityId: user.id });
    return created;
  });
  return { me: toMe(actor), session };
}

export async function logout(db: Db, clock: Clock, actor: Actor | null, token: string | undefined, requestId: string) {
  if (!token) return;
  await db.transaction(async (tx) => {
    await deleteSession(tx, token);
    if (actor)
      await recordAudit(
        tx,
        { actor, requestId, clock },
        { action: "sessions.delete", entityType: "session", entityId: actor.id },
      );
  });
}

function toLoginThrottle(row: ThrottleRow): LoginThrottle {
  return {
    id: row.id,
    scope: scopeOf(row),
    email: row.email === ANY ? null : row.email,
    address: row.address === ANY ? null : row.address,
    failures: row.failures,
    lastFailureAt: row.lastFailureAt?.toISOString() ?? null,
    blockedUntil: (row.blockedUntil ?? new Date(0)).toISOString(),
  };
}

/** The admin's list: every key that holds a delay now. */
export async function listThrottles(db: Db, clock: Clock): Promise<LoginThrottleList> {
  return { items: (await listActiveThrottles(db, clock.now())).map(toLoginThrottle) };
}

/** The admin lifts a delay: the key's count starts over; audited. */
export async function liftLoginThrottle(db: Db, clock: Clock, actor: Actor, id: string, requestId: string) {
  await db.transaction(async (tx) => {
    const before = await liftThrottle(tx, id, clock.now());
    if (!before) throw NotFound("Spärren finns inte.");
    await recordAudit(
      tx,
      { actor, requestId, clock },
      {
        action: "loginThrottles.lift",
        entityType: "loginThrottle",
        entityId: id,
        before: toLoginThrottle(before),
        after: { failures: 0, blockedUntil: null },
      },
    );
  });
  return { ok: true as const };
}
