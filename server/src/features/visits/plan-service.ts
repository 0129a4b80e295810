import {
  type MandatePeriod,
  type PlanMunicipality,
  type PlanPriorityReason,
  type VisitPlanView,
  type VisitStatus,
  compareSwedish,
  countsTowardCoverage,
  proposeVisitPlan,
  visitCoverage,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { documentMatrix } from "../documents/service.js";
import { countOpenByMunicipality } from "../early-warnings/repository.js";
import { resolvePeriod } from "../reference/service.js";
import { latestOverallByMunicipality } from "./assessment-service.js";
import * as repo from "./repository.js";
import { plannedView, visibleTo } from "./views.js";

/*
 * The county's visit plan for a mandate period (R2.7-3, R2.7-1): a draft the county's officers edit, published by
 * a county head. Every change is a revision, kept with its reason and who made it.
 */

const NO_PLAN = "Länet har inte publicerat någon besöksplan för perioden.";

/** The default capacity: enough for half the municipalities to get two visits over the period's later years. */
const defaultCapacity = (municipalities: number, years: number) =>
  Math.max(1, Math.ceil((municipalities * 1.5) / Math.max(1, years)));

async function countyOf(db: Db, code: string) {
  const county = await repo.findCounty(db, code);
  if (!county) throw NotFound("Länet finns inte.");
  return county;
}

export async function getPlan(db: Db, ctx: ActorContext, county: string, periodId?: number): Promise<VisitPlanView> {
  authorize(ctx.actor, "visitPlans.read", { county });
  const [c, period] = await Promise.all([countyOf(db, county), resolvePeriod(db, ctx.clock, periodId)]);
  const plan = await repo.findPlan(db, county, period.id);
  const outside = ctx.actor.role !== "county";
  if (outside && !plan?.publishedAt) throw NotFound(NO_PLAN);
  const all = (await repo.findCountyMunicipalities(db, county)).sort((a, b) => compareSwedish(a.name, b.name));
  const shown = ctx.actor.role === "municipality" ? all.filter((m) => m.code === ctx.actor.municipality) : all;
  const visits = await repo.findVisitsOf(
    db,
    shown.map((m) => m.code),
    period.id,
  );
  const items = shown.map((m) => ({
    municipality: { code: m.code, name: m.name },
    visits: visits.filter((v) => v.municipalityCode === m.code && visibleTo(ctx.actor, v, plan)).map(plannedView),
  }));
  const revisions = plan && !outside ? await repo.findRevisions(db, plan.id) : [];
  return {
    county: { code: c.code, name: c.name },
    period: period.id,
    status: plan?.publishedAt ? "published" : "draft",
    revision: plan?.revision ?? 0,
    visitsPerYear: plan?.visitsPerYear ?? defaultCapacity(all.length, period.lastYear - period.firstYear),
    publishedAt: plan?.publishedAt?.toISOString() ?? null,
    coverage: visitCoverage(items.map((i) => ({ visits: i.visits }))),
    items,
    revisions: revisions.map((r) => ({ revision: r.revision, at: r.at.toISOString(), by: r.by, reason: r.reason })),
  };
}

/** Records a change of the plan as its next revision, in the transaction that makes it. */
export async function revise(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  ctx: ActorContext,
  plan: repo.PlanRow,
  reason: string,
  values: Partial<repo.PlanRow> = {},
) {
  const revision = plan.revision + 1;
  await repo.updatePlan(tx, plan.id, { ...values, revision, version: plan.version + 1 });
  await repo.insertRevision(tx, { planId: plan.id, revision, reason, at: ctx.clock.now(), by: ctx.actor.id });
  return revision;
}

/** Why a municipality needs an early and a second visit: the facts the proposal reads. */
async function priorities(db: Db, ctx: ActorContext, county: string, period: MandatePeriod) {
  const [matrix, warnings, previous] = await Promise.all([
    documentMatrix(db, ctx, county, { period: period.id }),
    countOpenByMunicipality(db, county),
    latestOverallByMunicipality(db, county, period.id - (period.lastYear - period.firstYear + 1)),
  ]);
  const reasons = new Map<string, PlanPriorityReason[]>();
  const add = (code: string, r: PlanPriorityReason) => reasons.set(code, [...(reasons.get(code) ?? []), r]);
  for (const [code, result] of previous) if (result === "notMet" || result === "partlyMet") add(code, "weakAssessment");
  for (const row of matrix.rows) {
    if (row.cells.some((c) => c.flags.includes("missing"))) add(row.municipality.code, "missingDocuments");
    if (row.cells.some((c) => c.flags.includes("late"))) add(row.municipality.code, "lateDocuments");
  }
  for (const [code, n] of warnings) if (n > 0) add(code, "openWarnings");
  return reasons;
}

/**
 * Replaces the plan's planned visits with the system's proposal (held and cancelled visits stay); a municipality
 * with a held visit gets that many fewer. A new revision.
 */
export async function proposePlan(
  db: Db,
  ctx: ActorContext,
  county: string,
  input: { period?: number; visitsPerYear?: number },
): Promise<VisitPlanView> {
  authorize(ctx.actor, "visitPlans.write", { county });
  await countyOf(db, county);
  const period = await resolvePeriod(db, ctx.clock, input.period);
  const municipalities = await repo.findCountyMunicipalities(db, county);
  const reasons = await priorities(db, ctx, county, period);
  await db.transaction(async (tx) => {
    const plan = await repo.lockPlan(
      tx,
      county,
      period.id,
      input.visitsPerYear ?? defaultCapacity(municipalities.length, period.lastYear - period.firstYear),
    );
    const visitsPerYear = input.visitsPerYear ?? plan.visitsPerYear;
    const codes = municipalities.map((m) => m.code);
    await repo.deletePlannedVisits(tx, codes, period.id);
    const kept = (await repo.findVisitsOf(tx, codes, period.id)).filter(countsTowardCoverage);
    const held = (code: string) => kept.filter((v) => v.municipalityCode === code).length;
    const facts: PlanMunicipality[] = municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      officerId: m.officerId,
      priority: reasons.get(m.code) ?? [],
    }));
    const proposal = proposeVisitPlan({ period, visitsPerYear, municipalities: facts });
    const rows = municipalities.flatMap((m) => {
      const mine = proposal.filter((p) => p.municipality === m.code).slice(held(m.code));
      return mine.map((p) => ({
        municipalityCode: m.code,
        period: period.id,
        planned: p.planned,
        kind: held(m.code) > 0 ? ("later" as const) : p.kind,
        reason: p.reason,
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor.id,
        updatedAt: ctx.clock.now(),
      }));
    });
    await repo.insertVisits(tx, rows);
    const revision = await revise(
      tx,
      ctx,
      plan,
      `Förslag från systemet: ${rows.length} besök, ${visitsPerYear} per år.`,
      {
        visitsPerYear,
      },
    );
    await recordAudit(tx, ctx, {
      action: "visitPlans.propose",
      entityType: "visitPlan",
      entityId: plan.id,
      after: { county, period: period.id, visits: rows.length, visitsPerYear, revision },
    });
  });
  return getPlan(db, ctx, county, period.id);
}

