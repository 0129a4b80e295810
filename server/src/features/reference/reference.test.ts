import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { auditEvents, counties, municipalities } from "../../db/schema/index.js";
import { loadReferenceData } from "../../db/seed/reference.js";

describe("reference data: periods and agreements", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("[R1-4] lists the three mandate periods and marks 2023 current on 2026-12-31", async () => {
    t.clock.set("2026-12-31T23:59:00+01:00");
    const user = await t.as({ role: "municipality", municipality: "0180" });
    const res = await user.get("/api/v1/periods");
    expect(res.json()).toEqual({
      items: [
        { id: 2019, firstYear: 2019, lastYear: 2022, electionYear: 2018, current: false },
        { id: 2023, firstYear: 2023, lastYear: 2026, electionYear: 2022, current: true },
        { id: 2027, firstYear: 2027, lastYear: 2030, electionYear: 2026, current: false },
      ],
      total: 3,
    });
    expect((await t.anonymous.get("/api/v1/config")).json()).toMatchObject({
      today: "2026-12-31",
      currentPeriod: 2023,
      agencyName: "MCF",
    });
  });

  it("[R1-4] on 2027-01-01 the current period is 2027", async () => {
    t.clock.set("2027-01-01T00:00:30+01:00");
    const user = await t.as({ role: "agency" });
    const res = await user.get("/api/v1/periods");
    expect(res.json().items.find((p: { current: boolean }) => p.current).id).toBe(2027);
    t.clock.set("2026-11-27T10:00:00+01:00");
  });

  it("[R1-4] holds the known agreements with kind, period, registration number and task areas", async () => {
    const user = await t.as({ role: "county", county: "01" });
    const res = await user.get("/api/v1/agreements");
    expect(res.json().total).toBe(3);
    const crisis = res
      .json()
      .items.find((a: { registrationNumber: string }) => a.registrationNumber === "MSB 2018-09779");
    expect(crisis).toMatchObject({
      kind: "crisisPreparedness",
      firstYear: 2019,
      lastYear: 2023,
      periods: [2019, 2023],
    });
    expect(crisis.taskAreas).toContain("Geografiskt områdesansvar");
    const p2023 = await user.get("/api/v1/agreements?period=2023");
    expect(
      p2023
        .json()
        .items.map((a: { kind: string }) => a.kind)
        .sort(),
    ).toEqual(["combined", "crisisPreparedness"]);
  });

  it("[R1-2] only the agency edits agreements; the change is audited", async () => {
    const county = await t.as({ role: "county", county: "01", countyHead: true });
    const agency = await t.as({ role: "agency" });
    const input = {
      kind: "combined",
      title: "Överenskommelse om kommunernas arbete med civil beredskap 2027–2030",
      firstYear: 2027,
      lastYear: 2030,
      registrationNumber: "MCF 2026-00001",
      taskAreas: ["Del 1", "Del 2"],
      note: null,
    };
    expect((await county.post("/api/v1/agreements", input)).statusCode).toBe(403);
    const created = await agency.post("/api/v1/agreements", input);
    expect(created.statusCode).toBe(201);
    expect(created.json().periods).toEqual([2027]);
    const updated = await agency.put(`/api/v1/agreements/${created.json().id}`, { ...input, lastYear: 2031 });
    expect(updated.json().lastYear).toBe(2031);
    const bad = await agency.put(`/api/v1/agreements/${created.json().id}`, {
      ...input,
      firstYear: 2032,
      lastYear: 2031,
    });
    expect(bad.statusCode).toBe(400);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.json().id));
    expect(events.map((e) => e.action)).toEqual(["agreements.create", "agreements.update"]);
  });

  it("[R1-2] reloading reference data inserts what is missing and never overwrites edits", async () => {
    await t.database.db
      .update(municipalities)
      .set({ name: "Upplands Väsby kommun" })
      .where(eq(municipalities.code, "0114"));
    await t.database.db.delete(municipalities).where(eq(municipalities.code, "2584"));
    const inserted = await loadReferenceData(t.database.db, t.clock);
    expect(inserted).toEqual({ counties: 0, municipalities: 1, agreements: 0, documentTypes: 0 });
    const [edited] = await t.database.db.select().from(municipalities).where(eq(municipalities.code, "0114"));
    expect(edited?.name).toBe("Upplands Väsby kommun");
    const [kiruna] = await t.database.db.select().from(municipalities).where(eq(municipalities.code, "2584"));
    expect(kiruna?.name).toBe("Kiruna");
    expect((await t.database.db.select().from(counties)).length).toBe(21);
  });
});
