import { type Clearance, type ClearanceCreate, type ClearanceQuery, type Role, compareSwedish } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import { isClearanceActive } from "../../platform/confidentiality/index.js";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { countyExists, countyOfMunicipality } from "../municipalities/service.js";
import * as repo from "./repository.js";

export function toClearance(row: repo.ClearanceRow, today: string): Clearance {
  return {
    id: row.id,
    user: { id: row.userId, name: row.userName, email: row.userEmail, role: row.userRole as Role },
    county: row.countyCode,
    municipality: row.municipalityCode,
    undertakingSignedOn: row.undertakingSignedOn,
    validUntil: row.validUntil,
    note: row.note,
    grantedBy: { id: row.grantedById, name: row.grantedByName },
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt ? row.withdrawnAt.toISOString() : null,
    withdrawnBy: row.withdrawnById ? { id: row.withdrawnById, name: row.withdrawnByName ?? "" } : null,
    active: isClearanceActive(row, today),
  };
}

/** What the audit log keeps of a clearance: who, scope and dates; never the note's text. */
function summary(c: Clearance) {
  return {
    userId: c.user.id,
    county: c.county,
    municipality: c.municipality,
    undertakingSignedOn: c.undertakingSignedOn,
    validUntil: c.validUntil,
    hasNote: c.note !== null,
    withdrawnAt: c.withdrawnAt,
    withdrawnBy: c.withdrawnBy?.id ?? null,
  };
}

/** Whom the actor may grant clearances to at all: a county head their own county's users; an admin anyone's. */
function manages(actor: Actor, user: { role: string; countyCode: string | null }): boolean {
  if (actor.role === "admin") return true;
  return (
    actor.role === "county" &&
    actor.countyHead &&
    (user.role === "county" || user.role === "municipality") &&
    user.countyCode === actor.county
  );
}

/** A clearance's county lies within what the actor manages. */
function managesCounty(actor: Actor, county: string): boolean {
  return actor.role === "admin" || (actor.role === "county" && actor.countyHead && actor.county === county);
}

/**
 * A county head sees their own county's clearances and an admin every county's, whatever the query asks;
 * anyone may list their own (`userId` = self). Filters narrow within that.
 */
export async function listClearances(db: Db, actor: Actor, clock: Clock, query: ClearanceQuery) {
  const own = query.userId === actor.id;
  if (!own) authorize(actor, "clearances.read");
  const rows = await repo.findClearances(db, {
    county: query.county,
    municipality: query.municipality,
    userId: query.userId,
  });
  const today = clock.today();
  const items = rows
    .filter((r) => own || managesCounty(actor, r.countyCode))
    .map((r) => toClearance(r, today))
    .filter((c) => query.includeInactive || c.active)
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        compareSwedish(a.user.name, b.user.name) ||
        (a.municipality ?? "").localeCompare(b.municipality ?? "") ||
        b.grantedAt.localeCompare(a.grantedAt),
    );
  return { items, total: items.length };
}

async function visibleClearance(db: Db, actor: Actor, id: string) {
  const row = await repo.findClearance(db, id);
  if (!row || !managesCounty(actor, row.countyCode)) throw NotFound("Behörigheten finns inte.");
  return row;
}

export async function grantClearance(db: Db, ctx: ActorContext, input: ClearanceCreate): Promise<Clearance> {
  const { actor, clock } = ctx;
  authorize(actor, "clearances.write");
  const today = clock.today();
  if (input.undertakingSignedOn > today)
    throw Invalid("Sekretessförbindelsen kan inte vara undertecknad ett datum som inte har inträffat ännu.");
  if (input.validUntil !== null && input.validUntil < input.undertakingSignedOn)
    throw Invalid("Slutdatumet kan inte vara före datumet då sekretessförbindelsen undertecknades.");
  if (input.validUntil !== null && input.validUntil < today)
    throw Invalid("Slutdatumet har redan passerat. En behörighet måste gälla minst till och med i dag.");
  if (!(await countyExists(db, input.county))) throw Invalid(`Länet ${input.county} finns inte.`);
  if (input.municipality !== null) {
    const county = await countyOfMunicipality(db, input.municipality);
    if (!county) throw Invalid(`Kommunen ${input.municipality} finns inte.`);
    if (county !== input.county) throw Invalid(`Kommunen ${input.municipality} hör inte till län ${input.county}.`);
  }

  // Like the users feature: a user outside what the actor manages does not exist for them (404);
  // a county head naming another county is refused (403).
  const user = await repo.findUser(db, input.userId);
  if (!user || !manages(actor, user)) throw NotFound("Användaren finns inte.");
  if (!managesCounty(actor, input.county)) throw Forbidden("Du kan bara ge behörighet i ditt eget län.");
  if (!user.active) throw Invalid("Användaren är inaktiverad och kan inte få behörighet.");
  // Two people for every clearance: nobody clears themself, and a county head is cleared by an admin, so that a
  // county head cannot make a second county head and clear them.
  if (user.id === actor.id) throw Forbidden("Du kan inte ge dig själv behörighet till sekretessbelagda uppgifter.");
  if (user.countyHead && actor.role !== "admin")
    throw Forbidden("Bara en systemadministratör kan ge en enhetschef behörighet till sekretessbelagda uppgifter.");
  const fits =
    input.municipality === null
      ? user.role === "county" && user.countyCode === input.county
      : (user.role === "county" && user.countyCode === input.county) ||
        (user.role === "municipality" && user.municipalityCode === input.municipality);
  if (!fits)
    throw Invalid(
      input.municipality === null
        ? "Behörighet för hela länet kan bara ges till en handläggare vid länsstyrelsen i samma län."
        : "Behörigheten kan bara ges till en handläggare vid länsstyrelsen i samma län eller en användare i kommunen.",
    );

  const clearance = await db.transaction(async (tx) => {
    const id = await repo.insertClearance(tx, {
      userId: user.id,
      countyCode: input.county,
      municipalityCode: input.municipality,
      undertakingSignedOn: input.undertakingSignedOn,
      validUntil: input.validUntil,
      note: input.note || null,
      grantedBy: actor.id,
      grantedAt: clock.now(),
    });
    const created = toClearance((await repo.findClearance(tx, id))!, today);
    await recordAudit(tx, ctx, {
      action: "clearances.grant",
      entityType: "clearance",
      entityId: id,
      after: summary(created),
    });
    return created;
  });
  return clearance;
}

export async function withdrawClearance(db: Db, ctx: ActorContext, id: string): Promise<Clearance> {
  const { actor, clock } = ctx;
  authorize(actor, "clearances.write");
  const before = await visibleClearance(db, actor, id);
  if (before.withdrawnAt) throw Conflict("Behörigheten är redan återkallad.");
  const today = clock.today();
  return db.transaction(async (tx) => {
    if (!(await repo.withdrawClearance(tx, id, actor.id, clock.now())))
      throw Conflict("Behörigheten är redan återkallad.");
    const after = toClearance((await repo.findClearance(tx, id))!, today);
    await recordAudit(tx, ctx, {
      action: "clearances.withdraw",
      entityType: "clearance",
      entityId: id,
      before: summary(toClearance(before, today)),
      after: summary(after),
    });
    return after;
  });
}
