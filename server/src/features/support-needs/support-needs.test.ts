import { AnnualFormDefinition, type Answers } from "@uppsikt/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance, buildWarning, insertDocumentVersion } from "../../../test/factories.js";
import {
  actions,
  annualReportRounds,
  annualReports,
  compensationAmounts,
  compensationParts,
  costItems,
  costSets,
} from "../../db/schema/index.js";
import { insertPublishedForm } from "../annual-forms/test-support.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;
interface Reason {
  rule: string;
  weight: number;
  detail: string;
  data: Record<string, unknown>;
}
interface Item {
  municipality: { code: string; name: string };
  score: number;
  reasons: Reason[];
}

/** Two questions with a warning condition and a better direction. */
const form = () =>
  AnnualFormDefinition.parse({
    indicators: {
      sections: [
        {
          key: "krisledning",
          title: "Krisledning",
          questions: [
            {
              key: "krisledningOvat",
              type: "yesNo",
              label: "Har krisledningsnämnden övat under året?",
              area: "crisisPreparedness",
              required: true,
              warning: { op: "equals", value: false, text: "Krisledningsnämnden ska öva varje år." },
              better: "higher",
            },
            {
              key: "antalOvningar",
              type: "number",
              label: "Hur många övningar har genomförts?",
              area: "crisisPreparedness",
              better: "higher",
            },
          ],
        },
      ],
    },
    events: { sections: [] },
    activities: { sections: [] },
  });

