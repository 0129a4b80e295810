import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { auditEvents } from "../../db/schema/index.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

describe("[R2.3-2] early warnings", () => {
  let t: TestContext;
  let officer: Client;
  let head: Client;
  let coordinator: Client;
  let leadership: Client;
  let agency: Client;
  let officer14: Client;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01", name: "Johan Bergström" });
    head = await t.as({ role: "county", county: "01", countyHead: true, name: "Karin Lindqvist" });
    coordinator = await t.as({ role: "municipality", municipality: "0180" });
    leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    agency = await t.as({ role: "agency" });
    officer14 = await t.as({ role: "county", county: "14" });
  });
  afterAll(() => t.close());

  it("[R2.3-2] a warning raised from an entry is listed for the municipality and the county, then resolved; never visible to a coordinator", async () => {
    const res = await officer.post("/api/v1/dialogue-entries", {
      municipalities: ["0180", "0182"],
      date: "2026-11-18",
      form: "meeting",
      subjects: ["economy"],
      notes: "Genomgång av kostnadsredovisningen för 2025.",
      participants: { municipality: ["Anders Wikström"], county: ["Johan Bergström"] },
      warnings: [
        {
          kind: "wrongfulUse",
          description: "Tolv Rakelterminaler köpta med ersättningen (faktura 2025-04).",
          municipalities: ["0180"],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry.warnings).toHaveLength(1);
    const warning = entry.warnings[0];
    expect(warning).toMatchObject({
      municipality: { code: "0180", name: "Stockholm" },
      kind: "wrongfulUse",
      description: "Tolv Rakelterminaler köpta med ersättningen (faktura 2025-04).",
      entryId: entry.id,
      entryDate: "2026-11-18",
      raisedBy: { id: officer.user.id, name: "Johan Bergström" },
      open: true,
      confidential: null,
    });

    // A standalone warning on another municipality.
    const standalone = await head.post("/api/v1/municipalities/0182/warnings", {
      kind: "largeSavings",
      description: "Sparandet motsvarar nu två års ersättning.",
    });
    expect(standalone.statusCode, standalone.body).toBe(201);

    const municipal = (await officer.get("/api/v1/municipalities/0180/warnings?open=true")).json();
    expect(municipal.items.map((w: { id: string }) => w.id)).toEqual([warning.id]);
    const county = (await officer.get("/api/v1/counties/01/warnings?open=true")).json();
    expect(county.total).toBe(2);
    const summary = (await officer.get("/api/v1/counties/01/warnings/summary")).json();
    expect(summary.items).toHaveLength(26);
    expect(summary.items.find((i: { municipality: { code: string } }) => i.municipality.code === "0180").open).toBe(1);
    expect(summary.items.find((i: { municipality: { code: string } }) => i.municipality.code === "0181").open).toBe(0);

    // Never visible to the municipality's users, nor the agency or another county.
    for (const client of [coordinator, leadership, agency]) {
      expect((await client.get("/api/v1/municipalities/0180/warnings")).statusCode).toBe(403);
      expect((await client.get("/api/v1/counties/01/warnings")).statusCode).toBe(403);
      expect((await client.get("/api/v1/counties/01/warnings/summary")).statusCode).toBe(403);
    }
    expect((await officer14.get("/api/v1/municipalities/0180/warnings")).statusCode).toBe(404);
    expect((await officer14.post(`/api/v1/warnings/${warning.id}/resolve`, { note: "Nej." })).statusCode).toBe(404);
    for (const client of [coordinator, leadership]) {
      const seen = await client.get(`/api/v1/dialogue-entries/${entry.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().warnings).toBeUndefined();
      expect(seen.body).not.toMatch(/Rakelterminaler/);
      const list = await client.get("/api/v1/municipalities/0180/dialogue-entries");
      expect(list.body).not.toMatch(/Rakelterminaler|wrongfulUse/);
      const xlsx = await client.get("/api/v1/municipalities/0180/dialogue-entries.xlsx");
      expect(xlsx.rawPayload.includes(Buffer.from("Rakel"))).toBe(false);
      expect((await client.post(`/api/v1/warnings/${warning.id}/resolve`, { note: "Löst." })).statusCode).toBe(403);
    }

    // Resolved with a note; a second resolve is a conflict.
    expect((await officer.post(`/api/v1/warnings/${warning.id}/resolve`, {})).statusCode).toBe(400);
    const resolved = await officer.post(`/api/v1/warnings/${warning.id}/resolve`, {
      note: "Kommunen har bokat om kostnaden till egna medel (beslut KS 2026-11-20).",
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      open: false,
      resolvedBy: { id: officer.user.id },
      resolutionNote: "Kommunen har bokat om kostnaden till egna medel (beslut KS 2026-11-20).",
    });
    expect((await head.post(`/api/v1/warnings/${warning.id}/resolve`, { note: "Igen." })).statusCode).toBe(409);
    expect((await officer.get("/api/v1/municipalities/0180/warnings?open=true")).json().total).toBe(0);
    expect((await officer.get("/api/v1/municipalities/0180/warnings?open=false")).json().total).toBe(1);
    const after = (await officer.get("/api/v1/counties/01/warnings/summary")).json();
    expect(after.items.find((i: { municipality: { code: string } }) => i.municipality.code === "0180").open).toBe(0);

    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, warning.id));
    expect(events.map((e) => e.action)).toEqual(["warnings.raise", "warnings.resolve"]);
    expect(JSON.stringify(events)).not.toMatch(/Rakel|bokat om/);
  });

  it("[R2.3-2] a warning must concern the entry's municipalities", async () => {
    const res = await officer.post("/api/v1/dialogue-entries", {
      municipalities: ["0180"],
      date: "2026-11-18",
      form: "phone",
      subjects: ["savings"],
      participants: { municipality: [], county: [] },
      warnings: [{ kind: "largeSavings", description: "Sparandet växer.", municipalities: ["0182"] }],
    });
    expect(res.statusCode).toBe(400);
    const entry = (
      await officer.post("/api/v1/dialogue-entries", {
        municipalities: ["0180"],
        date: "2026-11-18",
        form: "phone",
        subjects: ["savings"],
        participants: { municipality: [], county: [] },
      })
    ).json();
    const wrong = await officer.post("/api/v1/municipalities/0182/warnings", {
      kind: "other",
      description: "Oklart ansvar för reservkraften.",
      entryId: entry.id,
    });
    expect(wrong.statusCode).toBe(400);
    const right = await officer.post("/api/v1/municipalities/0180/warnings", {
      kind: "other",
      description: "Oklart ansvar för reservkraften.",
      entryId: entry.id,
    });
    expect(right.statusCode).toBe(201);
    expect((await officer.get(`/api/v1/dialogue-entries/${entry.id}`)).json().warnings).toHaveLength(1);
  });
});
