import {
  type SavingsPlan,
  type SavingsPlanCreate,
  type SavingsPlanList,
  savingsPlanOutcome,
  savingsPlanOwed,
  savingsPlanSubmission,
  yearOf,
  yearTotals,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { clearanceScope, covers, recordConfidentialRead } from "../../platform/confidentiality/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { savingsFigures } from "../economy/figures.js";
import { getMunicipality } from "../municipalities/service.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./plan-repository.js";

/*
 * Savings plans (R2.6-2): once savings are large a municipality owes a plan of how it will use them, per coming
 * year; each version is kept. Each year the outcome is compared with the plan:
 * savingsUsed(y) = Σ closing(y − 1) − Σ closing(y), a deviation when less than (1 − tolerance) of the plan was used.
 */

type PlanRow = Awaited<ReturnType<typeof repo.findPlans>>[number];

const toView = (row: PlanRow, outcome: SavingsPlan["outcome"]): SavingsPlan => ({
  id: row.plan.id,
  number: row.plan.number,
  years: row.plan.years,
  note: row.plan.note,
  submittedAt: row.plan.submittedAt?.toISOString() ?? null,
  createdBy: { id: row.plan.createdBy, name: row.createdByName },
  createdAt: row.plan.createdAt.toISOString(),
  outcome,
});

/**
 * Σ closing by year over the parts that count, for the years whose costs are in (before that a year's savings are
 * not known). A year that includes a confidential part's amounts is left out for a reader whose clearance does
 * not cover the municipality (its use is then unknown); `confidential` tells whether such a year was shown.
 */
async function closingByYear(db: Db, ctx: ActorContext, code: string, toYear: number) {
  const reader = nationalRulesReader(db);
  const figures = (await savingsFigures(db, [code], toYear, reader)).get(code);
  const closing = new Map<number, number>();
  let confidentialBasis: string | null = null;
  if (!figures) return { closing, confidentialBasis };
  const confidentialYears = figures.yearsWithCosts.filter((y) => figures.hasConfidentialIn(y));
  const cleared = confidentialYears.length > 0 && covers(await clearanceScope(db, ctx.actor, ctx.clock.today()), code);
  for (const y of figures.yearsWithCosts) {
    if (figures.hasConfidentialIn(y)) {
      if (!cleared) continue;
      confidentialBasis ??= figures.parts.find((p) => p.confidentialBasis)?.confidentialBasis ?? null;
    }
    closing.set(y, yearTotals(figures.rows, y).closing);
  }
  return { closing, confidentialBasis };
}

export async function listPlans(db: Db, ctx: ActorContext, code: string): Promise<SavingsPlanList> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "savingsPlans.read", { county: municipality.county.code, municipality: code });
  const today = ctx.clock.today();
  const rules = (await nationalRulesReader(db).on(today)).rules;
  const tolerance = rules.savingsPlanTolerance;
  const [rows, detection] = await Promise.all([repo.findPlans(db, code), repo.findOpenDetection(db, code)]);
  const { closing, confidentialBasis } = rows.length
    ? await closingByYear(db, ctx, code, yearOf(today))
    : { closing: new Map<number, number>(), confidentialBasis: null };
  const items = rows.map((row) => toView(row, savingsPlanOutcome(row.plan.years, closing, tolerance.value)));
  const shownConfidential = confidentialBasis !== null && items.some((p) => p.outcome.some((o) => o.used !== null));
  if (shownConfidential)
    await recordConfidentialRead(db, ctx, {
      entityType: "savingsPlan",
      entityId: rows[0]!.plan.id,
      municipality: code,
      parts: ["outcome"],
      basis: confidentialBasis,
    });
  return {
    items,
    tolerance: { value: tolerance.value, source: tolerance.source ?? null, unverified: tolerance.unverified },
    required: detection !== undefined,
    owed: savingsPlanOwed(
      detection,
      rows.map((r) => savingsPlanSubmission(r.plan)),
    ),
    dueOn: detection?.planDueOn ?? null,
  };
}

/**
 * A new version of the plan. A municipality's writer submits it (or keeps it as a draft with submit=false); a county
 * officer records a plan received outside the system, which is submitted by being received.
 */
export async function createPlan(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: SavingsPlanCreate,
): Promise<SavingsPlan> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "savingsPlans.write", { county: municipality.county.code, municipality: code });
  const submitted = ctx.actor.role === "county" ? true : input.submit;
  const now = ctx.clock.now();
  const years = [...input.years].sort((a, b) => a.year - b.year);
  const id = await db.transaction(async (tx) => {
    const { id, number } = await repo.insertPlan(tx, {
      municipalityCode: code,
      years,
      note: input.note,
      submitted,
      submittedAt: submitted ? now : null,
      createdAt: now,
      createdBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "savingsPlans.create",
      entityType: "savingsPlan",
      entityId: id,
      after: {
        municipality: code,
        number,
        submitted,
        recordedByCounty: ctx.actor.role === "county",
        years: years.map((y) => ({
          year: y.year,
          plannedSavingsUse: y.plannedSavingsUse,
          plannedCompensationUse: y.plannedCompensationUse,
        })),
      },
    });
    return id;
  });
  const list = await listPlans(db, ctx, code);
  return list.items.find((p) => p.id === id)!;
}
