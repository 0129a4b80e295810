import { checkAnswers, missingAnswers, yearOf } from "@uppsikt/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { seedDemo } from "../../db/seed/demo.js";
import { annualFormsDemo } from "../annual-forms/demo.js";
import { annualForms } from "../annual-forms/schema.js";
import { economyDemo } from "../economy/demo.js";
import { annualReportRounds, annualReports } from "./schema.js";
import { DEMO_LATE_MUNICIPALITY, DEMO_MISSING_MUNICIPALITY, annualReportsDemo } from "./demo.js";

type Row = { municipality: { code: string }; status: string; late: boolean; missing: boolean; rounds: number };

describe("demo annual reports (R2.4-2)", () => {
  let t: TestContext;
  let year: number;
  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-12-01T10:00:00+01:00");
    const db = t.database.db;
    await seedDemo(db, t.clock);
    for (const step of [economyDemo, annualFormsDemo, annualReportsDemo]) await step.seed(db, t.clock);
    year = yearOf(t.clock.today());
  }, 120_000);
  afterAll(() => t.close());

  const list = async (county: string, y: number) => {
    const officer = await t.as({ role: "county", county });
    const res = await officer.get(`/api/v1/counties/${county}/annual-reports?year=${y}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Row[];
  };

  it("[R2.4-2] last year: every report accepted (some after a return), one late, one missing", async () => {
    const rows = [...(await list("01", year - 1)), ...(await list("14", year - 1))];
    const byCode = new Map(rows.map((r) => [r.municipality.code, r]));
    expect(byCode.get(DEMO_MISSING_MUNICIPALITY)).toMatchObject({ status: "notStarted", missing: true });
    expect(byCode.get(DEMO_LATE_MUNICIPALITY)).toMatchObject({ status: "accepted", late: true });
    const others = rows.filter((r) => r.municipality.code !== DEMO_MISSING_MUNICIPALITY);
    expect(others.every((r) => r.status === "accepted")).toBe(true);
    expect(rows.filter((r) => r.late).map((r) => r.municipality.code)).toEqual([DEMO_LATE_MUNICIPALITY]);
    expect(rows.filter((r) => r.missing)).toHaveLength(1);
    expect(rows.filter((r) => r.rounds === 2).length).toBeGreaterThan(1);
  });

  it("[R2.4-2] this year: every status in each county; Stockholm is a draft its coordinator can fill", async () => {
    for (const county of ["01", "14"]) {
      const statuses = new Set((await list(county, year)).map((r) => r.status));
      expect([...statuses].sort()).toEqual(["accepted", "draft", "notStarted", "returned", "submitted"]);
    }
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    const report = (await coordinator.get(`/api/v1/municipalities/0180/annual-reports/${year}`)).json();
    expect(report).toMatchObject({ status: "draft", can: { edit: true, submit: true } });
    expect(Object.keys(report.answers).length).toBeGreaterThan(0);
    // Last year's accepted report carries the economy's annual-report costs.
    const last = (await coordinator.get(`/api/v1/municipalities/0180/annual-reports/${year - 1}`)).json();
    expect(last.costs.length).toBeGreaterThan(0);
    const missing = await coordinator.post(`/api/v1/municipalities/0180/annual-reports/${year}/submit`, {
      version: report.version,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.missing.length).toBeGreaterThan(0);
  });

  it("[R2.4-2] every submitted demo round fits its form: answers of the right types, no required answer missing", async () => {
    const db = t.database.db;
    const rows = await db
      .select({ answers: annualReportRounds.answers, definition: annualForms.definition })
      .from(annualReportRounds)
      .innerJoin(annualReports, eq(annualReports.id, annualReportRounds.reportId))
      .innerJoin(annualForms, eq(annualForms.id, annualReports.formId));
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      expect(checkAnswers(r.definition, r.answers)).toEqual([]);
      expect(missingAnswers(r.definition, r.answers)).toEqual([]);
    }
  });
});
