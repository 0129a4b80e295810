import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance, setResponsibleOfficer } from "../../../test/factories.js";
import {
  auditEvents,
  compensationAmounts,
  compensationParts,
  costItems,
  costSets,
  largeSavingsDetections,
} from "../../db/schema/index.js";
import { savingsPlanOwedSource } from "./watch-source.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const TODAY = "2027-06-15";
const MILLION = 1_000_000;

async function addPart(t: TestContext, code: string, confidentialBasis: string | null = null) {
  await t.database.db.insert(compensationParts).values({
    code,
    name: `Testdel ${code}`,
    nameEn: `Test part ${code}`,
    firstYear: 2019,
    lastYear: null,
    countsTowardSavings: true,
    confidentialBasis,
    position: 900,
    unverified: true,
    createdAt: t.clock.now(),
  });
}

/** Paid compensation and eligible costs of a year. */
async function addYear(t: TestContext, code: string, part: string, year: number, paid: number, costs: number) {
  const db = t.database.db;
  await db.insert(compensationAmounts).values({
    municipalityCode: code,
    year,
    partCode: part,
    amount: paid,
    status: "paid",
    createdAt: t.clock.now(),
  });
  if (costs === 0) return;
  const [set] = await db
    .insert(costSets)
    .values({ municipalityCode: code, year, source: "county", updatedAt: t.clock.now() })
    .onConflictDoUpdate({ target: [costSets.municipalityCode, costSets.year, costSets.source], set: { version: 1 } })
    .returning({ id: costSets.id });
  await db
    .insert(costItems)
    .values({ setId: set!.id, partCode: part, categoryCode: "trainingExercises", amount: costs });
}

const plan = (over: Record<string, unknown> = {}) => ({
  years: [
    {
      year: 2025,
      plannedSavingsUse: 4 * MILLION,
      plannedCompensationUse: 10 * MILLION,
      activities: "Ny ledningsplats.",
    },
    { year: 2026, plannedSavingsUse: 4 * MILLION, plannedCompensationUse: 10 * MILLION, activities: "Övning." },
    { year: 2027, plannedSavingsUse: 4 * MILLION, plannedCompensationUse: 10 * MILLION, activities: "Utbildning." },
  ],
  note: "Sparandet används under tre år.",
  submit: true,
  ...over,
});

