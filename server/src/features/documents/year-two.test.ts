import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildUser, insertDocumentVersion } from "../../../test/factories.js";
import { auditEvents, documents } from "../../db/schema/index.js";

/** A version straight into the tables (the upload route is tested by the documents feature). */
async function insertVersion(t: TestContext, municipality: string, type: string, createdBy: string) {
  const spec = {
    municipality,
    type,
    createdBy,
    decidedOn: "2023-11-01",
    receivedOn: "2023-11-02",
    createdAt: new Date(),
  };
  await insertDocumentVersion(t, spec);
}

const ALL = ["rsa", "steeringDocument", "crisisBoardRules", "emergencyPlan", "trainingAndExercisePlan"];

interface Row {
  municipality: { code: string; name: string };
  missing: { type: string; reason: string | null; agreedDate: string | null; overdue: boolean }[];
}

describe("[R2.2-4] documents still missing from the period's second year", () => {
  let t: TestContext;
  let officerId: string;
  beforeAll(async () => {
    t = await createTestContext();
    officerId = (await buildUser(t.database.db, { role: "county", county: "03" })).id;
    await insertVersion(t, "0380", "rsa", officerId);
    for (const type of ALL) await insertVersion(t, "0382", type, officerId);
    // A document row with no version counts as missing.
    await t.database.db
      .insert(documents)
      .values({ municipalityCode: "0381", period: 2023, typeId: "steeringDocument", createdAt: new Date() });
  });
  afterAll(() => t.close());

  const officer = () => t.as({ role: "county", county: "03", name: "Olle Uppsala" });
  const yearTwo = async (period = 2023) => {
    const res = await (await officer()).get(`/api/v1/counties/03/documents/year-two?period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { active: boolean; from: string; items: Row[]; total: number };
  };
  const followUp = async (code: string, body: object) =>
    (await officer()).put(`/api/v1/municipalities/${code}/documents/follow-ups`, body);

  it("[R2.2-4] on 31 December of the first year the list is inactive and empty, and nothing can be recorded", async () => {
    t.clock.set("2023-12-31T23:30:00+01:00");
    expect(await yearTwo()).toEqual({ period: 2023, active: false, from: "2024-01-01", items: [], total: 0 });
    const res = await followUp("0380", {
      type: "steeringDocument",
      period: 2023,
      reason: "Beslut i fullmäktige i mars.",
      agreedDate: "2024-03-31",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("2024-01-01");
  });

  it("[R2.2-4] from 1 January of the second year it lists each municipality missing any document", async () => {
    t.clock.set("2024-01-01T00:30:00+01:00");
    const list = await yearTwo();
    expect(list.active).toBe(true);
    expect(list.total).toBe(7);
    const names = list.items.map((r) => r.municipality.name);
    expect(names).not.toContain("Östhammar");
    expect(names.indexOf("Uppsala")).toBeLessThan(names.indexOf("Älvkarleby"));
    const uppsala = list.items.find((r) => r.municipality.code === "0380")!;
    expect(uppsala.missing.map((m) => m.type)).toEqual(ALL.slice(1));
    const enkoping = list.items.find((r) => r.municipality.code === "0381")!;
    expect(enkoping.missing.map((m) => m.type)).toEqual(ALL);
    expect(enkoping.missing[0]).toEqual({
      type: "rsa",
      typeName: "Risk- och sårbarhetsanalys (RSA)",
      reason: null,
      agreedDate: null,
      overdue: false,
    });
  });

  it("[R2.2-4] the reason and agreed date show on the list and on the municipality's documents, overdue once the date has passed", async () => {
    t.clock.set("2024-01-15T10:00:00+01:00");
    const res = await followUp("0380", {
      type: "steeringDocument",
      period: 2023,
      reason: "Beslut i fullmäktige i mars.",
      agreedDate: "2024-03-31",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      municipality: "0380",
      type: "steeringDocument",
      agreedDate: "2024-03-31",
      overdue: false,
      recordedBy: { name: "Olle Uppsala" },
    });

    const missing = (await yearTwo()).items.find((r) => r.municipality.code === "0380")!.missing;
    expect(missing.find((m) => m.type === "steeringDocument")).toMatchObject({
      reason: "Beslut i fullmäktige i mars.",
      agreedDate: "2024-03-31",
      overdue: false,
    });
    const coordinator = await t.as({ role: "municipality", municipality: "0380" });
    const items = (await coordinator.get("/api/v1/municipalities/0380/documents?period=2023")).json().items;
    expect(items.find((i: { type: string }) => i.type === "steeringDocument").followUp).toMatchObject({
      reason: "Beslut i fullmäktige i mars.",
      agreedDate: "2024-03-31",
    });

    // Recording again replaces the first, and the audit log keeps both.
    const again = await followUp("0380", {
      type: "steeringDocument",
      period: 2023,
      reason: "Fullmäktige sköt upp ärendet.",
      agreedDate: "2024-04-30",
    });
    expect(again.json()).toMatchObject({ reason: "Fullmäktige sköt upp ärendet.", agreedDate: "2024-04-30" });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "documents.recordFollowUp"), eq(auditEvents.entityId, "0380:2023:steeringDocument")),
      );
    expect(audit.map((a) => [a.before, (a.after as { agreedDate: string }).agreedDate])).toEqual([
      [null, "2024-03-31"],
      [{ reason: "Beslut i fullmäktige i mars.", agreedDate: "2024-03-31" }, "2024-04-30"],
    ]);

    t.clock.set("2024-04-30T10:00:00+02:00");
    expect(
      (await yearTwo()).items
        .find((r) => r.municipality.code === "0380")!
        .missing.find((m) => m.type === "steeringDocument")!.overdue,
    ).toBe(false);
    t.clock.set("2024-05-01T10:00:00+02:00");
    expect(
      (await yearTwo()).items
        .find((r) => r.municipality.code === "0380")!
        .missing.find((m) => m.type === "steeringDocument")!.overdue,
    ).toBe(true);
  });

  it("[R2.2-4] refuses a document that is not missing, a date that does not exist and an unknown period", async () => {
    const rsa = await followUp("0380", {
      type: "rsa",
      period: 2023,
      reason: "Kom in i tid.",
      agreedDate: "2024-06-30",
    });
    expect(rsa.statusCode).toBe(409);
    expect(
      (await followUp("0381", { type: "rsa", period: 2023, reason: "Försenad.", agreedDate: "2024-02-30" })).statusCode,
    ).toBe(400);
    expect(
      (await followUp("0381", { type: "rsa", period: 2025, reason: "Försenad.", agreedDate: "2024-06-30" })).statusCode,
    ).toBe(400);
    expect(
      (await followUp("0381", { type: "rsa", period: 2023, reason: "x", agreedDate: "2024-06-30" })).statusCode,
    ).toBe(400);
    // A document row without any version is still missing.
    expect(
      (
        await followUp("0381", {
          type: "steeringDocument",
          period: 2023,
          reason: "Ärendet är vilande.",
          agreedDate: "2024-09-30",
        })
      ).statusCode,
    ).toBe(200);
  });

  it("[R2.2-4] [R1-1] only county officers of that county record; the agency reads the list", async () => {
    const body = { type: "emergencyPlan", period: 2023, reason: "Planen revideras.", agreedDate: "2024-12-31" };
    const otherCounty = await t.as({ role: "county", county: "01" });
    expect((await otherCounty.put("/api/v1/municipalities/0380/documents/follow-ups", body)).statusCode).toBe(404);
    expect((await otherCounty.get("/api/v1/counties/03/documents/year-two")).statusCode).toBe(404);
    const agency = await t.as({ role: "agency" });
    expect((await agency.put("/api/v1/municipalities/0380/documents/follow-ups", body)).statusCode).toBe(403);
    expect((await agency.get("/api/v1/counties/03/documents/year-two?period=2023")).json().active).toBe(true);
    const coordinator = await t.as({ role: "municipality", municipality: "0380" });
    expect((await coordinator.put("/api/v1/municipalities/0380/documents/follow-ups", body)).statusCode).toBe(403);
    expect((await coordinator.get("/api/v1/counties/03/documents/year-two")).statusCode).toBe(403);
  });
});