describe("[R2.4-3] [R2.2-6] who needs support", () => {
  let t: TestContext;
  let officer: Client;
  let otherCounty: Client;
  let coordinator: Client;
  let agency: Client;
  let items: Item[];

  const report = async (code: string, year: number, formId: string, answers: Answers, submittedOn: string) => {
    const at = new Date(`${submittedOn}T10:00:00+01:00`);
    const [r] = await t.database.db
      .insert(annualReports)
      .values({
        municipalityCode: code,
        year,
        formId,
        answers,
        costs: [],
        createdAt: at,
        createdBy: coordinator.user.id,
        updatedAt: at,
        updatedBy: coordinator.user.id,
      })
      .returning({ id: annualReports.id });
    await t.database.db.insert(annualReportRounds).values({
      reportId: r!.id,
      number: 1,
      answers,
      costs: [],
      submittedAt: at,
      submittedOn,
      submittedBy: coordinator.user.id,
    });
  };

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-03-10T10:00:00+01:00");
    const db = t.database.db;
    officer = await t.as({ role: "county", county: "01" });
    otherCounty = await t.as({ role: "county", county: "14" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    agency = await t.as({ role: "agency" });
    const f2024 = await insertPublishedForm(db, { year: 2024, definition: form() });
    const f2025 = await insertPublishedForm(db, { year: 2025, definition: form() });
    // Stockholm: late, "no" to the exercise question (a warning sign, and worse than last year), fewer exercises.
    await report("0180", 2024, f2024.id, { krisledningOvat: true, antalOvningar: 3 }, "2025-02-10");
    await report("0180", 2025, f2025.id, { krisledningOvat: false, antalOvningar: 1 }, "2026-02-20");
    // Södertälje: in time, nothing to warn about; its RSA came in.
    await report("0181", 2025, f2025.id, { krisledningOvat: true, antalOvningar: 4 }, "2026-02-15");
    await insertDocumentVersion(t, {
      municipality: "0181",
      type: "rsa",
      decidedOn: "2023-10-01",
      receivedOn: "2023-10-02",
      createdBy: officer.user.id,
    });
    // A cost in a not-eligible category.
    await db.insert(compensationParts).values({
      code: "sn-test",
      name: "Testdel",
      nameEn: "Test part",
      firstYear: 2019,
      lastYear: null,
      countsTowardSavings: true,
      confidentialBasis: null,
      position: 900,
      unverified: true,
      createdAt: t.clock.now(),
    });
    await db.insert(compensationAmounts).values({
      municipalityCode: "0180",
      year: 2025,
      partCode: "sn-test",
      amount: 1_000_000,
      status: "paid",
      createdAt: t.clock.now(),
    });
    const [set] = await db
      .insert(costSets)
      .values({ municipalityCode: "0180", year: 2025, source: "county", updatedAt: t.clock.now() })
      .returning({ id: costSets.id });
    await db
      .insert(costItems)
      .values({ setId: set!.id, partCode: "sn-test", categoryCode: "rakelEquipment", amount: 125_000 });
    // An overdue action, one reported done (not overdue), an open early warning.
    const action = (due: string, status: string) => ({
      municipalityCode: "0180",
      period: 2023,
      source: "municipality",
      text: "Uppdatera krisledningsplanen",
      due,
      status,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    await db.insert(actions).values([action("2026-01-31", "inProgress"), action("2026-01-15", "reportedDone")]);
    await buildWarning(t, officer.user, "0180", { description: "Reservkraften saknas på ledningsplatsen." });

    const res = await officer.get("/api/v1/counties/01/support-needs");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2025);
    expect(body.weightsSource).toMatch(/förslag/);
    items = body.items;
  });
  afterAll(() => t.close());

  it("[R2.4-3] a not-eligible cost of a confidential part: no amount for an uncleared reader, the amount when cleared", async () => {
    const db = t.database.db;
    await db.insert(compensationParts).values({
      code: "sn-secret",
      name: "Sekretessbelagd testdel",
      nameEn: "Confidential test part",
      firstYear: 2019,
      lastYear: null,
      countsTowardSavings: true,
      confidentialBasis: "15 kap. 2 § OSL",
      position: 901,
      unverified: true,
      createdAt: t.clock.now(),
    });
    const [set] = await db
      .insert(costSets)
      .values({ municipalityCode: "0183", year: 2025, source: "county", updatedAt: t.clock.now() })
      .returning({ id: costSets.id });
    await db
      .insert(costItems)
      .values({ setId: set!.id, partCode: "sn-secret", categoryCode: "officerOnDuty", amount: 40_000 });
    const costOf = async (client: Client) => {
      const res = await client.get("/api/v1/counties/01/support-needs");
      expect(res.statusCode, res.body).toBe(200);
      const item = (res.json().items as Item[]).find((i) => i.municipality.code === "0183")!;
      return item.reasons.find((r) => r.rule === "notEligibleCosts")!;
    };
    const hidden = await costOf(officer);
    expect(hidden.data.amount).toBeNull();
    expect(hidden.detail).toContain("sekretessbelagt");
    expect((await costOf(agency)).data.amount).toBeNull();
    await buildClearance(t, { userId: officer.user.id, county: "01" });
    expect((await costOf(officer)).data.amount).toBe(40_000);
  });

  const of = (code: string) => items.find((i) => i.municipality.code === code)!;
  const rules = (code: string) => of(code).reasons.map((r) => r.rule);

  it("[R2.4-3] ranking reasons from real data: late report, warning and worse answers, flagged cost, overdue action, open early warning", () => {
    const stockholm = of("0180");
    expect(items[0]!.municipality.code).toBe("0180");
    expect(rules("0180")).toEqual(
      expect.arrayContaining([
        "annualReportLate",
        "warningAnswer",
        "worseThanLastYear",
        "notEligibleCosts",
        "overdueActions",
        "openEarlyWarnings",
      ]),
    );
    const reason = (rule: string) => stockholm.reasons.filter((r) => r.rule === rule);
    expect(reason("annualReportLate")[0]).toMatchObject({
      weight: 2,
      detail: "Årsrapporten för 2025 kom in 2026-02-20 (sista dag 2026-02-15).",
    });
    expect(reason("warningAnswer")[0]!.detail).toContain("Har krisledningsnämnden övat under året?");
    expect(reason("warningAnswer")[0]!.detail).toContain("Nej");
    expect(reason("worseThanLastYear").map((r) => r.data.question)).toEqual(["krisledningOvat", "antalOvningar"]);
    expect(reason("notEligibleCosts")[0]!.data).toMatchObject({ year: 2025, amount: 125_000 });
    expect(reason("overdueActions")[0]!.data).toEqual({ count: 1 });
    expect(reason("openEarlyWarnings")[0]!.data).toEqual({ count: 1 });
    expect(stockholm.score).toBe(stockholm.reasons.reduce((s, r) => s + r.weight, 0));
    // Scores descend.
    expect(items.map((i) => i.score)).toEqual([...items.map((i) => i.score)].sort((a, b) => b - a));
  });

  it("[R2.4-3] a report not in by the deadline is missing; one in on the deadline day is not late", () => {
    expect(rules("0181")).not.toContain("annualReportLate");
    expect(rules("0181")).not.toContain("annualReportMissing");
    expect(rules("0181")).not.toContain("warningAnswer");
    expect(rules("0182")).toContain("annualReportMissing");
    expect(of("0182").reasons.find((r) => r.rule === "annualReportMissing")!.detail).toBe(
      "Årsrapporten för 2025 har inte lämnats in (sista dag 2026-02-15).",
    );
    expect(of("0181").score).toBeLessThan(of("0182").score);
  });

  it("[R2.2-6] a missing required document of the mandate period is a reason", () => {
    const missing = of("0180").reasons.filter((r) => r.rule === "documentMissing");
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]!.detail).toMatch(/^Styrdokument saknas: /);
    const rsa = missing.find((r) => /risk- och sårbarhetsanalys/i.test(String(r.data.documentType)));
    expect(rsa).toBeDefined();
    // Södertälje's RSA came in: not missing there.
    expect(
      of("0181").reasons.filter((r) => r.rule === "documentMissing" && r.data.documentType === rsa!.data.documentType),
    ).toEqual([]);
  });

  it("[R2.4-3] scope: the agency reads any county, another county 404, a municipality 403; an earlier year on request", async () => {
    expect((await agency.get("/api/v1/counties/01/support-needs")).statusCode).toBe(200);
    expect((await otherCounty.get("/api/v1/counties/01/support-needs")).statusCode).toBe(404);
    expect((await coordinator.get("/api/v1/counties/01/support-needs")).statusCode).toBe(403);
    expect((await agency.get("/api/v1/counties/99/support-needs")).statusCode).toBe(404);
    const earlier = await officer.get("/api/v1/counties/01/support-needs?year=2024");
    expect(earlier.statusCode, earlier.body).toBe(200);
    const stockholm = (earlier.json().items as Item[]).find((i) => i.municipality.code === "0180")!;
    expect(stockholm.reasons.map((r) => r.rule)).not.toContain("annualReportLate");
    expect(stockholm.reasons.map((r) => r.rule)).not.toContain("warningAnswer");
  });
});
