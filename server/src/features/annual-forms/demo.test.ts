import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { annualFormsDemo } from "./demo.js";
import { annualForms } from "./schema.js";

describe("the yearly forms' demo data (R2.4-1)", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-11-27T10:00:00+01:00");
  });
  afterAll(() => t.close());

  it("[R2.4-1] last year's and this year's example forms are published, marked as examples, by the clock", async () => {
    const db = t.database.db;
    expect(await annualFormsDemo.isEmpty(db)).toBe(true);
    await annualFormsDemo.seed(db, t.clock);
    expect(await annualFormsDemo.isEmpty(db)).toBe(false);
    const rows = await db.select().from(annualForms).orderBy(asc(annualForms.year));
    expect(rows.map((r) => [r.year, r.number, r.status, r.example, r.title, r.deadline, r.forwardingDeadline])).toEqual(
      [
        [2025, 1, "published", true, "Årsuppföljning 2025 (exempel)", "2026-02-15", "2026-03-31"],
        [2026, 1, "published", true, "Årsuppföljning 2026 (exempel)", "2027-02-15", "2027-03-31"],
      ],
    );
    const agency = await t.as({ role: "agency" });
    const list = (await agency.get("/api/v1/annual-forms")).json().items;
    expect(list.every((f: { current: boolean; createdBy: unknown }) => f.current && f.createdBy === null)).toBe(true);
    expect(list[0].questions).toBeGreaterThan(list[1].questions);
  });
});
