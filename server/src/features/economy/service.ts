import {
  type CompensationAmount,
  type CompensationPart,
  type CompensationPartCreate,
  type CompensationPartUpdate,
  type CostCategory,
  type CostFlag,
  type CostsPut,
  type MunicipalityCosts,
  type MunicipalityEconomy,
  type PartYear,
  isLargeSavings,
  isPartActive,
  savingsShare,
  yearOf,
  yearTotals,
} from "@uppsikt/core";
import type { z } from "zod";
import type { EconomyYear, OpeningBalance, OpeningBalancePut, CompensationAmountUpdate } from "@uppsikt/core";
import type { Db, Executor, Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getMunicipality } from "../municipalities/service.js";
import { type NationalRulesReader, nationalRulesReader } from "../national-rules/rules-on.js";
import { type AmountAccess, amountAccess } from "./access.js";
import { judgeLargeSavings, largeSavingsShareOf, refreshLargeSavings } from "./detection.js";
import { FIRST_ECONOMY_YEAR, type MunicipalityFigures, categoriesByYear, savingsFigures } from "./figures.js";
import * as repo from "./repository.js";

/*
 * The economy of a municipality (R1-5, R2.5-2, R2.5-3, R2.6-1): the compensation parts (agency), the amounts per
 * year and part, the costs per part and category (county, annual report, import; the county's entry supersedes the
 * annual report's) with their eligibility, the opening balances, and the accumulated savings with large savings.
 */

const STALE = "Uppgifterna har ändrats av någon annan sedan du öppnade dem. Ladda om och försök igen.";
const UNKNOWN_PART = "Delen finns inte.";

// ---- Compensation parts ----

export function toPart(p: repo.PartRow): CompensationPart {
  return {
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    agreement: p.agreementId ? { id: p.agreementId, title: p.agreementTitle ?? "" } : null,
    firstYear: p.firstYear,
    lastYear: p.lastYear,
    countsTowardSavings: p.countsTowardSavings,
    confidentialBasis: p.confidentialBasis,
    predecessor: p.predecessor,
    position: p.position,
    source: p.source,
    unverified: p.unverified,
    version: p.version,
  };
}

export async function listParts(db: Db, ctx: ActorContext) {
  authorize(ctx.actor, "economy.read");
  const items = (await repo.findParts(db)).map(toPart);
  return { items, total: items.length };
}

async function checkPartRefs(db: Executor, code: string, input: CompensationPartUpdate | CompensationPartCreate) {
  if (input.predecessor !== null) {
    if (input.predecessor === code)
      throw Invalid(
        "En del kan inte efterträda sig själv.",
        issue("predecessor", "En del kan inte efterträda sig själv."),
      );
    const codes = await repo.partCodes(db);
    if (!codes.includes(input.predecessor))
      throw Invalid(`Föregångaren ${input.predecessor} finns inte.`, issue("predecessor", "Föregångaren finns inte."));
  }
  if (input.agreementId !== null && !(await repo.agreementExists(db, input.agreementId)))
    throw Invalid("Överenskommelsen finns inte.", issue("agreementId", "Överenskommelsen finns inte."));
}

const issue = (path: string, message: string) => ({ issues: [{ path, message }] });

const partValues = (input: CompensationPartCreate | CompensationPartUpdate) => ({
  name: input.name,
  nameEn: input.nameEn,
  agreementId: input.agreementId,
  firstYear: input.firstYear,
  lastYear: input.lastYear,
  countsTowardSavings: input.countsTowardSavings,
  confidentialBasis: input.confidentialBasis,
  predecessor: input.predecessor,
  position: input.position,
  source: input.source,
  unverified: input.unverified,
});

async function onePart(db: Executor, code: string): Promise<CompensationPart> {
  const part = (await repo.findParts(db)).find((p) => p.code === code);
  if (!part) throw NotFound(UNKNOWN_PART);
  return toPart(part);
}

