import {
  type CountyEconomyRow,
  compareSwedish,
  savingsPlanOwed,
  savingsPlanSubmission,
  savingsShare,
  yearOf,
  yearTotals,
} from "@uppsikt/core";
import type { z } from "zod";
import type { CountyEconomy, LargeSavingsList, NationalEconomy } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { reviewCountsFor } from "../economic-reviews/counting.js";
import { type NationalRulesReader, nationalRulesReader } from "../national-rules/rules-on.js";
import { amountAccess } from "./access.js";
import { judgeLargeSavings } from "./detection.js";
import { type MunicipalityFigures, categoriesByYear, savingsFigures } from "./figures.js";
import * as repo from "./repository.js";

/*
 * The county's and the nation's economy tables (R2.6-1, R2.5-1): one row per municipality for a year, with the
 * reviews of the current mandate period; the county's list of municipalities with large savings. Everything is
 * batched: one query per table for all the county's municipalities.
 */

const NO_COUNTY = "Länet finns inte.";

export interface Row {
  ref: repo.MunicipalityRef;
  row: CountyEconomyRow;
  /** The real figures (for ranking and sums), whatever the reader may see. */
  figures: MunicipalityFigures;
  judged: Awaited<ReturnType<typeof judgeLargeSavings>>;
  hidden: boolean;
}

const ruleValue = (v: { value: number; source?: string | undefined; unverified: boolean }) => ({
  value: v.value,
  source: v.source ?? null,
  unverified: v.unverified,
});

async function rowsFor(
  db: Db,
  ctx: ActorContext,
  refs: repo.MunicipalityRef[],
  year: number,
  reader: NationalRulesReader,
): Promise<Row[]> {
  const codes = refs.map((r) => r.code);
  const today = ctx.clock.today();
  const [figures, reviews] = await Promise.all([
    savingsFigures(db, codes, year, reader),
    reviewCountsFor(db, codes, today),
  ]);
  const anyConfidential = [...figures.values()].some((f) => f.hasConfidentialIn(year));
  const access = await amountAccess(db, ctx.actor, codes, today, anyConfidential);
  const categories = await categoriesByYear(reader)(year);
  const rows: Row[] = [];
  const reads: { code: string; basis: string }[] = [];
  for (const ref of refs) {
    const f = figures.get(ref.code)!;
    const total = yearTotals(f.rows, year);
    const confidential = f.hasConfidentialIn(year);
    const hidden = confidential && !access.canRead(ref.code);
    if (confidential && !hidden) {
      const basis = f.parts.find((p) => p.confidentialBasis)?.confidentialBasis;
      if (basis) reads.push({ code: ref.code, basis });
    }
    const judged = await judgeLargeSavings(f, year, reader); // no query: the year's share is cached per reader
    const v = (n: number) => (hidden ? null : n);
    const count = reviews.get(ref.code);
    rows.push({
      ref,
      figures: f,
      judged,
      hidden,
      row: {
        municipality: { code: ref.code, name: ref.name },
        announced: v(total.announced),
        received: v(total.received),
        usedCosts: v(total.usedCosts),
        flaggedCosts: v(total.flaggedCosts),
        closing: v(total.closing),
        share: hidden ? null : savingsShare(total),
        confidential,
        largeSavings: judged.status,
        costsIn: f.yearsWithCosts.includes(year),
        flags: f.costs.filter(
          (c) => c.year === year && (categories.get(c.category)?.eligibility ?? "limited") !== "eligible",
        ).length,
        reviews: {
          held: count?.held ?? 0,
          planned: count?.planned ?? 0,
          warnings: count?.warnings ?? [],
        },
      },
    });
  }
  // One audit entry per municipality whose confidential amounts were shown: an entry names one municipality (whose
  // records were read), so they cannot be merged; only years with a confidential part (okcf-2019, ≤ 2023) have any.
  for (const r of reads)
    await recordConfidentialRead(db, ctx, {
      entityType: "compensationAmount",
      entityId: r.code,
      municipality: r.code,
      parts: ["amounts"],
      basis: r.basis,
    });
  return rows.sort((a, b) => compareSwedish(a.ref.name, b.ref.name));
}

/** County users their own county, the agency any; municipality users do not read county lists (404). */
async function countyFor(db: Db, ctx: ActorContext, code: string) {
  authorize(ctx.actor, "economy.read", { county: code });
  if (ctx.actor.role === "municipality") throw NotFound(NO_COUNTY);
  const [county] = await repo.findCountyRefs(db, code);
  if (!county) throw NotFound(NO_COUNTY);
  return county;
}

/**
 * The year the county's and the nation's tables show when none is asked for: the previous calendar year, since a
 * year's costs come in with its annual follow-up after the year has ended (the current year has none yet).
 */
