import { addDays, stockholmDate } from "@uppsikt/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import { sessionFor } from "../../../test/factories.js";
import { largeSavingsDetections, municipalities } from "../../db/schema/index.js";
import { seedDemo } from "../../db/seed/demo.js";
import { documentRequestsDemo } from "../document-requests/demo.js";
import {
  DEMO_LARGE_SAVINGS_MUNICIPALITY,
  DEMO_PLAN_FOLLOWED_MUNICIPALITY,
  DEMO_PLAN_FOLLOWED_SAVINGS_USE,
  DEMO_PLAN_OWED_MUNICIPALITY,
  economyDemo,
} from "../economy/demo.js";
import { visitsDemo } from "../visits/demo.js";
import { economicReviewsDemo } from "./demo.js";

describe("demo economic reviews and savings plan", () => {
  let t: TestContext;
  let officer: Awaited<ReturnType<TestContext["as"]>>;
  beforeAll(async () => {
    t = await createTestContext();
    const db = t.database.db;
    await seedDemo(db, t.clock);
    for (const step of [visitsDemo, documentRequestsDemo, economyDemo, economicReviewsDemo])
      await step.seed(db, t.clock);
    officer = await t.as({ role: "county", county: "01" });
  }, 120_000);
  afterAll(() => t.close());

  it("[R2.5-1] [R2.5-5] [R2.5-6] [R2.5-4] Stockholm's reviews: a remaining-funds decision, an own audit, a linked request", async () => {
    const now = (await officer.get("/api/v1/municipalities/0180/economic-reviews")).json();
    expect(now.items.length).toBeGreaterThan(0);
    expect(now.items.every((r: { held: boolean }) => r.held)).toBe(true);
    expect(now.items.some((r: { files: { kind: string }[] }) => r.files.some((f) => f.kind === "ownAudit"))).toBe(true);
    expect(now.items.some((r: { documentRequests: unknown[] }) => r.documentRequests.length === 1)).toBe(true);
    const file = now.items.flatMap((r: { files: { downloadUrl: string }[] }) => r.files)[0];
    const download = await officer.get(file.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const before = (await officer.get(`/api/v1/municipalities/0180/economic-reviews?period=${now.period - 4}`)).json();
    expect(before.items.some((r: { remainingFunds: unknown }) => r.remainingFunds !== null)).toBe(true);
  });

  it("[R2.5-1] Vaxholm is short this period; most others are not", async () => {
    const vaxholm = (await officer.get("/api/v1/municipalities/0187/economic-reviews")).json();
    expect(vaxholm).toMatchObject({ items: [], held: 0, planned: 0 });
    expect(vaxholm.warnings).toContain("economicReviewsShort");
    const solna = (await officer.get("/api/v1/municipalities/0184/economic-reviews")).json();
    expect(solna.held).toBeGreaterThan(0);
  });

  it("[R2.6-2] Stockholm's submitted savings plan deviates for last year", async () => {
    const plans = (await officer.get("/api/v1/municipalities/0180/savings-plans")).json();
    expect(plans.items).toHaveLength(1);
    expect(plans.items[0].submittedAt).not.toBeNull();
    const year = Number(t.clock.today().slice(0, 4));
    expect(plans.items[0].outcome.find((o: { year: number }) => o.year === year - 1)).toMatchObject({
      deviation: true,
    });
  });

  it("[R2.6-2] Nacka's savings plan, recorded by its officer after the detection, shows no deviation for last year", async () => {
    const today = t.clock.today();
    const year = Number(today.slice(0, 4));
    const [detection] = await t.database.db
      .select()
      .from(largeSavingsDetections)
      .where(eq(largeSavingsDetections.municipalityCode, DEMO_PLAN_FOLLOWED_MUNICIPALITY));
    const plans = (await officer.get(`/api/v1/municipalities/${DEMO_PLAN_FOLLOWED_MUNICIPALITY}/savings-plans`)).json();
    expect(plans).toMatchObject({ required: true, owed: false });
    expect(plans.items).toHaveLength(1);
    const [plan] = plans.items;
    expect(plan.createdBy.name).toBe("Sara Nyström");
    // The day the dialogue's follow-up asking for the plan was done; after the detection.
    expect(stockholmDate(new Date(plan.submittedAt))).toBe(addDays(today, -126));
    expect(stockholmDate(new Date(plan.submittedAt)) >= detection!.detectedOn).toBe(true);
    const last = plan.outcome.find((o: { year: number }) => o.year === year - 1);
    expect(last).toMatchObject({ planned: DEMO_PLAN_FOLLOWED_SAVINGS_USE, deviation: false });
    expect(last.used).toBeGreaterThanOrEqual(0.8 * DEMO_PLAN_FOLLOWED_SAVINGS_USE);
    expect(plan.outcome.every((o: { deviation: boolean }) => !o.deviation)).toBe(true);
  });

  it("[R2.6-2] the county's large savings: Nacka's and Stockholm's plans are in, Tjörn's is owed on the watch list", async () => {
    const large = (await officer.get("/api/v1/counties/01/large-savings")).json();
    expect(
      large.items.map((i: { municipality: { code: string }; savingsPlan: boolean }) => [
        i.municipality.code,
        i.savingsPlan,
      ]),
    ).toEqual([
      [DEMO_PLAN_FOLLOWED_MUNICIPALITY, true],
      [DEMO_LARGE_SAVINGS_MUNICIPALITY, true],
    ]);
    const owedOn = async (code: string) => {
      const [town] = await t.database.db
        .select({ officerId: municipalities.responsibleOfficerId })
        .from(municipalities)
        .where(eq(municipalities.code, code));
      const client = clientFor(t.app, await sessionFor(t.database.db, town!.officerId!, t.clock.now()));
      const watch = await client.get("/api/v1/watch");
      expect(watch.statusCode, watch.body).toBe(200);
      return watch
        .json()
        .items.filter((i: { kind: string }) => i.kind === "savingsPlanOwed")
        .map((i: { municipality: { code: string } }) => i.municipality.code);
    };
    expect(await owedOn(DEMO_PLAN_FOLLOWED_MUNICIPALITY)).not.toContain(DEMO_PLAN_FOLLOWED_MUNICIPALITY);
    expect(await owedOn(DEMO_LARGE_SAVINGS_MUNICIPALITY)).not.toContain(DEMO_LARGE_SAVINGS_MUNICIPALITY);
    expect(await owedOn(DEMO_PLAN_OWED_MUNICIPALITY)).toEqual([DEMO_PLAN_OWED_MUNICIPALITY]);
  });
});