export async function createPart(db: Db, ctx: ActorContext, input: CompensationPartCreate): Promise<CompensationPart> {
  authorize(ctx.actor, "compensation.write");
  await db.transaction(async (tx) => {
    if ((await repo.partCodes(tx)).includes(input.code))
      throw Conflict(`Det finns redan en del med koden ${input.code}.`);
    await checkPartRefs(tx, input.code, input);
    const inserted = await repo.insertParts(tx, [
      { code: input.code, ...partValues(input), createdAt: ctx.clock.now() },
    ]);
    if (inserted.length === 0) throw Conflict(`Det finns redan en del med koden ${input.code}.`);
    await recordAudit(tx, ctx, {
      action: "compensationParts.create",
      entityType: "compensationPart",
      entityId: input.code,
      after: { code: input.code, ...partValues(input) },
    });
  });
  return onePart(db, input.code);
}

export async function updatePart(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: CompensationPartUpdate,
): Promise<CompensationPart> {
  authorize(ctx.actor, "compensation.write");
  await db.transaction(async (tx) => {
    const before = await onePart(tx, code);
    await checkPartRefs(tx, code, input);
    if (!(await repo.updatePart(tx, code, input.version, partValues(input), ctx.clock.now()))) throw Conflict(STALE);
    const { version: _v, agreement: _a, code: _c, ...was } = before;
    await recordAudit(tx, ctx, {
      action: "compensationParts.update",
      entityType: "compensationPart",
      entityId: code,
      before: was,
      after: partValues(input),
    });
  });
  return onePart(db, code);
}

// ---- Cost categories ----

export async function costCategories(db: Db, ctx: ActorContext, year?: number) {
  authorize(ctx.actor, "economy.read");
  const y = year ?? yearOf(ctx.clock.today());
  const { rules } = await nationalRulesReader(db).on(`${y}-01-01`);
  const c = rules.costCategories;
  return {
    year: y,
    instructions: c.instructions,
    example: c.example,
    items: c.items.map((i): CostCategory => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      eligibility: i.eligibility,
      rule: i.rule,
      source: i.source ?? null,
      unverified: i.unverified ?? false,
    })),
  };
}

// ---- Scope ----

/** 404 for an unknown municipality or one outside the actor's scope; 403 when the action is not theirs. */
async function municipalityFor(db: Db, ctx: ActorContext, code: string, action: Parameters<typeof authorize>[1]) {
  const m = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, action, { county: m.county.code, municipality: code });
  return m;
}

const anyConfidentialPart = (parts: repo.PartRow[]) => parts.some((p) => p.confidentialBasis);

// ---- Costs ----

export async function getCosts(db: Db, ctx: ActorContext, code: string, year?: number): Promise<MunicipalityCosts> {
  const m = await municipalityFor(db, ctx, code, "economy.read");
  const y = year ?? yearOf(ctx.clock.today());
  const [parts, { sets, items }, categories] = await Promise.all([
    repo.findParts(db),
    repo.findCostSets(db, [code], y),
    categoriesByYear(nationalRulesReader(db))(y),
  ]);
  const basis = new Map(parts.map((p) => [p.code, p.confidentialBasis]));
  const access = await amountAccess(db, ctx.actor, [code], ctx.clock.today(), anyConfidentialPart(parts));
  const ranked = [...sets].sort((a, b) => rank(a.source) - rank(b.source));
  let shownConfidential: string | null = null;
  const view: MunicipalityCosts = {
    municipality: { code, name: m.name },
    year: y,
    sets: ranked.map((s, i) => ({
      source: s.source as MunicipalityCosts["sets"][number]["source"],
      version: s.version,
      effective: i === 0,
      updatedAt: s.updatedAt.toISOString(),
      updatedBy: s.updatedBy ? { id: s.updatedBy, name: s.updatedByName ?? "" } : null,
      items: items
        .filter((it) => it.setId === s.id)
        .map((it) => {
          const mark = access.mark(basis.get(it.partCode) ?? null, code);
          if (mark?.canRead) shownConfidential = mark.basis;
          const category = categories.get(it.categoryCode);
          return {
            part: it.partCode,
            category: it.categoryCode,
            categoryName: category?.name ?? it.categoryCode,
            amount: mark && !mark.canRead ? null : it.amount,
            manualCompilation: it.manualCompilation,
            eligibility: category?.eligibility ?? "limited",
            confidential: mark,
          };
        }),
    })),
  };
  if (shownConfidential)
    await recordConfidentialRead(db, ctx, {
      entityType: "costSet",
      entityId: `${code}/${y}`,
      municipality: code,
      parts: ["amounts"],
      basis: shownConfidential,
    });
  return view;
}

