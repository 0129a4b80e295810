import type { LoginBody, Me } from "@uppsikt/core";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { findUserByEmail } from "../users/repository.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { dummyHash, verifyPassword } from "../../platform/auth/passwords.js";
import { loginBlocked, recordLoginAttempt } from "../../platform/auth/rate-limit.js";
import { createSession, deleteSession } from "../../platform/auth/sessions.js";
import type { Clock } from "../../platform/clock.js";
import { AppError, RateLimited } from "../../platform/errors.js";

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

interface LoginInput extends LoginBody {
  address: string;
  previousToken?: string;
  requestId: string;
}

export async function login(db: Db, config: Config, clock: Clock, input: LoginInput) {
  const now = clock.now();
  const blocked = await loginBlocked(db, input.email, input.address, now, {
    maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxAttemptsPerAddress: config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    windowMinutes: config.LOGIN_WINDOW_MINUTES,
  });
  if (blocked) {
    await recordLoginAttempt(db, { email: input.email, address: input.address, success: false, at: now });
    throw RateLimited(
      blocked === "account"
        ? `För många misslyckade inloggningar för kontot. Vänta ${config.LOGIN_WINDOW_MINUTES} minuter och försök igen.`
        : `För många inloggningsförsök från din adress. Vänta ${config.LOGIN_WINDOW_MINUTES} minuter och försök igen.`,
    );
  }
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
