import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { STARTER_OSL_GROUNDS, loadOslGrounds } from "./starter.js";
import { auditEvents, oslGrounds } from "../../db/schema/index.js";

describe("[R2.10-1] OSL grounds: national reference data", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const referenceLoads = async () =>
    (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "reference.load"))).filter(
      (e) => (e.after as { oslGrounds?: number } | null)?.oslGrounds !== undefined,
    );

  it("[R2.10-1] loadOslGrounds inserts missing grounds, audited as reference.load, and never overwrites edits", async () => {
    const db = t.database.db;
    // Every start loads them (the test template too); loading again inserts and logs nothing.
    await loadOslGrounds(db, t.clock);
    const loads = (await referenceLoads()).length;
    expect(await loadOslGrounds(db, t.clock)).toEqual({ oslGrounds: 0 });
    expect(await referenceLoads()).toHaveLength(loads);
    const rows = await db.select().from(oslGrounds);
    expect(rows.map((r) => r.reference)).toEqual(expect.arrayContaining(STARTER_OSL_GROUNDS.map((g) => g.reference)));
    expect(rows.find((r) => r.reference === "18 kap. 13 § OSL")?.description).toMatch(/risk- och sårbarhetsanalys/i);

    // A missing one is inserted again, and the load is logged with what it inserted.
    const [first, second, , fourth] = STARTER_OSL_GROUNDS;
    await db.delete(oslGrounds).where(eq(oslGrounds.id, fourth!.id));
    expect(await loadOslGrounds(db, t.clock)).toEqual({ oslGrounds: 1 });
    const events = await referenceLoads();
    expect(events).toHaveLength(loads + 1);
    expect(events.at(-1)).toMatchObject({
      actorId: "system",
      after: { oslGrounds: 1, references: [fourth!.reference] },
    });

    // The agency renames one and deactivates another; the next start keeps both edits and adds nothing.
    await db
      .update(oslGrounds)
      .set({ reference: "18 kap. 13 § första stycket OSL", description: "Ändrad av MCF." })
      .where(eq(oslGrounds.id, first!.id));
    await db.update(oslGrounds).set({ active: false }).where(eq(oslGrounds.id, second!.id));
    expect(await loadOslGrounds(db, t.clock)).toEqual({ oslGrounds: 0 });
    expect(await referenceLoads()).toHaveLength(loads + 1);
    const after = await db.select().from(oslGrounds);
    expect(after).toHaveLength(rows.length);
    expect(after.find((r) => r.id === first!.id)).toMatchObject({
      reference: "18 kap. 13 § första stycket OSL",
      description: "Ändrad av MCF.",
    });
    expect(after.find((r) => r.id === second!.id)?.active).toBe(false);
  });

  it("[R2.10-1] the agency maintains the OSL grounds; counties read them", async () => {
    const agency = await t.as({ role: "agency" });
    const created = await agency.post("/api/v1/osl-grounds", {
      reference: "  31 kap. 16 § OSL ",
      description: "Uppgifter om enskildas affärs- eller driftförhållanden (ej verifierad).",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ reference: "31 kap. 16 § OSL", active: true });
    const id: string = created.json().id;

    const updated = await agency.put(`/api/v1/osl-grounds/${id}`, {
      reference: "31 kap. 16 § OSL",
      description: "Affärs- eller driftförhållanden.",
      active: false,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id, description: "Affärs- eller driftförhållanden.", active: false });

    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "oslGround"), eq(auditEvents.entityId, id)));
    expect(events.map((e) => e.action)).toEqual(["oslGrounds.create", "oslGrounds.update"]);
    expect(events[1]).toMatchObject({
      actorId: agency.user.id,
      before: { active: true },
      after: { active: false, description: "Affärs- eller driftförhållanden." },
    });

    for (const spec of [
      { role: "county", county: "01" },
      { role: "county", county: "01", countyHead: true },
      { role: "municipality", municipality: "0180" },
      { role: "admin" },
    ] as const) {
      const reader = await t.as(spec);
      const list = await reader.get("/api/v1/osl-grounds");
      expect(list.statusCode).toBe(200);
      expect(list.json().total).toBe(list.json().items.length);
      expect(list.json().items).toContainEqual(expect.objectContaining({ id, active: false }));
      expect(list.json().items).toContainEqual(expect.objectContaining({ reference: "15 kap. 2 § OSL" }));
      // Only the agency writes.
      expect(
        (await reader.post("/api/v1/osl-grounds", { reference: "1 kap. 1 § OSL", description: "Nej." })).statusCode,
      ).toBe(403);
      expect(
        (await reader.put(`/api/v1/osl-grounds/${id}`, { reference: "1 kap. 1 § OSL", description: "Nej." }))
          .statusCode,
      ).toBe(403);
    }
    expect((await t.anonymous.get("/api/v1/osl-grounds")).statusCode).toBe(401);
  });

  it("[R2.10-1] refuses a duplicate reference (409), an unknown ground (404) and bad input (400)", async () => {
    const agency = await t.as({ role: "agency" });
    const dup = await agency.post("/api/v1/osl-grounds", { reference: "15 kap. 2 § OSL", description: "Dubblett." });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/finns redan/);
    const [g] = await t.database.db.select().from(oslGrounds).where(eq(oslGrounds.reference, "18 kap. 8 § OSL"));
    const rename = await agency.put(`/api/v1/osl-grounds/${g!.id}`, {
      reference: "15 kap. 2 § OSL",
      description: "Krock.",
    });
    expect(rename.statusCode).toBe(409);
    const same = await agency.put(`/api/v1/osl-grounds/${g!.id}`, { reference: g!.reference, description: "Ny text." });
    expect(same.statusCode).toBe(200);

    const unknown = await agency.put("/api/v1/osl-grounds/00000000-0000-4000-8000-000000000000", {
      reference: "1 kap. 1 § OSL",
      description: "Finns inte.",
    });
    expect(unknown.statusCode).toBe(404);
    const short = await agency.post("/api/v1/osl-grounds", { reference: "x", description: "Kort." });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/Ange hänvisningen/);
    expect(
      (await agency.put("/api/v1/osl-grounds/inte-ett-id", { reference: "1 kap. 1 § OSL", description: "Krock." }))
        .statusCode,
    ).toBe(400);
  });
});