describe("[R2.6-2] savings plans", () => {
  let t: TestContext;
  let officer: Client;
  let otherCounty: Client;
  let coordinator: Client;
  let leadership: Client;
  let agency: Client;
  let detectionId: string;

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set(`${TODAY}T10:00:00+02:00`);
    officer = await t.as({ role: "county", county: "01", name: "Johan Bergström" });
    await setResponsibleOfficer(t.database.db, "0180", officer.user.id);
    await setResponsibleOfficer(t.database.db, "0181", officer.user.id);
    otherCounty = await t.as({ role: "county", county: "14" });
    coordinator = await t.as({ role: "municipality", municipality: "0180", name: "Anders Wikström" });
    leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    agency = await t.as({ role: "agency" });
    await addPart(t, "s2-test");
    // Closing: 2024 8 Mkr, 2025 9 Mkr (nothing used: a deviation), 2026 5 Mkr (4 Mkr used as planned).
    await addYear(t, "0180", "s2-test", 2024, 10 * MILLION, 2 * MILLION);
    await addYear(t, "0180", "s2-test", 2025, 10 * MILLION, 9 * MILLION);
    await addYear(t, "0180", "s2-test", 2026, 10 * MILLION, 14 * MILLION);
  });
  afterAll(() => t.close());

  const owedKeys = async (today = TODAY) =>
    (await savingsPlanOwedSource(t.database.db, { today, counties: ["01"] })).map((i) => i.key);

  it("[R2.6-2] not required before large savings are detected; the tolerance comes from the national rules", async () => {
    const res = await coordinator.get("/api/v1/municipalities/0180/savings-plans");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      items: [],
      required: false,
      owed: false,
      dueOn: null,
      tolerance: { value: 0.2 },
    });
    expect(await owedKeys()).toEqual([]);
  });

  it("[R2.6-2] plan owed on the watch list for the responsible officer, gone once a plan is submitted", async () => {
    const [d] = await t.database.db
      .insert(largeSavingsDetections)
      .values({
        municipalityCode: "0180",
        detectedOn: "2027-05-01",
        judgedYear: 2026,
        planDueOn: "2027-07-30",
        createdAt: t.clock.now(),
      })
      .returning({ id: largeSavingsDetections.id });
    detectionId = d!.id;
    expect((await coordinator.get("/api/v1/municipalities/0180/savings-plans")).json()).toMatchObject({
      required: true,
      owed: true,
      dueOn: "2027-07-30",
    });
    const watch = await officer.get("/api/v1/watch?horizon=3650");
    expect(watch.statusCode, watch.body).toBe(200);
    const item = watch.json().items.find((i: { key: string }) => i.key === `savingsPlan.owed:${detectionId}`);
    expect(item).toMatchObject({
      kind: "savingsPlanOwed",
      due: "2027-07-30",
      title: "Plan för sparande ska lämnas (stort sparande): Stockholm",
      municipality: { code: "0180", name: "Stockholm" },
      responsible: { id: officer.user.id, name: "Johan Bergström" },
    });
    expect(item.link).toContain("0180");
    expect(item.link).toContain("ekonomi");

    // A draft does not clear it; a submitted plan does.
    const draft = await coordinator.post("/api/v1/municipalities/0180/savings-plans", plan({ submit: false }));
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ number: 1, submittedAt: null });
    expect(await owedKeys()).toContain(`savingsPlan.owed:${detectionId}`);
    const submitted = await coordinator.post("/api/v1/municipalities/0180/savings-plans", plan());
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({
      number: 2,
      submittedAt: expect.any(String),
      createdBy: { id: coordinator.user.id, name: "Anders Wikström" },
    });
    expect(await owedKeys()).not.toContain(`savingsPlan.owed:${detectionId}`);
    expect((await coordinator.get("/api/v1/municipalities/0180/savings-plans")).json()).toMatchObject({
      required: true,
      owed: false,
    });
    const after = (await officer.get("/api/v1/watch?horizon=3650")).json();
    expect(after.items.map((i: { key: string }) => i.key)).not.toContain(`savingsPlan.owed:${detectionId}`);
  });

  it("[R2.6-2] a plan submitted before the detection does not answer it", async () => {
    expect((await officer.post("/api/v1/municipalities/0181/savings-plans", plan())).statusCode).toBe(201);
    await t.database.db.insert(largeSavingsDetections).values({
      municipalityCode: "0181",
      detectedOn: "2027-06-20",
      judgedYear: 2026,
      planDueOn: "2027-09-18",
      createdAt: t.clock.now(),
    });
    const owed = await savingsPlanOwedSource(t.database.db, { today: "2027-06-20", municipalities: ["0181"] });
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({ due: "2027-09-18", responsibleUserId: officer.user.id });
  });

  it("[R2.6-2] deviation flagged when less than (1 − tolerance) of the planned savings was used", async () => {
    const list = (await leadership.get("/api/v1/municipalities/0180/savings-plans")).json();
    const submitted = list.items.find((p: { number: number }) => p.number === 2);
    expect(submitted.outcome).toEqual([
      { year: 2025, planned: 4 * MILLION, used: -1 * MILLION, deviation: true },
      { year: 2026, planned: 4 * MILLION, used: 4 * MILLION, deviation: false },
      // The year's costs are not in yet.
      { year: 2027, planned: 4 * MILLION, used: null, deviation: false },
    ]);
  });

  it("[R2.6-2] versions: never rewritten, newest first; the county records a plan received (submitted); audited", async () => {
    const recorded = await officer.post(
      "/api/v1/municipalities/0180/savings-plans",
      plan({ submit: false, note: "Inkom per post." }),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ number: 3, note: "Inkom per post.", submittedAt: expect.any(String) });
    const list = (await agency.get("/api/v1/municipalities/0180/savings-plans")).json();
    expect(list.items.map((p: { number: number }) => p.number)).toEqual([3, 2, 1]);
    expect(list.items[2]).toMatchObject({ number: 1, submittedAt: null });
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "savingsPlans.create"), eq(auditEvents.entityType, "savingsPlan")));
    expect(audits.filter((a) => (a.after as { municipality: string }).municipality === "0180")).toHaveLength(3);
    const bad = await coordinator.post(
      "/api/v1/municipalities/0180/savings-plans",
      plan({ years: [plan().years[0], plan().years[0]] }),
    );
    expect(bad.statusCode).toBe(400);
  });

  it("[R2.6-2] read-only leadership and the agency may not write (403); another county's officer gets 404", async () => {
    expect((await leadership.post("/api/v1/municipalities/0180/savings-plans", plan())).statusCode).toBe(403);
    expect((await agency.post("/api/v1/municipalities/0180/savings-plans", plan())).statusCode).toBe(403);
    expect((await otherCounty.post("/api/v1/municipalities/0180/savings-plans", plan())).statusCode).toBe(404);
    expect((await otherCounty.get("/api/v1/municipalities/0180/savings-plans")).statusCode).toBe(404);
    const other = await t.as({ role: "municipality", municipality: "0181" });
    expect((await other.get("/api/v1/municipalities/0180/savings-plans")).statusCode).toBe(404);
  });

  it("[R2.6-2] a confidential part's amounts: the outcome is unknown without clearance, shown and logged with it", async () => {
    await addPart(t, "s2-secret", "15 kap. 2 § OSL");
    await addYear(t, "0180", "s2-secret", 2025, MILLION, 0);
    const uncleared = (await officer.get("/api/v1/municipalities/0180/savings-plans")).json();
    for (const p of uncleared.items)
      for (const o of p.outcome) expect(o).toMatchObject({ used: null, deviation: false });
    const cleared = await t.as({ role: "county", county: "01" });
    await buildClearance({ database: t.database, clock: t.clock }, { userId: cleared.user.id, county: "01" });
    const shown = (await cleared.get("/api/v1/municipalities/0180/savings-plans")).json();
    expect(shown.items[0].outcome.slice(0, 2)).toEqual([
      { year: 2025, planned: 4 * MILLION, used: -2 * MILLION, deviation: true },
      { year: 2026, planned: 4 * MILLION, used: 4 * MILLION, deviation: false },
    ]);
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.actorId, cleared.user.id)));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.after).toMatchObject({ municipality: "0180", parts: ["outcome"] });
  });
});