/** The plan's settings: the county's capacity (visits per year). */
export async function updatePlanSettings(
  db: Db,
  ctx: ActorContext,
  county: string,
  input: { period?: number; visitsPerYear: number; version: number; reason?: string },
): Promise<VisitPlanView> {
  authorize(ctx.actor, "visitPlans.write", { county });
  await countyOf(db, county);
  const period = await resolvePeriod(db, ctx.clock, input.period);
  await db.transaction(async (tx) => {
    const plan = await repo.lockPlan(tx, county, period.id, input.visitsPerYear);
    if (plan.version !== input.version && plan.revision > 0)
      throw Conflict("Besöksplanen har ändrats sedan du öppnade den. Ladda om och gör ändringen igen.", {
        version: plan.version,
      });
    const reason = input.reason?.trim() || `Kapaciteten ändrad till ${input.visitsPerYear} besök per år.`;
    await revise(tx, ctx, plan, reason, { visitsPerYear: input.visitsPerYear });
    await recordAudit(tx, ctx, {
      action: "visitPlans.update",
      entityType: "visitPlan",
      entityId: plan.id,
      before: { visitsPerYear: plan.visitsPerYear },
      after: { visitsPerYear: input.visitsPerYear },
    });
  });
  return getPlan(db, ctx, county, period.id);
}

/** A county head publishes the plan: each municipality's planned visits become visible to its users (R2.7-3). */
export async function publishPlan(
  db: Db,
  ctx: ActorContext,
  county: string,
  input: { period?: number; reason?: string },
): Promise<VisitPlanView> {
  authorize(ctx.actor, "visitPlans.publish", { county });
  await countyOf(db, county);
  const period = await resolvePeriod(db, ctx.clock, input.period);
  const municipalities = await repo.findCountyMunicipalities(db, county);
  await db.transaction(async (tx) => {
    const plan = await repo.findPlan(tx, county, period.id);
    const visits = await repo.findVisitsOf(
      tx,
      municipalities.map((m) => m.code),
      period.id,
    );
    if (!plan || visits.length === 0)
      throw Invalid("Besöksplanen har inga besök. Låt systemet föreslå en plan eller lägg in besök först.");
    const locked = await repo.lockPlan(tx, county, period.id, plan.visitsPerYear);
    const revision = await revise(tx, ctx, locked, input.reason?.trim() || "Planen publicerad för kommunerna.", {
      publishedAt: ctx.clock.now(),
      publishedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "visitPlans.publish",
      entityType: "visitPlan",
      entityId: plan.id,
      after: { county, period: period.id, revision, visits: visits.length },
    });
  });
  return getPlan(db, ctx, county, period.id);
}

/** The agency's view: coverage per county and for the nation, from published plans and held visits. */
export async function nationalCoverage(db: Db, ctx: ActorContext, periodId?: number) {
  authorize(ctx.actor, "visits.nationalCoverage");
  const period = await resolvePeriod(db, ctx.clock, periodId);
  const [municipalities, visits, published] = await Promise.all([
    repo.findAllMunicipalities(db),
    repo.findVisitsOfPeriod(db, period.id),
    repo.findPublishedPlans(db, period.id),
  ]);
  const isPublished = new Set(published.map((p) => p.county));
  const countyCodes = [...new Set(municipalities.map((m) => m.county))].sort();
  const shownVisits = (code: string, county: string) =>
    visits
      .filter((v) => v.municipalityCode === code && (v.status !== "planned" || isPublished.has(county)))
      .map((v) => ({ status: v.status as VisitStatus }));
  const counties = countyCodes.map((county) => ({
    county,
    published: isPublished.has(county),
    coverage: visitCoverage(
      municipalities.filter((m) => m.county === county).map((m) => ({ visits: shownVisits(m.code, county) })),
    ),
  }));
  return {
    period: period.id,
    nation: visitCoverage(municipalities.map((m) => ({ visits: shownVisits(m.code, m.county) }))),
    counties,
  };
}
