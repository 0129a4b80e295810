import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditEntityType } from "@uppsikt/core";
import { and, count, eq } from "drizzle-orm";
import type { Role } from "@uppsikt/core";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import { buildUser, sessionFor } from "../../../test/factories.js";
import { auditEvents, municipalities, users } from "../../db/schema/index.js";
import type { Actor } from "../../platform/actor.js";
import {
  clearanceScope,
  confidentialMark,
  covers,
  readersOf,
  recordConfidentialRead,
} from "../../platform/confidentiality/index.js";

type UserRow = Awaited<ReturnType<typeof buildUser>>;

const actorFor = (u: UserRow): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role as Role,
  county: u.countyCode,
  municipality: u.municipalityCode,
  countyHead: u.countyHead,
  readOnly: u.readOnly,
  sessionId: null,
});

const grant = (over: Record<string, unknown>) => ({
  county: "01",
  municipality: null,
  undertakingSignedOn: "2026-11-02",
  validUntil: null,
  note: null,
  ...over,
});

const DEFAULT_NOW = "2026-11-27T10:00:00+01:00";

describe("[R2.10-2] clearances (behörigheter) to read confidential parts", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(DEFAULT_NOW));

  const scopeOn = (u: UserRow) => clearanceScope(t.database.db, actorFor(u), t.clock.today());
  const grantEvents = async () =>
    (await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "clearances.grant")))[0]!
      .n;

  it("[R2.10-2] a county head grants a clearance with the undertaking date; it is active from that date to its end date", async () => {
    t.clock.set("2026-11-20T09:00:00+01:00");
    const head = await t.as({ role: "county", county: "01", countyHead: true, name: "Gunilla Enhetschef" });
    const officer = await buildUser(t.database.db, { role: "county", county: "01", name: "Per Handläggare" });
    const res = await head.post(
      "/api/v1/clearances",
      grant({
        userId: officer.id,
        municipality: "0180",
        undertakingSignedOn: "2026-11-20",
        validUntil: "2026-11-27",
        note: "Sekretessförbindelse undertecknad, dnr 101-1234-2026.",
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      user: { id: officer.id, name: "Per Handläggare", role: "county" },
      county: "01",
      municipality: "0180",
      undertakingSignedOn: "2026-11-20",
      validUntil: "2026-11-27",
      note: "Sekretessförbindelse undertecknad, dnr 101-1234-2026.",
      grantedBy: { id: head.user.id, name: "Gunilla Enhetschef" },
      withdrawnAt: null,
      withdrawnBy: null,
      active: true,
    });
    expect(covers(await scopeOn(officer), "0180")).toBe(true);
    expect(covers(await scopeOn(officer), "0181")).toBe(false);

    // Audited with who, scope and dates; never the note's text.
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, c.id));
    expect(event).toMatchObject({
      action: "clearances.grant",
      entityType: "clearance",
      actorId: head.user.id,
      after: {
        userId: officer.id,
        county: "01",
        municipality: "0180",
        undertakingSignedOn: "2026-11-20",
        validUntil: "2026-11-27",
        hasNote: true,
      },
    });
    expect(JSON.stringify(event)).not.toContain("dnr 101-1234-2026");

    const listed = async () => {
      const admin = await t.as({ role: "admin" });
      const list = await admin.get(`/api/v1/clearances?userId=${officer.id}&includeInactive=true`);
      expect(list.statusCode).toBe(200);
      return list.json().items[0];
    };

    // Not before the undertaking was signed.
    t.clock.set("2026-11-19T12:00:00+01:00");
    expect((await scopeOn(officer)).municipalities.size).toBe(0);
    expect((await listed()).active).toBe(false);

    // Through the end date, in Stockholm time…
    t.clock.set("2026-11-27T23:30:00+01:00");
    expect(covers(await scopeOn(officer), "0180")).toBe(true);
    expect((await listed()).active).toBe(true);

    // …and not the day after (23:30 UTC is already the 28th in Stockholm).
    t.clock.set("2026-11-27T23:30:00Z");
    expect(covers(await scopeOn(officer), "0180")).toBe(false);
    expect((await listed()).active).toBe(false);
    const self = clientFor(t.app, await sessionFor(t.database.db, officer.id, t.clock.now()));
    expect((await self.get(`/api/v1/clearances?userId=${officer.id}`)).json()).toEqual({ items: [], total: 0 });
    const history = (await self.get(`/api/v1/clearances?userId=${officer.id}&includeInactive=true`)).json();
    expect(history.items).toEqual([expect.objectContaining({ id: c.id, active: false, withdrawnAt: null })]);
  });

  it("[R2.10-2] a withdrawn clearance no longer gives access (clearanceScope/covers) and stays in the history", async () => {
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    const coordinator = await t.as({ role: "municipality", municipality: "0180" });
    const granted = await head.post(
      "/api/v1/clearances",
      grant({ userId: coordinator.user.id, municipality: "0180", validUntil: "2027-12-31" }),
    );
    expect(granted.statusCode, granted.body).toBe(201);
    const id: string = granted.json().id;
    expect(covers(await scopeOn(coordinator.user), "0180")).toBe(true);
    expect((await readersOf(t.database.db, ["0180"], t.clock.today())).get("0180")).toContainEqual({
      id: coordinator.user.id,
      name: coordinator.user.name,
    });

    t.clock.set("2026-11-27T14:00:00+01:00");
    const withdrawn = await head.post(`/api/v1/clearances/${id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      id,
      active: false,
      withdrawnAt: "2026-11-27T13:00:00.000Z",
      withdrawnBy: { id: head.user.id },
    });
    expect(covers(await scopeOn(coordinator.user), "0180")).toBe(false);
    expect((await readersOf(t.database.db, ["0180"], t.clock.today())).get("0180")).not.toContainEqual(
      expect.objectContaining({ id: coordinator.user.id }),
    );

    // Withdrawn ones stay in the history; they are left out unless asked for.
    const own = await coordinator.get(`/api/v1/clearances?userId=${coordinator.user.id}`);
    expect(own.json()).toEqual({ items: [], total: 0 });
    const history = await coordinator.get(`/api/v1/clearances?userId=${coordinator.user.id}&includeInactive=true`);
    expect(history.json().items).toEqual([expect.objectContaining({ id, withdrawnBy: expect.any(Object) })]);

    const again = await head.post(`/api/v1/clearances/${id}/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/redan återkallad/);

    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "clearances.withdraw")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: head.user.id,
      before: { userId: coordinator.user.id, withdrawnAt: null },
      after: { userId: coordinator.user.id, withdrawnAt: "2026-11-27T13:00:00.000Z", withdrawnBy: head.user.id },
    });
  });

  it("[R2.10-2] a whole-county clearance covers every municipality of the county and no other", async () => {
    const admin = await t.as({ role: "admin" });
    const officer = await buildUser(t.database.db, { role: "county", county: "14" });
    const res = await admin.post("/api/v1/clearances", grant({ userId: officer.id, county: "14" }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ county: "14", municipality: null, active: true });

    const scope = await scopeOn(officer);
    const all = await t.database.db.select().from(municipalities);
    expect(all.filter((m) => m.countyCode === "14").length).toBeGreaterThan(40);
    for (const m of all) expect(covers(scope, m.code), m.code).toBe(m.countyCode === "14");

    // Listing by municipality finds whole-county clearances that cover it.
    const byMunicipality = await admin.get("/api/v1/clearances?municipality=1480");
    expect(byMunicipality.json().items).toContainEqual(expect.objectContaining({ id: res.json().id }));
    const elsewhere = await admin.get("/api/v1/clearances?municipality=0180");
    expect(elsewhere.json().items).not.toContainEqual(expect.objectContaining({ id: res.json().id }));
  });

  it("[R2.10-2] readersOf lists the cleared users of a municipality", async () => {
    const admin = await t.as({ role: "admin" });
    const db = t.database.db;
    const wholeCounty = await buildUser(db, { role: "county", county: "03", name: "Örjan Ahl" });
    const coordinator = await buildUser(db, { role: "municipality", municipality: "0380", name: "Anna Berg" });
    const onlyEnkoping = await buildUser(db, { role: "county", county: "03", name: "Cecilia Dahl" });
    const withdrawn = await buildUser(db, { role: "county", county: "03", name: "Erik Falk" });
    const deactivated = await buildUser(db, { role: "county", county: "03", name: "Greta Holm" });
    const otherCounty = await buildUser(db, { role: "county", county: "04", name: "Ivar Jönsson" });
    const uncleared = await buildUser(db, { role: "county", county: "03", name: "Karin Lind" });

    const ok = async (body: Record<string, unknown>) => {
      const res = await admin.post("/api/v1/clearances", grant(body));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    await ok({ userId: wholeCounty.id, county: "03" });
    await ok({ userId: coordinator.id, county: "03", municipality: "0380" });
    await ok({ userId: onlyEnkoping.id, county: "03", municipality: "0381" });
    const w = await ok({ userId: withdrawn.id, county: "03" });
    expect((await admin.post(`/api/v1/clearances/${w}/withdraw`)).statusCode).toBe(200);
    await ok({ userId: deactivated.id, county: "03" });
    await db.update(users).set({ active: false }).where(eq(users.id, deactivated.id));
    await ok({ userId: otherCounty.id, county: "04" });

    const readers = await readersOf(db, ["0380", "0381", "0180"], t.clock.today());
    const names = (code: string) => readers.get(code)!.map((p) => p.name);
    expect(names("0380")).toEqual(["Anna Berg", "Örjan Ahl"]);
    expect(names("0381")).toEqual(["Cecilia Dahl", "Örjan Ahl"]);
    for (const u of [withdrawn, deactivated, otherCounty, uncleared])
      expect([...readers.values()].flat().map((p) => p.id)).not.toContain(u.id);

    // What a confidential part shows: its basis and who may read it, and whether this reader may.
    const mark = confidentialMark("18 kap. 13 § OSL", readers.get("0380")!, covers(await scopeOn(uncleared), "0380"));
    expect(mark).toEqual({
      basis: "18 kap. 13 § OSL",
      readableBy: [
        { id: coordinator.id, name: "Anna Berg" },
        { id: wholeCounty.id, name: "Örjan Ahl" },
      ],
      canRead: false,
    });
    expect(covers(await scopeOn(coordinator), "0380")).toBe(true);
    expect(covers(await scopeOn(coordinator), "0381")).toBe(false);
  });

  it("[R2.10-2] the receiver must be an active county officer of the county or a user of the municipality", async () => {
    const admin = await t.as({ role: "admin" });
    const db = t.database.db;
    const before = await grantEvents();
    const refused = async (body: Record<string, unknown>, status: number, message?: RegExp) => {
      const res = await admin.post("/api/v1/clearances", grant(body));
      expect(res.statusCode, res.body).toBe(status);
      if (message) expect(res.json().error.message).toMatch(message);
    };
    const agencyUser = await buildUser(db, { role: "agency" });
    const adminUser = await buildUser(db, { role: "admin" });
    const inactive = await buildUser(db, { role: "county", county: "01", active: false });
    const coordinator0181 = await buildUser(db, { role: "municipality", municipality: "0181" });
    const officer14 = await buildUser(db, { role: "county", county: "14" });
    await refused({ userId: agencyUser.id }, 400, /handläggare vid länsstyrelsen/);
    await refused({ userId: adminUser.id, municipality: "0180" }, 400, /handläggare vid länsstyrelsen/);
    await refused({ userId: inactive.id }, 400, /inaktiverad/);
    await refused({ userId: coordinator0181.id }, 400, /hela länet/);
    await refused({ userId: coordinator0181.id, municipality: "0180" }, 400, /användare i kommunen/);
    await refused({ userId: officer14.id }, 400, /handläggare vid länsstyrelsen/);
    await refused({ userId: "00000000-0000-4000-8000-000000000000" }, 404, /Användaren finns inte/);
    expect(await grantEvents()).toBe(before);

    // An admin grants in any county; a coordinator may be cleared for their own municipality.
    const ok = await admin.post("/api/v1/clearances", grant({ userId: coordinator0181.id, municipality: "0181" }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ grantedBy: { id: admin.user.id }, user: { role: "municipality" } });
  });

  it("[R2.10-2] a clearance needs two people: nobody clears themself, and only an admin clears a county head", async () => {
    const db = t.database.db;
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    const secondHead = await buildUser(db, { role: "county", county: "01", countyHead: true });
    const before = await grantEvents();
    const self = await head.post("/api/v1/clearances", grant({ userId: head.user.id }));
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toMatch(/dig själv/);
    const other = await head.post("/api/v1/clearances", grant({ userId: secondHead.id }));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/Bara en systemadministratör/);
    const admin = await t.as({ role: "admin" });
    const adminSelf = await admin.post("/api/v1/clearances", grant({ userId: admin.user.id }));
    expect(adminSelf.statusCode).not.toBe(201);
    expect(await grantEvents()).toBe(before);
    const byAdmin = await admin.post("/api/v1/clearances", grant({ userId: secondHead.id }));
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(await grantEvents()).toBe(before + 1);
  });

  it("[R2.10-2] refuses impossible dates and scopes with Swedish messages, and writes nothing", async () => {
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    const officer = await buildUser(t.database.db, { role: "county", county: "01" });
    const before = await grantEvents();
    const refused = async (body: Record<string, unknown>, message: RegExp) => {
      const res = await head.post("/api/v1/clearances", grant({ userId: officer.id, ...body }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(message);
    };
    await refused({ undertakingSignedOn: "2026-11-10", validUntil: "2026-11-09" }, /Slutdatumet kan inte vara före/);
    await refused({ undertakingSignedOn: "2026-11-28" }, /inte har inträffat ännu/);
    await refused({ undertakingSignedOn: "2026-01-01", validUntil: "2026-11-26" }, /redan passerat/);
    await refused({ undertakingSignedOn: "2026-02-30" }, /finns inte i kalendern/);
    await refused({ validUntil: "2026-13-01" }, /finns inte i kalendern/);
    await refused({ undertakingSignedOn: "27/11/2026" }, /ÅÅÅÅ-MM-DD/);
    await refused({ municipality: "1480" }, /hör inte till län 01/);
    await refused({ municipality: "0999" }, /Kommunen 0999 finns inte/);
    await refused({ county: "99" }, /Länet 99 finns inte/);
    await refused({ userId: "inte-ett-id" }, /Ogiltigt användar-id/);
    await refused({ county: "1" }, /två siffror/);
    expect(await grantEvents()).toBe(before);

    // Signed today, valid through today: fine.
    const today = await head.post(
      "/api/v1/clearances",
      grant({ userId: officer.id, undertakingSignedOn: "2026-11-27", validUntil: "2026-11-27" }),
    );
    expect(today.statusCode, today.body).toBe(201);
    expect(today.json().active).toBe(true);

    for (const url of [
      "/api/v1/clearances?userId=abc",
      "/api/v1/clearances?includeInactive=yes",
      "/api/v1/clearances?county=1",
      "/api/v1/clearances?municipality=18",
    ])
      expect((await head.get(url)).statusCode, url).toBe(400);
    expect((await head.post("/api/v1/clearances/inte-ett-id/withdraw")).statusCode).toBe(400);
    expect((await head.post("/api/v1/clearances/00000000-0000-4000-8000-000000000000/withdraw")).statusCode).toBe(404);
  });

  it("[R1-1] a county head grants, lists and withdraws only within their own county", async () => {
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    const admin = await t.as({ role: "admin" });
    const db = t.database.db;
    const officer01 = await buildUser(db, { role: "county", county: "01" });
    const officer14 = await buildUser(db, { role: "county", county: "14" });
    const coordinator1480 = await buildUser(db, { role: "municipality", municipality: "1480" });
    const agencyUser = await buildUser(db, { role: "agency" });

    // A user outside what the head manages does not exist for them (as in the users feature)…
    expect((await head.post("/api/v1/clearances", grant({ userId: officer14.id, county: "14" }))).statusCode).toBe(404);
    expect(
      (await head.post("/api/v1/clearances", grant({ userId: coordinator1480.id, county: "14", municipality: "1480" })))
        .statusCode,
    ).toBe(404);
    expect((await head.post("/api/v1/clearances", grant({ userId: agencyUser.id }))).statusCode).toBe(404);
    // …and granting one of their own officers a clearance in another county is forbidden.
    const elsewhere = await head.post("/api/v1/clearances", grant({ userId: officer01.id, county: "14" }));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toMatch(/ditt eget län/);

    const in14 = await admin.post("/api/v1/clearances", grant({ userId: officer14.id, county: "14" }));
    expect(in14.statusCode).toBe(201);
    expect((await head.post(`/api/v1/clearances/${in14.json().id}/withdraw`)).statusCode).toBe(404);
    const in01 = await head.post("/api/v1/clearances", grant({ userId: officer01.id }));
    expect(in01.statusCode).toBe(201);

    // The head's list is their own county, whatever the query asks.
    for (const url of [
      "/api/v1/clearances?includeInactive=true",
      "/api/v1/clearances?county=14&includeInactive=true",
      `/api/v1/clearances?userId=${officer14.id}`,
      "/api/v1/clearances?municipality=1480",
    ]) {
      const res = await head.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(
        res.json().items.every((c: { county: string }) => c.county === "01"),
        url,
      ).toBe(true);
    }
    const own = (await head.get("/api/v1/clearances")).json();
    expect(own.items).toContainEqual(expect.objectContaining({ id: in01.json().id }));
    expect(own.total).toBe(own.items.length);

    // The admin sees every county.
    const national = (await admin.get("/api/v1/clearances?county=14")).json();
    expect(national.items).toContainEqual(expect.objectContaining({ id: in14.json().id }));
    expect(national.items.every((c: { county: string }) => c.county === "14")).toBe(true);
  });

  it("[R1-1] officers without the head flag, coordinators, leadership and the agency get 403, but everyone lists their own", async () => {
    const admin = await t.as({ role: "admin" });
    const somebody = await buildUser(t.database.db, { role: "county", county: "01" });
    const c = await admin.post("/api/v1/clearances", grant({ userId: somebody.id }));
    expect(c.statusCode).toBe(201);

    for (const spec of [
      { role: "county", county: "01" },
      { role: "municipality", municipality: "0180" },
      { role: "municipality", municipality: "0180", readOnly: true },
      { role: "agency" },
    ] as const) {
      const client = await t.as(spec);
      const label = JSON.stringify(spec);
      expect((await client.get("/api/v1/clearances")).statusCode, label).toBe(403);
      expect((await client.get(`/api/v1/clearances?userId=${somebody.id}`)).statusCode, label).toBe(403);
      expect((await client.post("/api/v1/clearances", grant({ userId: client.user.id }))).statusCode, label).toBe(403);
      expect((await client.post(`/api/v1/clearances/${c.json().id}/withdraw`)).statusCode, label).toBe(403);
      const own = await client.get(`/api/v1/clearances?userId=${client.user.id}&county=14&includeInactive=true`);
      expect(own.statusCode, label).toBe(200);
      expect(own.json(), label).toEqual({ items: [], total: 0 });
    }

    // A cleared officer sees their own clearance, and nobody else's.
    const officer = await t.as({ role: "county", county: "01" });
    expect(
      (await admin.post("/api/v1/clearances", grant({ userId: officer.user.id, municipality: "0114" }))).statusCode,
    ).toBe(201);
    const mine = (await officer.get(`/api/v1/clearances?userId=${officer.user.id}`)).json();
    expect(mine.items).toEqual([
      expect.objectContaining({
        user: expect.objectContaining({ id: officer.user.id }),
        municipality: "0114",
        active: true,
      }),
    ]);
    expect((await t.anonymous.get(`/api/v1/clearances?userId=${officer.user.id}`)).statusCode).toBe(401);
    // The withdrawal refused above changed nothing.
    const still = (await admin.get(`/api/v1/clearances?userId=${somebody.id}`)).json();
    expect(still.items[0]).toMatchObject({ id: c.json().id, active: true, withdrawnAt: null });
  });

  it("[R2.10-2] every read of a confidential part can be logged: who, what and on which basis, never the content", async () => {
    const reader = await t.as({ role: "county", county: "01" });
    const entityId = "11111111-1111-4111-8111-111111111111";
    await recordConfidentialRead(
      t.database.db,
      { actor: actorFor(reader.user), requestId: "req-1", clock: t.clock },
      {
        entityType: "protocol" as AuditEntityType,
        entityId,
        municipality: "0180",
        parts: ["secretAppendix"],
        basis: "18 kap. 13 § OSL",
      },
    );
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
    expect(event).toMatchObject({
      action: "confidential.read",
      entityType: "protocol",
      actorId: reader.user.id,
      requestId: "req-1",
      after: { municipality: "0180", parts: ["secretAppendix"], basis: "18 kap. 13 § OSL" },
    });
  });
});
