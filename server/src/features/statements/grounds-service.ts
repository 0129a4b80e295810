import { type StatementGroundList, stockholmDate, webPaths, yearOf } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { loadReport } from "../annual-reports/service.js";
import { stateOf } from "../annual-reports/state.js";
import { rsaCheck } from "../documents/rsa-check.js";
import { listDocuments } from "../documents/service.js";
import { listPlans } from "../economic-reviews/plan-service.js";
import { getEconomy } from "../economy/service.js";
import { getMunicipality } from "../municipalities/service.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { resolvePeriod } from "../reference/service.js";
import {
  type AccountFacts,
  type ActionFacts,
  type FlaggedCostFact,
  type GroundFacts,
  type RsaFacts,
  type SavingsFacts,
  findGrounds,
} from "./grounds-rules.js";
import { clearanceScope, covers } from "../../platform/confidentiality/index.js";
import * as repo from "./repository.js";

/*
 * The grounds the system finds for a municipality (R3.2-2): the facts are read through the other features' own
 * services (documents and their RSA check, the annual reports, the economy and its savings plans) and the
 * protocols' actions; the decisions are the pure rules in grounds-rules.ts.
 */

async function rsaFacts(db: Db, ctx: ActorContext, code: string): Promise<RsaFacts | null> {
  const docs = await listDocuments(db, ctx, code, undefined);
  const item = docs.items.find((i) => i.type === "rsa");
  if (!item) return null;
  const latestVersion = item.versions[0];
  let latest: RsaFacts["latest"] = null;
  if (latestVersion) {
    const check = await rsaCheck(db, ctx, latestVersion.id);
    const missing = check.sections.filter((s) => s.required && s.matchedHeading === null);
    latest = {
      decidedOn: latestVersion.decidedOn,
      missingSections: check.checkable ? missing.length : null,
      missingNames: check.checkable ? missing.map((s) => s.title) : [],
    };
  }
  return { status: item.status, deadline: item.deadline, link: webPaths.municipality(code), latest };
}

async function economyFacts(db: Db, ctx: ActorContext, code: string, today: string) {
  const economy = await getEconomy(db, ctx, code, {});
  const receivedYears = economy.years
    .filter((y) => y.year < yearOf(today) && y.parts.some((p) => p.status === "paid" || p.status === "reduced"))
    .map((y) => y.year);
  const accounts: AccountFacts[] = [];
  for (const year of receivedYears) {
    const { report, form, rounds } = await loadReport(db, code, year);
    const deadline = form?.deadline ?? null;
    accounts.push({
      year,
      received: true,
      deadline,
      status: stateOf(report, rounds, deadline, today).status,
      link: webPaths.municipality(code, { tab: "annualReport" }),
    });
  }
  const economyLink = webPaths.municipality(code, { tab: "economy" });
  const flagged: FlaggedCostFact[] = economy.flags
    .filter((f) => f.eligibility === "notEligible")
    .map((f) => ({ year: f.year, categoryName: f.categoryName, amount: f.amount, link: economyLink }));
  const plans = await listPlans(db, ctx, code);
  const submitted = plans.items.filter((p) => p.submittedAt !== null);
  const plan = submitted[0];
  const withCosts = economy.years.filter((y) => y.costsIn);
  const savings: SavingsFacts = {
    hasPlan: plan !== undefined,
    deviations: (plan?.outcome ?? [])
      .filter((o) => o.deviation && o.used !== null)
      .map((o) => ({ year: o.year, planned: o.planned, used: o.used! })),
    largeSince:
      economy.largeSavings.since ??
      (economy.largeSavings.status && economy.largeSavings.judgedYear !== null
        ? `${economy.largeSavings.judgedYear}-12-31`
        : null),
    closings: withCosts
      .filter((y) => y.total.closing !== null)
      .map((y) => ({ year: y.year, closing: y.total.closing! })),
    hidden: withCosts.some((y) => y.total.closing === null),
    link: economyLink,
  };
  return { accounts, flagged, savings };
}

async function actionFacts(
  db: Db,
  ctx: ActorContext,
  code: string,
  period: number,
  today: string,
): Promise<ActionFacts> {
  const [rows, rules, scope] = await Promise.all([
    repo.findActions(db, code, period),
    nationalRulesReader(db).on(today),
    clearanceScope(db, ctx.actor, today),
  ]);
  const cleared = covers(scope, code);
  const sendBacks = await repo.findSendBacks(
    db,
    rows.map((r) => r.id),
  );
  const link = webPaths.municipality(code, { tab: "actions", period });
  return {
    actions: rows.map((r) => ({
      id: r.id,
      text: r.confidentialBasis && !cleared ? null : r.text,
      due: r.due,
      status: r.status as ActionFacts["actions"][number]["status"],
      link,
    })),
    sentBack: sendBacks.map((s) => ({ actionId: s.actionId, on: stockholmDate(s.at) })),
    threshold: rules.rules.overdueActionsForGround.value,
  };
}

/** Every fact the grounds are decided from, for one municipality today. */
export async function groundFacts(db: Db, ctx: ActorContext, code: string): Promise<GroundFacts> {
  const today = ctx.clock.today();
  const period = await resolvePeriod(db, ctx.clock, undefined);
  const [rsa, economy, actions] = await Promise.all([
    rsaFacts(db, ctx, code),
    economyFacts(db, ctx, code, today),
    actionFacts(db, ctx, code, period.id, today),
  ]);
  return { today, rsa, ...economy, actions };
}

export async function detectGrounds(db: Db, ctx: ActorContext, code: string) {
  return findGrounds(await groundFacts(db, ctx, code));
}

/** GET /municipalities/:code/statement-grounds (county). */
export async function listGrounds(db: Db, ctx: ActorContext, code: string): Promise<StatementGroundList> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "statementGrounds.read", { county: municipality.county.code, municipality: code });
  return { items: await detectGrounds(db, ctx, code) };
}
