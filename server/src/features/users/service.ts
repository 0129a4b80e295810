import { type User, type UserCreate, type UserUpdate, compareSwedish, scopeProblem } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { assertUsablePassword } from "../../platform/auth/password-policy.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { countyExists, countyOfMunicipality } from "../municipalities/service.js";
import * as repo from "./repository.js";

export function toUser(row: repo.UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as User["role"],
    county: row.countyCode,
    municipality: row.municipalityCode,
    countyHead: row.countyHead,
    readOnly: row.readOnly,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Never passwords or hashes in the audit log. */
const summary = (u: repo.UserRow) => {
  const { passwordHash: _h, createdAt: _c, updatedAt: _u, ...rest } = u;
  return rest;
};

type Placement = Pick<repo.UserRow, "role" | "countyCode">;

/** A county head manages only their own county's officers and its municipalities' users. */
function manages(actor: Actor, user: Placement): boolean {
  if (actor.role === "admin") return true;
  return (
    actor.role === "county" &&
    actor.countyHead &&
    (user.role === "county" || user.role === "municipality") &&
    user.countyCode === actor.county
  );
}

export async function listUsers(
  db: Db,
  actor: Actor,
  query: { q?: string; role?: User["role"]; county?: string; limit: number; offset: number },
) {
  authorize(actor, "users.read");
  const county = actor.role === "county" ? (actor.county ?? "--") : query.county;
  const rows = (await repo.findUsers(db, { ...query, county })).filter((u) => manages(actor, u));
  rows.sort((a, b) => compareSwedish(a.name, b.name) || a.email.localeCompare(b.email));
  return { items: rows.slice(query.offset, query.offset + query.limit).map(toUser), total: rows.length };
}

async function visibleUser(db: Db, actor: Actor, id: string) {
  authorize(actor, "users.read");
  const row = await repo.findUser(db, id);
  if (!row || !manages(actor, row)) throw NotFound("Användaren finns inte.");
  return row;
}

export async function getUser(db: Db, actor: Actor, id: string) {
  return toUser(await visibleUser(db, actor, id));
}

/** Checks role, scope and flags, and fills in a municipality user's county. */
async function placement(
  db: Db,
  actor: Actor,
  u: { role: User["role"]; county: string | null; municipality: string | null; countyHead: boolean; readOnly: boolean },
) {
  let county = u.county;
  if (u.role === "municipality" && u.municipality) {
    const found = await countyOfMunicipality(db, u.municipality);
    if (!found) throw Invalid(`Kommunen ${u.municipality} finns inte.`);
    if (county && county !== found) throw Invalid("Kommunen hör inte till det angivna länet.");
    county = found;
  }
  const problem = scopeProblem({ ...u, county: u.role === "municipality" ? null : county });
  if (problem) throw Invalid(problem);
  if (county && u.role === "county" && !(await countyExists(db, county))) throw Invalid(`Länet ${county} finns inte.`);
  if (!manages(actor, { role: u.role, countyCode: county }))
    throw Forbidden("Du kan bara hantera användare i ditt eget län.");
  return { countyCode: county, municipalityCode: u.role === "municipality" ? u.municipality : null };
}

export async function createUser(db: Db, ctx: ActorContext, input: UserCreate): Promise<User> {
  authorize(ctx.actor, "users.write");
  const place = await placement(db, ctx.actor, input);
  if (await repo.findUserByEmail(db, input.email))
    throw Conflict("Det finns redan en användare med den e-postadressen.");
  assertUsablePassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      ...place,
      countyHead: input.countyHead,
      readOnly: input.readOnly,
      passwordHash,
    });
    await recordAudit(tx, ctx, {
      action: "users.create",
      entityType: "user",
      entityId: created.id,
      after: summary(created),
    });
    return created;
  });
  return toUser(row);
}

export async function updateUser(db: Db, ctx: ActorContext, id: string, input: UserUpdate): Promise<User> {
  authorize(ctx.actor, "users.write");
  const before = await visibleUser(db, ctx.actor, id);
  const next = {
    role: input.role ?? (before.role as User["role"]),
    county: input.county !== undefined ? input.county : before.countyCode,
    municipality: input.municipality !== undefined ? input.municipality : before.municipalityCode,
    countyHead: input.countyHead ?? before.countyHead,
    readOnly: input.readOnly ?? before.readOnly,
  };
  if (next.role !== "municipality") next.municipality = input.municipality ?? null;
  if (next.role === "municipality" && input.county === undefined) next.county = null;
  if (next.role !== "county") next.countyHead = input.countyHead ?? false;
  if (next.role !== "municipality") next.readOnly = input.readOnly ?? false;
  if (next.role === "agency" || next.role === "admin") next.county = input.county ?? null;
  if (id === ctx.actor.id && (input.active === false || (input.role && input.role !== before.role)))
    throw Forbidden("Du kan inte inaktivera ditt eget konto eller ändra din egen roll.");
  const place = await placement(db, ctx.actor, next);
  if (input.password) assertUsablePassword(input.password, { email: before.email, name: input.name ?? before.name });
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const row = await db.transaction(async (tx) => {
    const updated = await repo.updateUser(tx, id, {
      name: input.name ?? before.name,
      role: next.role,
      ...place,
      countyHead: next.countyHead,
      readOnly: next.readOnly,
      active: input.active ?? before.active,
      ...(passwordHash ? { passwordHash } : {}),
      updatedAt: ctx.clock.now(),
    });
    const leftCounty =
      before.role === "county" &&
      (updated.role !== "county" || updated.countyCode !== before.countyCode || !updated.active);
    if (leftCounty) await repo.clearResponsibility(tx, id);
    const moved =
      updated.role !== before.role ||
      updated.countyCode !== before.countyCode ||
      updated.municipalityCode !== before.municipalityCode ||
      !updated.active;
    // The system actor (command-line tools) has no user row to record as the withdrawer.
    const withdrawn =
      moved && ctx.actor.id !== "system" ? await repo.withdrawClearancesOf(tx, id, ctx.actor.id, ctx.clock.now()) : 0;
    if (passwordHash || !updated.active || updated.role !== before.role) await repo.endSessionsOf(tx, id);
    await recordAudit(tx, ctx, {
      action: "users.update",
      entityType: "user",
      entityId: id,
      before: summary(before),
      after: {
        ...summary(updated),
        ...(passwordHash ? { passwordChanged: true } : {}),
        ...(withdrawn ? { clearancesWithdrawn: withdrawn } : {}),
      },
    });
    return updated;
  });
  return toUser(row);
}