const RANK: Record<string, number> = { county: 0, annualReport: 1, import: 2 };
const rank = (source: string) => RANK[source] ?? 9;

interface CostLine {
  part: string;
  category: string;
  amount: number;
  manualCompilation: boolean;
}

/** Every part must exist and run that year, every category be one of the year's national categories. */
async function checkCostItems(db: Executor, year: number, items: CostLine[]) {
  const [parts, categories] = await Promise.all([repo.findParts(db), categoriesByYear(nationalRulesReader(db))(year)]);
  const byCode = new Map(parts.map((p) => [p.code, p]));
  const issues: { path: string; message: string }[] = [];
  items.forEach((it, i) => {
    const part = byCode.get(it.part);
    if (!part) issues.push({ path: `items.${i}.part`, message: `Delen ${it.part} finns inte.` });
    else if (!isPartActive(part, year))
      issues.push({ path: `items.${i}.part`, message: `Delen ${it.part} gäller inte år ${year}.` });
    if (!categories.has(it.category))
      issues.push({
        path: `items.${i}.category`,
        message: `Kostnadsslaget ${it.category} finns inte i anvisningarna för ${year}.`,
      });
  });
  if (issues.length) throw Invalid(`Ogiltig indata (${issues[0]!.path}): ${issues[0]!.message}`, { issues });
}

async function writeCostSet(
  tx: Tx,
  ctx: ActorContext,
  code: string,
  year: number,
  source: "county" | "annualReport",
  version: number | "any",
  items: CostLine[],
) {
  await checkCostItems(tx, year, items);
  const result = await repo.replaceCostSet(
    tx,
    { municipalityCode: code, year, source },
    version,
    items.map((i) => ({
      partCode: i.part,
      categoryCode: i.category,
      amount: i.amount,
      manualCompilation: i.manualCompilation,
    })),
    ctx.actor.id === "system" ? null : ctx.actor.id,
    ctx.clock.now(),
  );
  if (!result) throw Conflict(STALE);
  await recordAudit(tx, ctx, {
    action: "costs.replace",
    entityType: "costSet",
    entityId: result.id,
    before: { version: result.before },
    after: {
      municipality: code,
      year,
      source,
      version: result.version,
      items: items.length,
      manualCompilation: items.some((i) => i.manualCompilation),
    },
  });
  await refreshLargeSavings(tx, ctx, [code]);
}

/** The county's entry for a year replaces its earlier one (version 0 creates it; stale → 409). */
export async function putCosts(db: Db, ctx: ActorContext, code: string, input: CostsPut): Promise<MunicipalityCosts> {
  await municipalityFor(db, ctx, code, "costs.write");
  await db.transaction((tx) => writeCostSet(tx, ctx, code, input.year, "county", input.version, input.items));
  return getCosts(db, ctx, code, input.year);
}

/** For the annual report (a later issue): the annual report's costs of a year, replaced whole; audited. */
export async function replaceAnnualReportCosts(
  tx: Tx,
  ctx: ActorContext,
  code: string,
  year: number,
  items: CostLine[],
): Promise<void> {
  await writeCostSet(tx, ctx, code, year, "annualReport", "any", items);
}

// ---- Opening balances ----

