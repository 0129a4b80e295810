import {
  type Agreement,
  type AgreementInput,
  type AppConfig,
  type Period,
  currentPeriodOn,
  findPeriod,
  knownPeriods,
  periodsOverlapping,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { agreements } from "../../db/schema/index.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import { Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import * as repo from "./agreements-repository.js";

export function listPeriods(clock: Clock): { items: Period[]; total: number } {
  const current = currentPeriodOn(clock.today()).id;
  const items = knownPeriods().map((p) => ({ ...p, current: p.id === current }));
  return { items, total: items.length };
}

/** The period a request names, or the current one; 400 for a period the system does not know. */
export function resolvePeriod(clock: Clock, period: number | undefined) {
  if (period === undefined) return currentPeriodOn(clock.today());
  const found = findPeriod(period);
  if (!found) throw Invalid(`Mandatperioden ${period} finns inte. Ange periodens första år, t.ex. 2023.`);
  return found;
}

export function appConfig(clock: Clock, agencyName: string, version: string): AppConfig {
  return { agencyName, version, today: clock.today(), currentPeriod: currentPeriodOn(clock.today()).id };
}

function toAgreement(row: typeof agreements.$inferSelect): Agreement {
  return {
    id: row.id,
    kind: row.kind as Agreement["kind"],
    title: row.title,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    registrationNumber: row.registrationNumber,
    taskAreas: row.taskAreas,
    note: row.note,
    periods: periodsOverlapping(row.firstYear, row.lastYear),
  };
}

export async function listAgreements(db: Db, actor: Actor, period?: number) {
  authorize(actor, "agreements.read");
  const items = (await repo.findAgreements(db))
    .map(toAgreement)
    .filter((a) => period === undefined || a.periods.includes(period));
  return { items, total: items.length };
}

function checkYears(input: AgreementInput) {
  if (input.firstYear > input.lastYear) throw Invalid("Första året kan inte vara senare än sista året.");
}

export async function createAgreement(db: Db, ctx: ActorContext, input: AgreementInput): Promise<Agreement> {
  authorize(ctx.actor, "agreements.write");
  checkYears(input);
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertAgreement(tx, input);
    await recordAudit(tx, ctx, {
      action: "agreements.create",
      entityType: "agreement",
      entityId: created.id,
      after: { ...input },
    });
    return created;
  });
  return toAgreement(row);
}

export async function updateAgreement(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: AgreementInput,
): Promise<Agreement> {
  authorize(ctx.actor, "agreements.write");
  checkYears(input);
  const row = await db.transaction(async (tx) => {
    const before = await repo.findAgreement(tx, id);
    if (!before) throw NotFound("Överenskommelsen finns inte.");
    const updated = await repo.updateAgreement(tx, id, input, ctx.clock.now());
    const { createdAt: _c, updatedAt: _u, id: _i, ...summary } = before;
    await recordAudit(tx, ctx, {
      action: "agreements.update",
      entityType: "agreement",
      entityId: id,
      before: summary,
      after: { ...input },
    });
    return updated;
  });
  return toAgreement(row);
}
