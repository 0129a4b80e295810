import { addDays, yearOf } from "@uppsikt/core";
import { count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { municipalities } from "../../db/schema/index.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { refreshLargeSavings } from "./detection.js";
import { findOpenDetection, updateDetectionDue } from "./repository.js";
import { compensationAmounts, compensationParts, costItems, costSets } from "./schema.js";

/*
 * The economy in the demo, relative to the clock (issue 13 § 8): compensation from 2019 to the current year for
 * every municipality of counties 01 and 14, roughly by size; costs from 2019 to last year that use most of what was
 * available, so savings stay small, except:
 * - Stockholm: spends about 80 % of what it receives until its savings reach about a year's compensation, then what
 *   it receives, so its savings stay large (about 105 % of a year's compensation) without growing out of all
 *   proportion; detected in the demo's past, with a savings plan (economic reviews' demo) that is not followed;
 * - Tjörn: spent about 70 % of what it received the last two years, so last year's costs made its savings large;
 *   detected some weeks ago, no plan yet, so the plan is owed on its officer's watch list (the county asked for it
 *   within 45 days, so it is due within the watch list's month);
 * - Nacka (the dialogue's video meeting about savings of "drygt två års ersättning"): spent about half of what it
 *   received for five years (vacancies, a postponed command post), so its savings grew every year to more than two
 *   years' compensation; detected in spring, before the meeting; last year it used the 600 000 kr of savings its
 *   plan (recorded by the county after the meeting, economic reviews' demo) planned, so the plan is followed;
 * - Borås (the dialogue's open early warning): used all it received until three years ago, since then about 85 %,
 *   so its savings have grown three years running but stay below the large-savings share (about 45 %);
 * - Tyresö's Rakel purchase (not eligible, flagged); Stenungsund's reduced payment.
 * The civil-defence part of 2019–2023 is confidential.
 */

export const DEMO_LARGE_SAVINGS_MUNICIPALITY = "0180";
export const DEMO_PLAN_OWED_MUNICIPALITY = "1419";
export const DEMO_RAKEL_MUNICIPALITY = "0138";
/** Nacka: large savings with a savings plan that its figures follow. */
export const DEMO_PLAN_FOLLOWED_MUNICIPALITY = "0182";
/** The savings Nacka used last year, as its plan planned (kronor). */
export const DEMO_PLAN_FOLLOWED_SAVINGS_USE = 600_000;
/** Borås: savings growing three years running, below the large-savings share. */
export const DEMO_GROWING_SAVINGS_MUNICIPALITY = "1490";
const DEMO_REDUCED_MUNICIPALITY = "1415";
/** Tjörn's large savings were detected this many days ago; the county set the plan's due date this many days on. */
const PLAN_OWED_DETECTED_DAYS_AGO = 20;
const PLAN_OWED_DUE_DAYS = 45;
/** Nacka's large savings were detected this many days ago: before the dialogue's video meeting (184 days ago). */
const PLAN_FOLLOWED_DETECTED_DAYS_AGO = 200;
const DEMO_COUNTIES = ["01", "14"];
const CONFIDENTIAL_BASIS = "15 kap. 2 § OSL";

/** Yearly compensation in kronor for the larger municipalities; the rest get 0.8–1.2 MSEK. */
const YEARLY: Record<string, number> = {
  "0180": 27_500_000,
  "0182": 3_000_000,
  "1480": 15_200_000,
  "1490": 4_100_000,
  "0181": 3_200_000,
  "0114": 2_400_000,
  "0138": 1_900_000,
  "1401": 1_600_000,
};

/** A stable number 0..n−1 from a municipality code and a salt. */
const pick = (code: string, salt: number, n: number) => {
  let h = salt * 7919;
  for (const c of code) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return h % n;
};

const yearly = (code: string) => YEARLY[code] ?? 800_000 + pick(code, 1, 41) * 10_000;
const round = (n: number) => Math.round(n / 1000) * 1000;

/** The parts of a year and their shares of the municipality's compensation (the parts of parts-seed.ts). */
const splitOf = (year: number): [string, number][] =>
  year <= 2023
    ? [
        ["okkb-2019", 0.8],
        ["okcf-2019", 0.2],
      ]
    : year <= 2026
      ? [
          ["del1-2024", 0.7],
          ["del2-2024", 0.22],
          ["rakel-2024", 0.08],
        ]
      : [
          ["del1-2027", 0.75],
          ["del2-2027", 0.25],
        ];
const PREDECESSOR: Record<string, string> = {
  "del1-2024": "okkb-2019",
  "del2-2024": "okcf-2019",
  "del1-2027": "del1-2024",
  "del2-2027": "del2-2024",
};

/**
 * What a municipality spends of a part in a year (kronor), from what it had (opening + received); `share` is the
 * part's share of the year's compensation.
 */
function usedOf(
  code: string,
  year: number,
  current: number,
  available: number,
  received: number,
  share: number,
): number {
  if (code === DEMO_LARGE_SAVINGS_MUNICIPALITY)
    // About 80 % of what it receives; once its savings reach about a year's compensation, what it receives.
    return Math.max(round(received * 0.8), available - round(received * 1.1));
  if (code === DEMO_PLAN_OWED_MUNICIPALITY && year >= current - 2) return round(received * 0.7);
  if (code === DEMO_PLAN_FOLLOWED_MUNICIPALITY) {
    // Last year: what it received and the savings its plan planned to use, spread over the parts by their shares.
    if (year === current - 1) return received + round(DEMO_PLAN_FOLLOWED_SAVINGS_USE * share);
    return year >= current - 6 ? round(received * 0.5) : available;
  }
  if (code === DEMO_GROWING_SAVINGS_MUNICIPALITY) return year >= current - 3 ? round(received * 0.85) : available;
  return round(available * (0.85 + pick(code, year, 16) / 100));
}
const CATEGORIES: [string, number][] = [
  ["rsaPlanning", 0.3],
  ["trainingExercises", 0.25],
  ["coordinatingFunction", 0.3],
  ["collaboration", 0.15],
];

export async function seedDemoEconomy(db: Db, clock: Clock): Promise<void> {
  const today = clock.today();
  const current = yearOf(today);
  const now = clock.now();
  const codes = (
    await db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(inArray(municipalities.countyCode, DEMO_COUNTIES))
  ).map((r) => r.code);
  if (codes.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .update(compensationParts)
      .set({ confidentialBasis: CONFIDENTIAL_BASIS, updatedAt: now })
      .where(eq(compensationParts.code, "okcf-2019"));
    const amounts: (typeof compensationAmounts.$inferInsert)[] = [];
    const sets: (typeof costSets.$inferInsert & { items: Omit<typeof costItems.$inferInsert, "setId">[] })[] = [];
    for (const code of codes) {
      const closing = new Map<string, number>();
      for (let year = 2019; year <= current; year++) {
        const base = yearly(code) * (1 + (year - 2019) * 0.03);
        const paid = year < current || today >= `${year}-07-01`;
        const received = new Map<string, number>();
        for (const [part, share] of splitOf(year)) {
          const amount = round(base * share);
          const reduced = code === DEMO_REDUCED_MUNICIPALITY && year === 2025 && part === "del1-2024";
          const adjustment = reduced ? round(amount * 0.1) : null;
          amounts.push({
            municipalityCode: code,
            year,
            partCode: part,
            amount,
            status: reduced ? "reduced" : paid ? "paid" : "announced",
            adjustment,
            statusOn: paid || reduced ? `${year}-06-30` : null,
            createdAt: now,
          });
          received.set(part, paid || reduced ? amount - (adjustment ?? 0) : 0);
        }
        if (year === 2023 && ["0180", "1480", "1490"].includes(code))
          amounts.push({
            municipalityCode: code,
            year,
            partCode: "ledningsplatser",
            amount: code === "0180" ? 2_000_000 : 500_000,
            status: "paid",
            statusOn: `${year}-09-30`,
            createdAt: now,
          });
        // Costs are in up to last year (this year's come with next year's annual report).
        if (year >= current) continue;
        const items: Omit<typeof costItems.$inferInsert, "setId">[] = [];
        const manual = code === "1480" && year === 2021;
        for (const [part, share] of splitOf(year)) {
          const opening = closing.get(part) ?? (PREDECESSOR[part] ? (closing.get(PREDECESSOR[part]!) ?? 0) : 0);
          const available = opening + (received.get(part) ?? 0);
          const used = Math.min(available, usedOf(code, year, current, available, received.get(part) ?? 0, share));
          closing.set(part, Math.max(0, available - used));
          for (const [category, share] of CATEGORIES)
            items.push({
              partCode: part,
              categoryCode: category,
              amount: round(used * share),
              manualCompilation: manual,
            });
        }
        if (code === DEMO_RAKEL_MUNICIPALITY && year === 2025)
          items.push({
            partCode: "rakel-2024",
            categoryCode: "rakelEquipment",
            amount: 180_000,
            manualCompilation: false,
          });
        if (year === 2023 && ["0180", "1480", "1490"].includes(code))
          items.push({
            partCode: "ledningsplatser",
            categoryCode: "heightenedAlert",
            amount: code === "0180" ? 1_800_000 : 450_000,
            manualCompilation: false,
          });
        sets.push({ municipalityCode: code, year, source: "annualReport", version: 1, updatedAt: now, items });
        // The county corrected some years: its entry supersedes the annual report's (both are kept).
        if (pick(code, 3, 6) === 0 && year === current - 2)
          sets.push({
            municipalityCode: code,
            year,
            source: "county",
            version: 1,
            updatedAt: now,
            items: items.map((i) => ({ ...i, amount: round(i.amount * 0.98) })),
          });
      }
    }
    for (let i = 0; i < amounts.length; i += 500)
      await tx.insert(compensationAmounts).values(amounts.slice(i, i + 500));
    for (let i = 0; i < sets.length; i += 200) {
      const chunk = sets.slice(i, i + 200);
      const ids = await tx
        .insert(costSets)
        .values(chunk.map(({ items: _items, ...s }) => s))
        .returning({ id: costSets.id });
      const rows = chunk.flatMap((s, j) => s.items.map((it) => ({ ...it, setId: ids[j]!.id })));
      for (let k = 0; k < rows.length; k += 1000) await tx.insert(costItems).values(rows.slice(k, k + 1000));
    }
    // Detected in the demo's past, so the savings plan is owed (and late) today; Stockholm submitted one since.
    const ctx = { actor: systemActor, requestId: null, clock };
    const later = [DEMO_PLAN_OWED_MUNICIPALITY, DEMO_PLAN_FOLLOWED_MUNICIPALITY];
    const earlier = codes.filter((c) => !later.includes(c));
    await refreshLargeSavings(tx, ctx, earlier, { on: addDays(today, -252) });
    // Nacka: detected in spring, before the dialogue's meeting about it; the county recorded its plan since.
    if (codes.includes(DEMO_PLAN_FOLLOWED_MUNICIPALITY))
      await refreshLargeSavings(tx, ctx, [DEMO_PLAN_FOLLOWED_MUNICIPALITY], {
        on: addDays(today, -PLAN_FOLLOWED_DETECTED_DAYS_AGO),
      });
    // Tjörn: detected recently; the county asked for the plan within 45 days (moved like PUT …/plan-due does).
    if (codes.includes(DEMO_PLAN_OWED_MUNICIPALITY)) {
      const detectedOn = addDays(today, -PLAN_OWED_DETECTED_DAYS_AGO);
      await refreshLargeSavings(tx, ctx, [DEMO_PLAN_OWED_MUNICIPALITY], { on: detectedOn });
      const open = await findOpenDetection(tx, DEMO_PLAN_OWED_MUNICIPALITY);
      if (open) {
        const planDueOn = addDays(detectedOn, PLAN_OWED_DUE_DAYS);
        await updateDetectionDue(tx, open.id, planDueOn);
        await recordAudit(tx, ctx, {
          action: "largeSavings.updateDue",
          entityType: "largeSavings",
          entityId: open.id,
          before: { planDueOn: open.planDueOn },
          after: { municipality: DEMO_PLAN_OWED_MUNICIPALITY, planDueOn },
        });
      }
    }
  });
}

export const economyDemo: DemoStep = {
  name: "economy",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(compensationAmounts))[0]?.n ?? 0) === 0,
  seed: seedDemoEconomy,
};