export async function putOpeningBalance(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: z.infer<typeof OpeningBalancePut>,
): Promise<z.infer<typeof OpeningBalance>> {
  await municipalityFor(db, ctx, code, "costs.write");
  return db.transaction(async (tx) => {
    const part = (await repo.findParts(tx)).find((p) => p.code === input.part);
    if (!part) throw Invalid(`Delen ${input.part} finns inte.`, issue("part", "Delen finns inte."));
    if (!isPartActive(part, input.year))
      throw Invalid(`Delen ${input.part} gäller inte år ${input.year}.`, issue("year", "Delen gäller inte det året."));
    if (!part.countsTowardSavings)
      throw Invalid(
        "Delen räknas inte in i sparandet och har ingen ingående balans.",
        issue("part", "Delen räknas inte in i sparandet."),
      );
    const result = await repo.putOpening(
      tx,
      { municipalityCode: code, partCode: input.part, year: input.year },
      input.version,
      input.amount,
      ctx.actor.id,
      ctx.clock.now(),
    );
    if (!result) throw Conflict(STALE);
    const confidential = part.confidentialBasis !== null;
    await recordAudit(tx, ctx, {
      action: "openingBalances.update",
      entityType: "openingBalance",
      entityId: `${code}/${input.part}/${input.year}`,
      before: confidential ? { version: input.version } : { amount: result.before },
      after: confidential
        ? { municipality: code, part: input.part, year: input.year, version: result.version }
        : { municipality: code, part: input.part, year: input.year, amount: input.amount, version: result.version },
    });
    await refreshLargeSavings(tx, ctx, [code]);
    return { part: input.part, year: input.year, amount: input.amount, version: result.version };
  });
}

// ---- One compensation amount ----

export async function updateAmount(
  db: Db,
  ctx: ActorContext,
  code: string,
  year: number,
  partCode: string,
  input: z.infer<typeof CompensationAmountUpdate>,
): Promise<CompensationAmount> {
  const m = await municipalityFor(db, ctx, code, "compensation.write");
  const part = (await repo.findParts(db)).find((p) => p.code === partCode);
  if (!part) throw NotFound(UNKNOWN_PART);
  const row = await db.transaction(async (tx) => {
    const current = await repo.findAmount(tx, { municipalityCode: code, year, partCode });
    if (!current) throw NotFound(`Det finns ingen ersättning för ${partCode} år ${year}.`);
    if (current.version !== input.version) throw Conflict(STALE);
    const values = {
      amount: input.amount,
      status: input.status,
      adjustment: input.status === "reduced" || input.status === "repaid" ? input.adjustment : null,
      statusOn: input.statusOn,
    };
    if (!(await repo.updateAmount(tx, current, values, ctx.actor.id, ctx.clock.now()))) throw Conflict(STALE);
    const confidential = part.confidentialBasis !== null;
    await recordAudit(tx, ctx, {
      action: "compensation.update",
      entityType: "compensationAmount",
      entityId: current.id,
      before: confidential
        ? { status: current.status, version: current.version }
        : {
            amount: current.amount,
            status: current.status,
            adjustment: current.adjustment,
            statusOn: current.statusOn,
          },
      after: confidential
        ? { municipality: code, year, part: partCode, status: values.status, version: current.version + 1 }
        : { municipality: code, year, part: partCode, ...values, version: current.version + 1 },
    });
    await refreshLargeSavings(tx, ctx, [code]);
    return { ...current, ...values, version: current.version + 1 };
  });
  const access = await amountAccess(db, ctx.actor, [code], ctx.clock.today(), part.confidentialBasis !== null);
  const mark = access.mark(part.confidentialBasis, code);
  const hidden = mark !== null && !mark.canRead;
  return {
    municipality: { code, name: m.name },
    year,
    part: partCode,
    amount: hidden ? null : row.amount,
    status: row.status as CompensationAmount["status"],
    adjustment: hidden ? null : row.adjustment,
    statusOn: row.statusOn,
    confidential: mark,
    version: row.version,
  };
}

// ---- The economy view ----

const ruleValue = (v: { value: number; source?: string | undefined; unverified: boolean }) => ({
  value: v.value,
  source: v.source ?? null,
  unverified: v.unverified,
});

