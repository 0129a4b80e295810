import {
  type Agreement,
  type AgreementInput,
  type AppConfig,
  type MandatePeriod,
  type Period,
  nationalPeriodOn,
  nationalPeriods,
} from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import type { agreements } from "../../db/schema/index.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import { Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./agreements-repository.js";

/** The mandate periods as the national rules in force today know them (election years, period length). */
async function periodsToday(db: Executor, clock: Clock) {
  const { rules } = await nationalRulesReader(db).on(clock.today());
  return { all: nationalPeriods(rules), current: nationalPeriodOn(rules, clock.today()) };
}

export async function listPeriods(db: Executor, clock: Clock): Promise<{ items: Period[]; total: number }> {
  const { all, current } = await periodsToday(db, clock);
  const items = all.map((p) => ({ ...p, current: p.id === current.id }));
  return { items, total: items.length };
}

/** The period a request names, or the current one; 400 for a period the system does not know. */
export async function resolvePeriod(db: Executor, clock: Clock, period: number | undefined): Promise<MandatePeriod> {
  const { all, current } = await periodsToday(db, clock);
  if (period === undefined) return current;
  const found = all.find((p) => p.id === period);
  if (!found) throw Invalid(`Mandatperioden ${period} finns inte. Ange periodens första år, t.ex. 2023.`);
  return found;
}

export async function appConfig(db: Executor, clock: Clock, agencyName: string, version: string): Promise<AppConfig> {
  const { current } = await periodsToday(db, clock);
  return { agencyName, version, today: clock.today(), currentPeriod: current.id };
}

/** Periods an agreement running over [firstYear, lastYear] touches. */
const periodsOverlapping = (periods: MandatePeriod[], firstYear: number, lastYear: number) =>
  periods.filter((p) => p.firstYear <= lastYear && p.lastYear >= firstYear).map((p) => p.id);

async function toAgreements(db: Executor, clock: Clock, rows: (typeof agreements.$inferSelect)[]) {
  const { all } = await periodsToday(db, clock);
  return rows.map((r) => toAgreement(r, all));
}

function toAgreement(row: typeof agreements.$inferSelect, periods: MandatePeriod[]): Agreement {
  return {
    id: row.id,
    kind: row.kind as Agreement["kind"],
    title: row.title,
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    registrationNumber: row.registrationNumber,
    taskAreas: row.taskAreas,
    note: row.note,
    periods: periodsOverlapping(periods, row.firstYear, row.lastYear),
  };
}

export async function listAgreements(db: Db, actor: Actor, clock: Clock, period?: number) {
  authorize(actor, "agreements.read");
  const items = (await toAgreements(db, clock, await repo.findAgreements(db))).filter(
    (a) => period === undefined || a.periods.includes(period),
  );
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
  return (await toAgreements(db, ctx.clock, [row]))[0]!;
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
  return (await toAgreements(db, ctx.clock, [row]))[0]!;
}
