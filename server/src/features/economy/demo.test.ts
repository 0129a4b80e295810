import { addDays, yearOf, yearTotals } from "@uppsikt/core";
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import { sessionFor } from "../../../test/factories.js";
import { compensationAmounts, costSets, largeSavingsDetections, municipalities } from "../../db/schema/index.js";
import { seedDemo } from "../../db/seed/demo.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import {
  DEMO_GROWING_SAVINGS_MUNICIPALITY,
  DEMO_LARGE_SAVINGS_MUNICIPALITY,
  DEMO_PLAN_FOLLOWED_MUNICIPALITY,
  DEMO_PLAN_FOLLOWED_SAVINGS_USE,
  DEMO_PLAN_OWED_MUNICIPALITY,
  economyDemo,
} from "./demo.js";
import { savingsFigures } from "./figures.js";

/** Σ closing over the parts that count, by year (no confidentiality: straight from the figures). */
async function closingsOf(t: TestContext, code: string): Promise<Map<number, number>> {
  const toYear = yearOf(t.clock.today());
  const figures = (await savingsFigures(t.database.db, [code], toYear, nationalRulesReader(t.database.db))).get(code)!;
  return new Map(figures.yearsWithCosts.map((y) => [y, yearTotals(figures.rows, y).closing]));
}

describe("demo economy", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedDemo(t.database.db, t.clock);
    expect(await economyDemo.isEmpty(t.database.db)).toBe(true);
    await economyDemo.seed(t.database.db, t.clock);
  });
  afterAll(() => t.close());

  it("[R2.6-1] compensation for every municipality of the demo counties, costs from 2019, three municipalities with large savings", async () => {
    expect(await economyDemo.isEmpty(t.database.db)).toBe(false);
    const amounts = await t.database.db.select().from(compensationAmounts);
    expect(new Set(amounts.map((a) => a.municipalityCode)).size).toBe(75);
    expect(Math.min(...amounts.map((a) => a.year))).toBe(2019);
    expect(amounts.some((a) => a.status === "reduced" && a.municipalityCode === "1415")).toBe(true);
    const stockholm2025 = amounts
      .filter((a) => a.municipalityCode === "0180" && a.year === 2025)
      .reduce((s, a) => s + a.amount, 0);
    expect(stockholm2025).toBeGreaterThan(25_000_000);
    const sets = await t.database.db.select().from(costSets);
    expect(sets.some((s) => s.source === "county")).toBe(true);
    const open = await t.database.db
      .select()
      .from(largeSavingsDetections)
      .where(isNull(largeSavingsDetections.clearedOn));
    expect(open.map((d) => d.municipalityCode).sort()).toEqual(
      [DEMO_LARGE_SAVINGS_MUNICIPALITY, DEMO_PLAN_FOLLOWED_MUNICIPALITY, DEMO_PLAN_OWED_MUNICIPALITY].sort(),
    );
    expect(open.every((d) => d.detectedOn < t.clock.today())).toBe(true);
  });

  it("[R2.6-1] Stockholm's savings are large but realistic: about a year's compensation in the judged year", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const e = (await officer.get(`/api/v1/municipalities/${DEMO_LARGE_SAVINGS_MUNICIPALITY}/economy`)).json();
    const current = yearOf(t.clock.today());
    expect(e.largeSavings).toMatchObject({ status: true, judgedYear: current - 1 });
    expect(e.largeSavings.share).toBeGreaterThan(0.8);
    expect(e.largeSavings.share).toBeLessThan(1.3);
    // The current year's costs are not in: it decides nothing, though all it received looks saved.
    const last = e.years.at(-1);
    expect(last).toMatchObject({ year: current, costsIn: false, largeSavings: false });
    expect(e.years.find((y: { year: number }) => y.year === current - 1)).toMatchObject({
      costsIn: true,
      largeSavings: true,
    });
  });

  it("[R2.6-1] Nacka's savings are about two years' compensation, grew three years running and were detected before the dialogue's meeting", async () => {
    const today = t.clock.today();
    const current = yearOf(today);
    const officer = await t.as({ role: "county", county: "01" });
    const e = (await officer.get(`/api/v1/municipalities/${DEMO_PLAN_FOLLOWED_MUNICIPALITY}/economy`)).json();
    expect(e.largeSavings).toMatchObject({ status: true, judgedYear: current - 1, since: addDays(today, -200) });
    expect(e.largeSavings.share).toBeGreaterThan(1.9);
    expect(e.largeSavings.share).toBeLessThan(2.4);
    // The dialogue's video meeting about the savings was 184 days ago; the plan was asked for then.
    expect(e.largeSavings.since < addDays(today, -184)).toBe(true);
    const closing = await closingsOf(t, DEMO_PLAN_FOLLOWED_MUNICIPALITY);
    const c = (y: number) => closing.get(y)!;
    for (const y of [current - 4, current - 3, current - 2]) expect(c(y)).toBeGreaterThan(c(y - 1));
    // Last year it used the savings its plan planned (cost items are rounded to whole thousands).
    expect(Math.abs(c(current - 2) - c(current - 1) - DEMO_PLAN_FOLLOWED_SAVINGS_USE)).toBeLessThanOrEqual(5_000);
  });

  it("[R2.6-1] Borås's savings grew three years running but stay below the large-savings share", async () => {
    const current = yearOf(t.clock.today());
    const officer = await t.as({ role: "county", county: "14" });
    const e = (await officer.get(`/api/v1/municipalities/${DEMO_GROWING_SAVINGS_MUNICIPALITY}/economy`)).json();
    expect(e.largeSavings).toMatchObject({ status: false, judgedYear: current - 1, since: null });
    expect(e.largeSavings.share).toBeGreaterThan(0.35);
    expect(e.largeSavings.share).toBeLessThan(e.rules.largeSavingsShare.value);
    const closing = await closingsOf(t, DEMO_GROWING_SAVINGS_MUNICIPALITY);
    const c = (y: number) => closing.get(y)!;
    for (const y of [current - 3, current - 2, current - 1]) expect(c(y)).toBeGreaterThan(c(y - 1));
    const detections = await t.database.db
      .select()
      .from(largeSavingsDetections)
      .where(eq(largeSavingsDetections.municipalityCode, DEMO_GROWING_SAVINGS_MUNICIPALITY));
    expect(detections).toEqual([]);
  });

  it("[R2.6-2] Tjörn's large savings were detected recently and its plan is owed on its officer's watch list", async () => {
    const today = t.clock.today();
    const officer = await t.as({ role: "county", county: "14" });
    const e = (await officer.get(`/api/v1/municipalities/${DEMO_PLAN_OWED_MUNICIPALITY}/economy`)).json();
    const current = yearOf(today);
    expect(e.largeSavings).toMatchObject({
      status: true,
      judgedYear: current - 1,
      since: addDays(today, -20),
      planDueOn: addDays(today, 25),
    });
    // Last year's costs made the savings large; the year before they were not.
    expect(e.years.find((y: { year: number }) => y.year === current - 2).largeSavings).toBe(false);
    const list = (await officer.get("/api/v1/counties/14/large-savings")).json();
    expect(list.items).toEqual([
      expect.objectContaining({ municipality: expect.objectContaining({ code: DEMO_PLAN_OWED_MUNICIPALITY }) }),
    ]);
    const [town] = await t.database.db
      .select({ officerId: municipalities.responsibleOfficerId })
      .from(municipalities)
      .where(eq(municipalities.code, DEMO_PLAN_OWED_MUNICIPALITY));
    const responsible = clientFor(t.app, await sessionFor(t.database.db, town!.officerId!, t.clock.now()));
    const watch = await responsible.get("/api/v1/watch");
    expect(watch.statusCode, watch.body).toBe(200);
    const owed = watch
      .json()
      .items.filter((i: { kind: string; municipality: { code: string } | null }) => i.kind === "savingsPlanOwed");
    expect(owed).toEqual([
      expect.objectContaining({
        municipality: expect.objectContaining({ code: DEMO_PLAN_OWED_MUNICIPALITY }),
        due: addDays(today, 25),
        overdue: false,
        kindLabel: "Plan för sparande",
      }),
    ]);
  });

  it("[R2.5-3] Tyresö's Rakel purchase is flagged on its economy", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const e = (await officer.get("/api/v1/municipalities/0138/economy")).json();
    expect(
      e.flags.some((f: { category: string; year: number }) => f.category === "rakelEquipment" && f.year === 2025),
    ).toBe(true);
    expect(e.largeSavings.status).toBe(false);
    const county = (await officer.get("/api/v1/counties/01/economy?year=2025")).json();
    expect(county.items).toHaveLength(26);
  });

  it("[R2.6-1] the county economy table for 49 municipalities × 8 years (the bench scenario) answers, for last year by default", async () => {
    const officer = await t.as({ role: "county", county: "14" });
    const started = performance.now();
    const res = await officer.get("/api/v1/counties/14/economy");
    const ms = performance.now() - started;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().year).toBe(yearOf(t.clock.today()) - 1);
    expect(res.json().items).toHaveLength(49);
    expect(res.json().items.every((r: { costsIn: boolean }) => r.costsIn)).toBe(true);
    expect(ms).toBeLessThan(10_000);
    const large = (
      await (await t.as({ role: "county", county: "01" })).get("/api/v1/counties/01/large-savings")
    ).json();
    // Ranked by share: Nacka's two years before Stockholm's one.
    expect(large.items.map((i: { municipality: { code: string } }) => i.municipality.code)).toEqual([
      DEMO_PLAN_FOLLOWED_MUNICIPALITY,
      DEMO_LARGE_SAVINGS_MUNICIPALITY,
    ]);
  });
});