/** One municipality's year: parts, totals over the parts that count, confidential totals null without clearance. */
export function yearView(
  f: MunicipalityFigures,
  year: number,
  code: string,
  access: AmountAccess,
  share: number,
  shown: Set<string>,
): z.infer<typeof EconomyYear> {
  const rows = f.rows.filter((r) => r.year === year);
  const partBy = new Map(f.parts.map((p) => [p.code, p]));
  const amountBy = new Map(f.amounts.filter((a) => a.year === year).map((a) => [a.partCode, a]));
  const hide = (r: PartYear) => {
    const basis = partBy.get(r.part)?.confidentialBasis ?? null;
    const mark = access.mark(basis, code);
    if (mark?.canRead) shown.add(mark.basis);
    return { mark, hidden: mark !== null && !mark.canRead };
  };
  const parts = rows.map((r) => {
    const { mark, hidden } = hide(r);
    const v = (n: number | null) => (hidden ? null : n);
    return {
      part: r.part,
      name: partBy.get(r.part)?.name ?? r.part,
      countsTowardSavings: r.countsTowardSavings,
      confidential: mark,
      status: (amountBy.get(r.part)?.status ?? null) as EconomyYearStatus,
      announced: v(r.announced),
      received: v(r.received),
      usedCosts: v(r.usedCosts),
      flaggedCosts: v(r.flaggedCosts),
      limitedCosts: v(r.limitedCosts),
      ownFunding: v(r.ownFunding),
      opening: v(r.opening),
      closing: v(r.closing),
    };
  });
  const total = yearTotals(f.rows, year);
  const confidentialBasis = rows
    .filter((r) => r.countsTowardSavings)
    .map((r) => partBy.get(r.part)?.confidentialBasis)
    .find((b): b is string => !!b);
  const totalMark = confidentialBasis ? access.mark(confidentialBasis, code) : null;
  const hidden = totalMark !== null && !totalMark.canRead;
  const t = (n: number) => (hidden ? null : n);
  const costItems = f.costs.filter((c) => c.year === year);
  const costsIn = f.yearsWithCosts.includes(year);
  return {
    year,
    parts,
    total: {
      announced: t(total.announced),
      received: t(total.received),
      usedCosts: t(total.usedCosts),
      flaggedCosts: t(total.flaggedCosts),
      closing: t(total.closing),
      share: hidden ? null : savingsShare(total),
    },
    totalConfidential: totalMark,
    // A year whose costs are not in yet (typically the current one) decides no status: all it received looks saved.
    largeSavings: costsIn && isLargeSavings(total, share),
    costsIn,
    costSource: (f.costSource.get(year) ?? null) as z.infer<typeof EconomyYear>["costSource"],
    manualCompilation: costItems.some((c) => c.manualCompilation),
  };
}
type EconomyYearStatus = z.infer<typeof EconomyYear>["parts"][number]["status"];

/** The flagged costs (notEligible, and limited for review) of the span, with the rule and its source. */
export async function flagsOf(
  f: MunicipalityFigures,
  from: number,
  to: number,
  code: string,
  access: AmountAccess,
  reader: NationalRulesReader,
): Promise<CostFlag[]> {
  const categories = categoriesByYear(reader);
  const basis = new Map(f.parts.map((p) => [p.code, p.confidentialBasis]));
  const flags: CostFlag[] = [];
  for (const c of f.costs) {
    if (c.year < from || c.year > to) continue;
    const category = (await categories(c.year)).get(c.category);
    const eligibility = category?.eligibility ?? "limited";
    if (eligibility === "eligible") continue;
    const mark = access.mark(basis.get(c.part) ?? null, code);
    flags.push({
      year: c.year,
      part: c.part,
      category: c.category,
      categoryName: category?.name ?? c.category,
      amount: mark && !mark.canRead ? null : c.amount,
      eligibility,
      rule: category?.rule ?? "Kostnadsslaget finns inte i årets anvisningar och granskas.",
      source: category?.source ?? null,
    });
  }
  return flags.sort((a, b) => a.year - b.year || a.part.localeCompare(b.part) || a.category.localeCompare(b.category));
}

