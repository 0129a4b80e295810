import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildUser, setResponsibleOfficer } from "../../../test/factories.js";
import { auditEvents, municipalities } from "../../db/schema/index.js";

describe("counties and municipalities", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("[R1-1] the agency sees all 21 counties with their number of municipalities", async () => {
    const agency = await t.as({ role: "agency" });
    const res = await agency.get("/api/v1/counties");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(21);
    const counts = Object.fromEntries(
      body.items.map((c: { code: string; municipalityCount: number }) => [c.code, c.municipalityCount]),
    );
    expect(counts).toMatchObject({ "01": 26, "09": 1, "12": 33, "14": 49, "25": 14 });
    expect(body.items.reduce((s: number, c: { municipalityCount: number }) => s + c.municipalityCount, 0)).toBe(290);
  });

  it("[R1-1] a county user sees only their own county", async () => {
    const officer = await t.as({ role: "county", county: "14" });
    const res = await officer.get("/api/v1/counties");
    expect(res.json().items.map((c: { code: string }) => c.code)).toEqual(["14"]);
    expect((await officer.get("/api/v1/counties/01")).statusCode).toBe(404);
    expect((await officer.get("/api/v1/counties/01/municipalities")).statusCode).toBe(404);
    expect((await officer.get("/api/v1/municipalities/0180")).statusCode).toBe(404);
  });

  it("[R1-1] lists a county's municipalities in Swedish order (Å, Ä, Ö after Z) with the responsible officer", async () => {
    const head = await t.as({ role: "county", county: "14", countyHead: true });
    const officer = await buildUser(t.database.db, { role: "county", county: "14", name: "Östen Ärlig" });
    await setResponsibleOfficer(t.database.db, "1480", officer.id);
    const res = await head.get("/api/v1/counties/14/municipalities?limit=500");
    expect(res.statusCode).toBe(200);
    const names: string[] = res.json().items.map((m: { name: string }) => m.name);
    expect(res.json().total).toBe(49);
    const idx = (n: string) => names.indexOf(n);
    expect(idx("Vänersborg")).toBeLessThan(idx("Åmål"));
    expect(idx("Åmål")).toBeLessThan(idx("Öckerö"));
    expect(names[0]).toBe("Ale");
    expect(names.at(-1)).toBe("Öckerö");
    const goteborg = res.json().items.find((m: { code: string }) => m.code === "1480");
    expect(goteborg.responsibleOfficer).toMatchObject({ id: officer.id, name: "Östen Ärlig" });
  });

  it("filters, sorts descending and pages", async () => {
    const head = await t.as({ role: "county", county: "14" });
    const filtered = await head.get(`/api/v1/counties/14/municipalities?q=${encodeURIComponent("borg")}`);
    expect(filtered.json().items.map((m: { name: string }) => m.name)).toEqual(["Göteborg", "Karlsborg", "Vänersborg"]);
    const desc = await head.get("/api/v1/counties/14/municipalities?sort=name&order=desc&limit=2&offset=0");
    expect(desc.json().items.map((m: { name: string }) => m.name)).toEqual(["Öckerö", "Åmål"]);
    expect(desc.json().total).toBe(49);
    const page = await head.get("/api/v1/counties/14/municipalities?sort=code&limit=2&offset=2");
    expect(page.json().items.map((m: { code: string }) => m.code)).toEqual(["1407", "1415"]);
  });

  it("[R1-1] a coordinator sees only their own municipality", async () => {
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    expect((await coordinator.get("/api/v1/municipalities/0180")).json()).toMatchObject({
      code: "0180",
      name: "Stockholm",
      county: { code: "01", name: "Stockholms län" },
    });
    expect((await coordinator.get("/api/v1/municipalities/0181")).statusCode).toBe(404);
    const list = await coordinator.get("/api/v1/counties/01/municipalities");
    expect(list.json()).toMatchObject({ total: 1, items: [{ code: "0180" }] });
  });

  it("answers 404 for an unknown municipality code, and 400 for a malformed one", async () => {
    const agency = await t.as({ role: "agency" });
    expect((await agency.get("/api/v1/municipalities/9999")).statusCode).toBe(404);
    const bad = await agency.get("/api/v1/municipalities/abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation");
  });

  it("[R1-1] the county head sets a responsible officer, audited", async () => {
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    const officer = await buildUser(t.database.db, { role: "county", county: "01", name: "Karl Öberg" });
    const res = await head.put("/api/v1/municipalities/0114/responsible-officer", { userId: officer.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().responsibleOfficer).toMatchObject({ id: officer.id, name: "Karl Öberg" });
    const [row] = await t.database.db.select().from(municipalities).where(eq(municipalities.code, "0114"));
    expect(row?.responsibleOfficerId).toBe(officer.id);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "municipalities.assignOfficer"), eq(auditEvents.entityId, "0114")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: head.user.id, after: { responsibleOfficerId: officer.id } });
  });

  it("refuses an officer from another county or a non-county user as responsible officer", async () => {
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    const other = await buildUser(t.database.db, { role: "county", county: "14" });
    const coordinator = await buildUser(t.database.db, { role: "municipality", municipality: "0114" });
    for (const userId of [other.id, coordinator.id]) {
      const res = await head.put("/api/v1/municipalities/0114/responsible-officer", { userId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/samma länsstyrelse/);
    }
  });

  it("[R1-1] only a county head of the same county assigns officers", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    expect((await officer.put("/api/v1/municipalities/0114/responsible-officer", { userId: null })).statusCode).toBe(
      403,
    );
    const otherHead = await t.as({ role: "county", county: "14", countyHead: true });
    expect((await otherHead.put("/api/v1/municipalities/0114/responsible-officer", { userId: null })).statusCode).toBe(
      404,
    );
  });

  it("[issue 10.1] the county list shows a new responsible officer and a renamed one at once", async () => {
    const head = await t.as({ role: "county", county: "03", countyHead: true });
    const admin = await t.as({ role: "admin" });
    const officer = await buildUser(t.database.db, { role: "county", county: "03", name: "Åsa Lind" });
    const listed = async () =>
      (await head.get("/api/v1/counties/03/municipalities"))
        .json()
        .items.find((m: { code: string }) => m.code === "0305")?.responsibleOfficer?.name ?? null;
    await listed(); // cached from here
    expect((await head.put("/api/v1/municipalities/0305/responsible-officer", { userId: officer.id })).statusCode).toBe(
      200,
    );
    expect(await listed()).toBe("Åsa Lind");
    const renamed = await admin.patch(`/api/v1/users/${officer.id}`, { name: "Åsa Lind Ek" });
    expect(renamed.statusCode).toBe(200);
    expect(await listed()).toBe("Åsa Lind Ek");
  });

  it("[issue 10.1] an unknown county answers 404 from the same query", async () => {
    const agency = await t.as({ role: "agency" });
    expect((await agency.get("/api/v1/counties/99/municipalities")).statusCode).toBe(404);
    expect((await agency.get("/api/v1/counties/14/municipalities")).json().total).toBe(49);
  });

  it("[issue 10.1] a kept list is still only for those who may read it", async () => {
    const officer = await t.as({ role: "county", county: "05" });
    const res = await officer.get("/api/v1/counties/05/municipalities");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const other = await t.as({ role: "county", county: "14" });
    expect((await other.get("/api/v1/counties/05/municipalities")).statusCode).toBe(404);
    const coordinator = await t.as({ role: "municipality", municipality: "0509" });
    const own = (await coordinator.get("/api/v1/counties/05/municipalities")).json();
    expect(own.items.map((m: { code: string }) => m.code)).toEqual(["0509"]);
    expect((await t.anonymous.get("/api/v1/counties/05/municipalities")).statusCode).toBe(401);
  });
});