describe("demo economy on a clock in the next agreement period", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2027-02-10T10:00:00+01:00");
    await seedDemo(t.database.db, t.clock);
    await economyDemo.seed(t.database.db, t.clock);
  });
  afterAll(() => t.close());

  it("[R1-5] [R2.6-1] from 2027 the compensation is of the 2027 parts; the savings stories still hold", async () => {
    const amounts = await t.database.db.select().from(compensationAmounts);
    expect(new Set(amounts.filter((a) => a.year === 2027).map((a) => a.partCode))).toEqual(
      new Set(["del1-2027", "del2-2027"]),
    );
    const agency = await t.as({ role: "agency" });
    for (const code of [DEMO_LARGE_SAVINGS_MUNICIPALITY, DEMO_PLAN_OWED_MUNICIPALITY]) {
      const e = (await agency.get(`/api/v1/municipalities/${code}/economy`)).json();
      expect(e.largeSavings).toMatchObject({ status: true, judgedYear: 2026 });
      expect(e.largeSavings.share).toBeLessThan(1.3);
    }
    const nacka = (await agency.get(`/api/v1/municipalities/${DEMO_PLAN_FOLLOWED_MUNICIPALITY}/economy`)).json();
    expect(nacka.largeSavings).toMatchObject({ status: true, judgedYear: 2026 });
    expect(nacka.largeSavings.share).toBeGreaterThan(1.9);
    const boras = (await agency.get(`/api/v1/municipalities/${DEMO_GROWING_SAVINGS_MUNICIPALITY}/economy`)).json();
    expect(boras.largeSavings).toMatchObject({ status: false, judgedYear: 2026 });
  });
});