export async function getEconomy(
  db: Db,
  ctx: ActorContext,
  code: string,
  query: { from?: number | undefined; to?: number | undefined },
): Promise<MunicipalityEconomy> {
  const m = await municipalityFor(db, ctx, code, "economy.read");
  const current = yearOf(ctx.clock.today());
  const to = query.to ?? current;
  const from = query.from ?? FIRST_ECONOMY_YEAR;
  if (from > to)
    throw Invalid(
      "Första året får inte vara efter sista året.",
      issue("from", "Första året får inte vara efter sista året."),
    );
  if (to - from > 40) throw Invalid("Välj högst 40 år.", issue("from", "Välj högst 40 år."));
  const reader = nationalRulesReader(db);
  const figures = (await savingsFigures(db, [code], Math.max(to, FIRST_ECONOMY_YEAR), reader)).get(code)!;
  const access = await amountAccess(db, ctx.actor, [code], ctx.clock.today(), anyConfidentialPart(figures.parts));
  const shown = new Set<string>();
  const years = [];
  for (let y = from; y <= to; y++) {
    const share = await largeSavingsShareOf(reader, y);
    years.push(yearView(figures, y, code, access, share, shown));
  }
  const judged = await judgeLargeSavings(figures, to, reader);
  const open = await repo.findOpenDetection(db, code);
  const rulesOf = (await reader.on(`${judged.judgedYear ?? current}-01-01`)).rules;
  const partBy = new Map(figures.parts.map((p) => [p.code, p]));
  const judgedHidden =
    judged.judgedYear !== null &&
    years.find((y) => y.year === judged.judgedYear)?.total.share === null &&
    figures.hasConfidentialIn(judged.judgedYear);
  const flags = await flagsOf(figures, from, to, code, access, reader);
  const view: MunicipalityEconomy = {
    municipality: { code, name: m.name },
    years,
    flags,
    largeSavings: {
      status: judged.status,
      judgedYear: judged.judgedYear,
      share: judgedHidden ? null : judged.share,
      since: open?.detectedOn ?? null,
      planDueOn: open?.planDueOn ?? null,
    },
    openingBalances: figures.openings
      .map((o) => {
        const mark = access.mark(partBy.get(o.partCode)?.confidentialBasis ?? null, code);
        return { part: o.partCode, year: o.year, amount: mark && !mark.canRead ? null : o.amount, version: o.version };
      })
      .sort((a, b) => a.year - b.year || a.part.localeCompare(b.part)),
    rules: {
      largeSavingsShare: ruleValue(rulesOf.largeSavingsShare),
      savingsPlanTolerance: ruleValue(rulesOf.savingsPlanTolerance),
    },
  };
  if (shown.size)
    await recordConfidentialRead(db, ctx, {
      entityType: "compensationAmount",
      entityId: code,
      municipality: code,
      parts: ["amounts"],
      basis: [...shown][0]!,
    });
  return view;
}

// ---- The savings plan's due date ----

export async function putPlanDue(db: Db, ctx: ActorContext, code: string, planDueOn: string) {
  await municipalityFor(db, ctx, code, "largeSavings.write");
  await db.transaction(async (tx) => {
    const open = await repo.findOpenDetection(tx, code);
    if (!open) throw NotFound("Kommunen har inga stora sparade medel just nu.");
    if (planDueOn < open.detectedOn)
      throw Invalid(
        "Sista dagen för sparplanen kan inte vara före dagen då sparandet upptäcktes.",
        issue("planDueOn", "Datumet är före upptäckten."),
      );
    await repo.updateDetectionDue(tx, open.id, planDueOn);
    await recordAudit(tx, ctx, {
      action: "largeSavings.updateDue",
      entityType: "largeSavings",
      entityId: open.id,
      before: { planDueOn: open.planDueOn },
      after: { municipality: code, planDueOn },
    });
  });
  return (await getEconomy(db, ctx, code, {})).largeSavings;
}