export const defaultTableYear = (today: string) => yearOf(today) - 1;

export async function countyEconomyRows(db: Db, ctx: ActorContext, code: string, year?: number) {
  const county = await countyFor(db, ctx, code);
  const y = year ?? defaultTableYear(ctx.clock.today());
  const reader = nationalRulesReader(db);
  const refs = await repo.findMunicipalityRefs(db, code);
  const rows = await rowsFor(db, ctx, refs, y, reader);
  const rules = (await reader.on(`${y}-01-01`)).rules;
  return { county, year: y, rows, rules };
}

export async function countyEconomy(
  db: Db,
  ctx: ActorContext,
  code: string,
  year?: number,
): Promise<z.infer<typeof CountyEconomy>> {
  const { county, year: y, rows, rules } = await countyEconomyRows(db, ctx, code, year);
  return {
    county,
    year: y,
    items: rows.map((r) => r.row),
    rules: { largeSavingsShare: ruleValue(rules.largeSavingsShare) },
  };
}

/** The county's municipalities with large savings, ranked by Σ closing / Σ announced (highest first). */
export async function largeSavingsList(
  db: Db,
  ctx: ActorContext,
  code: string,
  year?: number,
): Promise<z.infer<typeof LargeSavingsList>> {
  const { year: y, rows, rules } = await countyEconomyRows(db, ctx, code, year);
  const large = rows.filter((r) => r.judged.status);
  const codes = large.map((r) => r.ref.code);
  const [open, plans, warnings] = await Promise.all([
    repo.findOpenDetections(db, codes),
    repo.findSubmittedPlans(db, codes),
    repo.findOpenSavingsWarnings(db, codes),
  ]);
  const openBy = new Map(open.map((d) => [d.municipalityCode, d]));
  const ranked = [...large].sort(
    (a, b) =>
      Number(a.hidden) - Number(b.hidden) ||
      (b.judged.share ?? 0) - (a.judged.share ?? 0) ||
      compareSwedish(a.ref.name, b.ref.name),
  );
  return {
    year: y,
    items: ranked.map((r) => {
      const detection = openBy.get(r.ref.code);
      const since = detection?.detectedOn ?? null;
      return {
        municipality: { code: r.ref.code, name: r.ref.name },
        closing: r.hidden ? null : r.judged.closing,
        announced: r.hidden ? null : r.judged.announced,
        share: r.hidden ? null : r.judged.share,
        since,
        planDueOn: detection?.planDueOn ?? null,
        // Answered unless core's rule says a plan is still owed for the open detection.
        savingsPlan: !savingsPlanOwed(
          detection,
          plans
            .filter((p) => p.municipalityCode === r.ref.code)
            .map((p) => savingsPlanSubmission({ submitted: true, submittedAt: p.submittedAt })),
        ),
        warningOpen: warnings.has(r.ref.code),
      };
    }),
    rules: { largeSavingsShare: ruleValue(rules.largeSavingsShare) },
  };
}

/** Per county and for the nation (the agency). A sum that includes an amount the reader may not see is null. */
export async function nationalEconomy(
  db: Db,
  ctx: ActorContext,
  year?: number,
): Promise<z.infer<typeof NationalEconomy>> {
  authorize(ctx.actor, "economy.national");
  const y = year ?? defaultTableYear(ctx.clock.today());
  const reader = nationalRulesReader(db);
  const [counties, refs] = await Promise.all([repo.findCountyRefs(db), repo.findMunicipalityRefs(db)]);
  const rows = await rowsFor(db, ctx, refs, y, reader);
  const sum = (rs: Row[]) => {
    const hidden = rs.some((r) => r.hidden);
    const add = (f: (r: Row) => number | null) => (hidden ? null : rs.reduce((s, r) => s + (f(r) ?? 0), 0));
    const announced = add((r) => r.row.announced);
    const closing = add((r) => r.row.closing);
    return {
      municipalities: rs.length,
      announced,
      received: add((r) => r.row.received),
      usedCosts: add((r) => r.row.usedCosts),
      flaggedCosts: add((r) => r.row.flaggedCosts),
      closing,
      share: announced !== null && closing !== null && announced > 0 ? closing / announced : null,
      largeSavings: rs.filter((r) => r.row.largeSavings).length,
      reviewsShort: rs.filter((r) => r.row.reviews.warnings.includes("economicReviewsShort")).length,
    };
  };
  const rules = (await reader.on(`${y}-01-01`)).rules;
  return {
    year: y,
    items: counties.map((c) => ({ county: c, ...sum(rows.filter((r) => r.ref.countyCode === c.code)) })),
    nation: sum(rows),
    rules: { largeSavingsShare: ruleValue(rules.largeSavingsShare) },
  };
}
