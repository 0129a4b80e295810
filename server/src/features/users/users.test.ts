import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance, buildUser, sessionFor, setResponsibleOfficer } from "../../../test/factories.js";
import { auditEvents, clearances, municipalities, users } from "../../db/schema/index.js";
import { clientFor } from "../../../test/app.js";

const newUser = (over: Record<string, unknown> = {}) => ({
  email: `ny-${Math.random().toString(36).slice(2, 8)}@kommun.example`,
  name: "Birgitta Ström",
  role: "municipality",
  municipality: "0114",
  password: "ett-långt-lösenord-1",
  ...over,
});

describe("[R1-1] user administration", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("an admin creates a user with role, scope and flags; audited without the password", async () => {
    const admin = await t.as({ role: "admin" });
    const res = await admin.post("/api/v1/users", newUser({ email: "ledning@upplandsvasby.example", readOnly: true }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      role: "municipality",
      municipality: "0114",
      county: "01",
      readOnly: true,
      countyHead: false,
      active: true,
    });
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, res.json().id));
    expect(event).toMatchObject({ action: "users.create", actorId: admin.user.id });
    expect(JSON.stringify(event)).not.toMatch(/ett-långt-lösenord|argon2/);
  });

  it("refuses a duplicate e-mail with 409 and an inconsistent scope with 400", async () => {
    const admin = await t.as({ role: "admin" });
    const dup = await admin.post("/api/v1/users", newUser({ email: "ledning@upplandsvasby.example" }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/finns redan/);
    const noCounty = await admin.post("/api/v1/users", newUser({ role: "county", municipality: null }));
    expect(noCounty.statusCode).toBe(400);
    expect(noCounty.json().error.message).toMatch(/måste ha ett län/);
    const headFlag = await admin.post("/api/v1/users", newUser({ countyHead: true }));
    expect(headFlag.statusCode).toBe(400);
    const unknownMunicipality = await admin.post("/api/v1/users", newUser({ municipality: "0999" }));
    expect(unknownMunicipality.statusCode).toBe(400);
    const shortPassword = await admin.post("/api/v1/users", newUser({ password: "kort" }));
    expect(shortPassword.statusCode).toBe(400);
    expect(shortPassword.json().error.message).toMatch(/minst 12 tecken/);
  });

  it("[R1-1] refuses common and breached passwords and ones built from the e-mail or the name, saying why", async () => {
    const admin = await t.as({ role: "admin" });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ password: "qwerty123456" }, /vanliga eller läckta lösenord/],
      [{ password: "Password1234!" }, /vanliga eller läckta lösenord/],
      [{ email: "birgitta.strom@kommun.example", password: "birgitta.strom-2026" }, /e-postadressens första del/],
      [{ password: "ströms-krisledning" }, /ditt namn/],
    ];
    for (const [over, message] of cases) {
      const res = await admin.post("/api/v1/users", newUser(over));
      expect(res.statusCode, String(over.password)).toBe(400);
      expect(res.json().error.message).toMatch(message);
      expect(res.json().error.details.issues[0].path).toBe("body.password");
    }
    const ok = await admin.post("/api/v1/users", newUser({ password: "fyra ord som ingen gissar" }));
    expect(ok.statusCode).toBe(201);
    const changed = await admin.patch(`/api/v1/users/${ok.json().id}`, { password: "1q2w3e4r5t6y" });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.message).toMatch(/vanliga eller läckta/);
  });

  it("a county head manages officers and coordinators of their own county only", async () => {
    const head = await t.as({ role: "county", county: "01", countyHead: true });
    expect((await head.post("/api/v1/users", newUser({ municipality: "0180" }))).statusCode).toBe(201);
    expect(
      (await head.post("/api/v1/users", newUser({ role: "county", county: "01", municipality: null }))).statusCode,
    ).toBe(201);
    expect((await head.post("/api/v1/users", newUser({ municipality: "1480" }))).statusCode).toBe(403);
    expect((await head.post("/api/v1/users", newUser({ role: "admin", municipality: null }))).statusCode).toBe(403);
    const list = await head.get("/api/v1/users?limit=500");
    expect(list.statusCode).toBe(200);
    const items: { county: string | null; role: string }[] = list.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.county === "01" && (u.role === "county" || u.role === "municipality"))).toBe(true);
    const outsider = await buildUser(t.database.db, { role: "county", county: "14" });
    expect((await head.get(`/api/v1/users/${outsider.id}`)).statusCode).toBe(404);
    expect((await head.patch(`/api/v1/users/${outsider.id}`, { name: "X" })).statusCode).toBe(404);
  });

  it("a county officer without the head flag cannot manage users", async () => {
    const officer = await t.as({ role: "county", county: "01" });
    expect((await officer.get("/api/v1/users")).statusCode).toBe(403);
    expect((await officer.post("/api/v1/users", newUser())).statusCode).toBe(403);
  });

  it("deactivating a user ends their sessions and clears their responsibility", async () => {
    const admin = await t.as({ role: "admin" });
    const officer = await buildUser(t.database.db, { role: "county", county: "01" });
    await setResponsibleOfficer(t.database.db, "0115", officer.id);
    const token = await sessionFor(t.database.db, officer.id, t.clock.now());
    expect((await clientFor(t.app, token).get("/api/v1/auth/me")).statusCode).toBe(200);
    const res = await admin.patch(`/api/v1/users/${officer.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await clientFor(t.app, token).get("/api/v1/auth/me")).statusCode).toBe(401);
    const [m] = await t.database.db.select().from(municipalities).where(eq(municipalities.code, "0115"));
    expect(m?.responsibleOfficerId).toBeNull();
  });

  it("[R2.10-2] a user who moves to another municipality loses their clearances", async () => {
    const admin = await t.as({ role: "admin" });
    const u = await buildUser(t.database.db, { role: "municipality", municipality: "0180" });
    await buildClearance(t, {
      userId: u.id,
      county: "01",
      municipality: "0180",
      undertakingSignedOn: "2026-01-01",
      grantedBy: admin.user.id,
    });
    expect((await admin.patch(`/api/v1/users/${u.id}`, { name: "Samma Kommun" })).statusCode).toBe(200);
    expect(
      (await t.database.db.select().from(clearances).where(eq(clearances.userId, u.id)))[0]?.withdrawnAt,
    ).toBeNull();
    expect((await admin.patch(`/api/v1/users/${u.id}`, { municipality: "0181" })).statusCode).toBe(200);
    const [c] = await t.database.db.select().from(clearances).where(eq(clearances.userId, u.id));
    expect(c?.withdrawnAt).not.toBeNull();
    expect(c?.withdrawnBy).toBe(admin.user.id);
  });

  it("an admin cannot deactivate themselves", async () => {
    const admin = await t.as({ role: "admin" });
    const res = await admin.patch(`/api/v1/users/${admin.user.id}`, { active: false });
    expect(res.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, admin.user.id));
    expect(row?.active).toBe(true);
  });

  it("changes a user's role and scope, audited with before and after", async () => {
    const admin = await t.as({ role: "admin" });
    const u = await buildUser(t.database.db, { role: "municipality", municipality: "0180" });
    const res = await admin.patch(`/api/v1/users/${u.id}`, { role: "county", county: "14", countyHead: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      role: "county",
      county: "14",
      municipality: null,
      countyHead: true,
      readOnly: false,
    });
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, u.id));
    expect(event?.before).toMatchObject({ role: "municipality", municipalityCode: "0180" });
    expect(event?.after).toMatchObject({ role: "county", countyCode: "14" });
  });
});