describe("[R2.6-2] savings plan owed: one rule for the watch list, the county's list and the plans", () => {
  let t: TestContext;
  const DETECTED = "2027-06-15";

  beforeAll(async () => {
    t = await createTestContext();
    await addPart(t, "s2-owed");
    // Both have large savings in 2026: 9 Mkr of 10 Mkr left.
    for (const code of ["0182", "0183"]) await addYear(t, code, "s2-owed", 2026, 10 * MILLION, MILLION);
    // 0182 submits at 23:30 the evening before the detection day; 0183 at 00:30 on the day (Stockholm time).
    t.clock.set(`2027-06-14T23:30:00+02:00`);
    const early = await t.as({ role: "municipality", municipality: "0182" });
    expect((await early.post("/api/v1/municipalities/0182/savings-plans", plan())).statusCode).toBe(201);
    t.clock.set(`${DETECTED}T00:30:00+02:00`);
    const onTheDay = await t.as({ role: "municipality", municipality: "0183" });
    expect((await onTheDay.post("/api/v1/municipalities/0183/savings-plans", plan())).statusCode).toBe(201);
    for (const code of ["0182", "0183"])
      await t.database.db.insert(largeSavingsDetections).values({
        municipalityCode: code,
        detectedOn: DETECTED,
        judgedYear: 2026,
        planDueOn: "2027-09-13",
        createdAt: t.clock.now(),
      });
    t.clock.set(`${DETECTED}T10:00:00+02:00`);
  });
  afterAll(() => t.close());

  it("[R2.6-2] a plan submitted on the detection day answers it everywhere; one submitted the day before nowhere", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    const watched = (await savingsPlanOwedSource(t.database.db, { today: DETECTED, counties: ["01"] })).map(
      (i) => i.municipality?.code,
    );
    expect(watched).toContain("0182");
    expect(watched).not.toContain("0183");

    const large = await officer.get("/api/v1/counties/01/large-savings?year=2026");
    expect(large.statusCode, large.body).toBe(200);
    const flag = (code: string) =>
      (large.json().items as { municipality: { code: string }; since: string; savingsPlan: boolean }[]).find(
        (i) => i.municipality.code === code,
      );
    expect(flag("0182")).toMatchObject({ since: DETECTED, savingsPlan: false });
    expect(flag("0183")).toMatchObject({ since: DETECTED, savingsPlan: true });

    const plans = async (code: string) => (await officer.get(`/api/v1/municipalities/${code}/savings-plans`)).json();
    expect(await plans("0182")).toMatchObject({ required: true, owed: true, dueOn: "2027-09-13" });
    expect(await plans("0183")).toMatchObject({ required: true, owed: false, dueOn: "2027-09-13" });
  });
});
