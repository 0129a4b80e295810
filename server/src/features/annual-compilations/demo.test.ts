import { type CountyCompilation, yearOf } from "@uppsikt/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { seedDemo } from "../../db/seed/demo.js";
import { annualFormsDemo } from "../annual-forms/demo.js";
import { annualReportsDemo } from "../annual-reports/demo.js";
import { economyDemo } from "../economy/demo.js";
import { annualCompilationsDemo } from "./demo.js";

describe("demo compilations (R2.4-2)", () => {
  let t: TestContext;
  let year: number;
  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-12-01T10:00:00+01:00");
    const db = t.database.db;
    await seedDemo(db, t.clock);
    for (const step of [economyDemo, annualFormsDemo, annualReportsDemo, annualCompilationsDemo])
      await step.seed(db, t.clock);
    year = yearOf(t.clock.today()) - 1;
  }, 180_000);
  afterAll(() => t.close());

  it("[R2.4-2] both demo counties forwarded last year's compilation, unchanged since, with an assessment and a registration number", async () => {
    const agency = await t.as({ role: "agency" });
    for (const county of ["01", "14"]) {
      const res = await agency.get(`/api/v1/counties/${county}/annual-compilation/${year}`);
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json() as CountyCompilation;
      expect(c.status).toBe("forwarded");
      expect(c.late).toBe(false);
      expect(c.assessment.length).toBeGreaterThan(50);
      expect(c.versions).toHaveLength(1);
      expect(c.versions[0]!.registrationNumber).toMatch(/^Dnr 451-\d+-\d{4}$/);
      expect(c.versions[0]!.forwardedOn <= c.forwardingDeadline!).toBe(true);
      expect(c.rows.length).toBeGreaterThan(20);
    }
    const national = (await agency.get(`/api/v1/national/annual-compilation/${year}`)).json();
    expect(national.counties.filter((c: { status: string }) => c.status === "forwarded")).toHaveLength(2);
    expect(await annualCompilationsDemo.isEmpty(t.database.db)).toBe(false);
  });
});
