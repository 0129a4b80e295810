import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { type TestContext, CSRF, createTestContext } from "../../../test/app.js";
import { buildUser } from "../../../test/factories.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { auditEvents, sessions } from "../../db/schema/index.js";
import { demoAccounts } from "./service.js";

const PASSWORD = "rätt-lösenord-123";

describe("[R1-1] login, sessions and CSRF", () => {
  let t: TestContext;
  let passwordHash: string;
  beforeAll(async () => {
    t = await createTestContext({
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "8",
      SESSION_TTL_HOURS: "2",
    });
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, extra: { cookies?: Record<string, string>; ip?: string } = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password },
      remoteAddress: extra.ip ?? "10.0.0.1",
      cookies: { csrf_token: CSRF, ...(extra.cookies ?? {}) },
      headers: { "x-csrf-token": CSRF },
    });
  const sessionCookie = (res: { cookies: { name: string; value: string; httpOnly?: boolean; sameSite?: string }[] }) =>
    res.cookies.find((c) => c.name === "uppsikt_session");

  it("logs in with argon2id, sets an httpOnly SameSite=Lax session cookie and answers like /me", async () => {
    const user = await buildUser(t.database.db, {
      role: "county",
      county: "01",
      email: "anna@lst.example",
      passwordHash,
    });
    expect(passwordHash.startsWith("$argon2id$")).toBe(true);
    const res = await login("Anna@LST.example", PASSWORD, { ip: "10.0.0.10" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: user.id,
      email: "anna@lst.example",
      name: user.name,
      role: "county",
      county: "01",
      municipality: null,
      countyHead: false,
      readOnly: false,
    });
    const cookie = sessionCookie(res)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      cookies: { uppsikt_session: cookie.value },
    });
    expect(me.json().id).toBe(user.id);
    const [stored] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored?.id).not.toBe(cookie.value); // only the token's hash is stored
  });

  it("rotates the session at login: the previous token stops working", async () => {
    await buildUser(t.database.db, { role: "agency", email: "rot@msb.example", passwordHash });
    const first = sessionCookie(await login("rot@msb.example", PASSWORD, { ip: "10.0.0.11" }))!.value;
    const second = sessionCookie(
      await login("rot@msb.example", PASSWORD, { ip: "10.0.0.11", cookies: { uppsikt_session: first } }),
    )!.value;
    expect(second).not.toBe(first);
    const old = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", cookies: { uppsikt_session: first } });
    expect(old.statusCode).toBe(401);
    const current = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", cookies: { uppsikt_session: second } });
    expect(current.statusCode).toBe(200);
  });

  it("expires sessions after the configured lifetime", async () => {
    const client = await t.as({ role: "agency" });
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(200);
    t.clock.advance(2 * 3_600_000 + 1000);
    const res = await client.get("/api/v1/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
    t.clock.advance(-(2 * 3_600_000 + 1000));
  });

  it("logs out: the session is deleted and the event audited", async () => {
    const client = await t.as({ role: "admin" });
    const res = await client.post("/api/v1/auth/logout");
    expect(res.statusCode).toBe(200);
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(401);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "sessions.delete"));
    expect(events.some((e) => e.actorId === client.user.id)).toBe(true);
  });

  it("[issue 10.13] lists the demo accounts only on a demo database with demo data switched on", async () => {
    const before = await t.app.inject({ method: "GET", url: "/api/v1/auth/demo-accounts" });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ password: null, accounts: [] });
    await buildUser(t.database.db, { role: "agency", email: "agency@uppsikt.example", passwordHash });
    const after = (await t.app.inject({ method: "GET", url: "/api/v1/auth/demo-accounts" })).json();
    expect(after.password).toBe("uppsikt-demo");
    expect(after.accounts).toContainEqual({
      email: "lst01@uppsikt.example",
      description: expect.stringContaining("Stockholms län"),
    });
    expect(await demoAccounts(t.database.db, { DEMO_DATA: false })).toEqual({ password: null, accounts: [] });
  });

  it("answers 401 for /me without a session", async () => {
    const res = await t.anonymous.get("/api/v1/auth/me");
    expect(res.statusCode).toBe(401);
  });

  it("refuses a wrong password and an inactive account with the same message", async () => {
    await buildUser(t.database.db, {
      role: "county",
      county: "14",
      email: "inactive@lst.example",
      passwordHash,
      active: false,
    });
    const wrong = await login("anna@lst.example", "fel-lösenord", { ip: "10.0.0.12" });
    const inactive = await login("inactive@lst.example", PASSWORD, { ip: "10.0.0.12" });
    const unknown = await login("nobody@lst.example", PASSWORD, { ip: "10.0.0.12" });
    for (const res of [wrong, inactive, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe("Fel e-postadress eller lösenord.");
    }
  });

  it("sets a readable csrf_token cookie when the browser has none", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/config" });
    const csrf = res.cookies.find((c) => c.name === "csrf_token");
    expect(csrf?.value).toMatch(/^[\w-]{20,}$/);
    expect(csrf?.httpOnly).toBeFalsy();
    const again = await t.app.inject({ method: "GET", url: "/api/v1/config", cookies: { csrf_token: csrf!.value } });
    expect(again.cookies.find((c) => c.name === "csrf_token")).toBeUndefined();
  });

  it("refuses state-changing requests without a matching x-csrf-token, login included", async () => {
    const noHeader = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "anna@lst.example", password: PASSWORD },
      cookies: { csrf_token: CSRF },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe("csrf");
    const mismatch = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "anna@lst.example", password: PASSWORD },
      cookies: { csrf_token: CSRF },
      headers: { "x-csrf-token": "something-else" },
    });
    expect(mismatch.statusCode).toBe(403);
    const noCookie = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { "x-csrf-token": CSRF },
    });
    expect(noCookie.statusCode).toBe(403);
  });

  it("rate-limits all attempts per client address", async () => {
    for (let i = 0; i < 8; i++) await login(`spray${i}@lst.example`, "fel", { ip: "10.2.0.1" });
    const res = await login("anna@lst.example", PASSWORD, { ip: "10.2.0.1" });
    expect(res.statusCode).toBe(429);
    expect((await login("anna@lst.example", PASSWORD, { ip: "10.2.0.2" })).statusCode).toBe(200);
  });

  it("audits logins without storing the password", async () => {
    const rows = await t.database.db.select().from(auditEvents);
    expect(rows.some((r) => r.action === "sessions.create")).toBe(true);
    expect(rows.some((r) => r.action === "sessions.reject")).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });
});

describe("[issue 9.7] login throttling that cannot be raced or abused", () => {
  let t: TestContext;
  let passwordHash: string;
  beforeAll(async () => {
    t = await createTestContext({
      LOGIN_THROTTLE_PAIR_FAILURES: "5",
      LOGIN_THROTTLE_ACCOUNT_FAILURES: "20",
      LOGIN_THROTTLE_BASE_SECONDS: "30",
      LOGIN_THROTTLE_MAX_MINUTES: "15",
    });
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password },
      remoteAddress: ip,
      cookies: { csrf_token: CSRF },
      headers: { "x-csrf-token": CSRF },
    });
  const rejectsOf = async (email: string) =>
    (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "sessions.reject"))).filter(
      (e) => (e.after as { email?: string } | null)?.email === email,
    ).length;

  it("[issue 9.7] 80 parallel wrong passwords make at most the allowed 5 password checks", async () => {
    await buildUser(t.database.db, { role: "admin", email: "race@uppsikt.example", passwordHash });
    const results = await Promise.all(
      Array.from({ length: 80 }, () => login("race@uppsikt.example", "fel-lösenord", "10.5.0.1")),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 500)).toEqual([]);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(75);
    expect(await rejectsOf("race@uppsikt.example")).toBe(5);
    const refused = results.find((r) => r.statusCode === 429)!.json().error;
    expect(refused.code).toBe("rateLimited");
    expect(refused.message).toBe(
      "För många misslyckade inloggningar för kontot från din adress. Vänta 30 sekunder och försök igen.",
    );
  });

  it("[issue 9.7] after 5 failures the pair waits a delay that doubles with each further failure, up to 15 minutes", async () => {
    await buildUser(t.database.db, { role: "county", county: "01", email: "delay@lst.example", passwordHash });
    for (let i = 0; i < 4; i++) expect((await login("delay@lst.example", "fel", "10.6.0.1")).statusCode).toBe(401);
    // Four failures: no delay yet, the right password works and starts the count over.
    expect((await login("delay@lst.example", PASSWORD, "10.6.0.1")).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login("delay@lst.example", "fel", "10.6.0.1")).statusCode).toBe(401);
    const waited: string[] = [];
    for (const seconds of [30, 60, 120, 240, 480, 900, 900]) {
      const refused = await login("delay@lst.example", PASSWORD, "10.6.0.1");
      expect(refused.statusCode).toBe(429);
      waited.push(refused.json().error.message);
      t.clock.advance(seconds * 1000 - 1000);
      expect((await login("delay@lst.example", PASSWORD, "10.6.0.1")).statusCode).toBe(429);
      t.clock.advance(1000);
      expect((await login("delay@lst.example", "fel", "10.6.0.1")).statusCode).toBe(401);
    }
    expect(waited.map((m) => /Vänta (.*) och/.exec(m)?.[1])).toEqual([
      "30 sekunder",
      "1 minut",
      "2 minuter",
      "4 minuter",
      "8 minuter",
      "15 minuter",
      "15 minuter",
    ]);
    t.clock.advance(15 * 60_000);
    expect((await login("delay@lst.example", PASSWORD, "10.6.0.1")).statusCode).toBe(200);
    expect((await login("delay@lst.example", "fel", "10.6.0.1")).statusCode).toBe(401);
    expect((await login("delay@lst.example", PASSWORD, "10.6.0.1")).statusCode).toBe(200);
  });

  it("[issue 9.7] failures from one address do not lock the account out from another (the admin's neither)", async () => {
    await buildUser(t.database.db, { role: "admin", email: "victim@uppsikt.example", passwordHash });
    for (let i = 0; i < 10; i++) await login("victim@uppsikt.example", "fel", "10.7.0.66");
    expect((await login("victim@uppsikt.example", PASSWORD, "10.7.0.66")).statusCode).toBe(429);
    expect((await login("victim@uppsikt.example", PASSWORD, "10.7.0.1")).statusCode).toBe(200);
  });

  it("[issue 9.7] after the account-wide number of failures within 24 hours the delay applies from every address", async () => {
    await buildUser(t.database.db, { role: "agency", email: "spread@msb.example", passwordHash });
    for (let a = 0; a < 5; a++)
      for (let i = 0; i < 4; i++)
        expect((await login("spread@msb.example", "fel", `10.8.0.${a}`)).statusCode).toBe(401);
    const refused = await login("spread@msb.example", PASSWORD, "10.8.1.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toBe(
      "För många misslyckade inloggningar för kontot. Vänta 30 sekunder och försök igen.",
    );
    t.clock.advance(30_000);
    expect((await login("spread@msb.example", "fel", "10.8.1.2")).statusCode).toBe(401);
    expect((await login("spread@msb.example", PASSWORD, "10.8.1.3")).json().error.message).toMatch(/Vänta 1 minut /);
    // A new day: the account-wide count starts over.
    t.clock.advance(24 * 3_600_000);
    expect((await login("spread@msb.example", PASSWORD, "10.8.1.3")).statusCode).toBe(200);
  });

  it("[issue 9.7] the admin sees throttled accounts and lifts the delay; throttling and lifting are audited", async () => {
    await buildUser(t.database.db, { role: "county", county: "14", email: "lift@lst.example", passwordHash });
    for (let i = 0; i < 5; i++) await login("lift@lst.example", "fel", "10.9.0.1");
    expect((await login("lift@lst.example", PASSWORD, "10.9.0.1")).statusCode).toBe(429);

    const admin = await t.as({ role: "admin" });
    const list = await admin.get("/api/v1/admin/login-throttles");
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { email: string | null }) => i.email === "lift@lst.example");
    expect(item).toMatchObject({ scope: "pair", address: "10.9.0.1", failures: 5 });
    expect(new Date(item.blockedUntil).getTime()).toBe(t.clock.now().getTime() + 30_000);
    const county = await t.as({ role: "county", county: "14", countyHead: true });
    expect((await county.get("/api/v1/admin/login-throttles")).statusCode).toBe(403);

    const lifted = await admin.post(`/api/v1/admin/login-throttles/${item.id}/lift`);
    expect(lifted.statusCode).toBe(200);
    expect(
      (await admin.get("/api/v1/admin/login-throttles"))
        .json()
        .items.some((i: { email: string | null }) => i.email === "lift@lst.example"),
    ).toBe(false);
    expect((await login("lift@lst.example", PASSWORD, "10.9.0.1")).statusCode).toBe(200);
    const again = await admin.post(`/api/v1/admin/login-throttles/00000000-0000-4000-8000-000000000000/lift`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe("Spärren finns inte.");

    const events = await t.database.db.select().from(auditEvents);
    const started = events.find((e) => e.action === "loginThrottles.start" && e.entityId === item.id);
    expect(started?.after).toMatchObject({
      scope: "pair",
      email: "lift@lst.example",
      address: "10.9.0.1",
      failures: 5,
    });
    const lift = events.find((e) => e.action === "loginThrottles.lift" && e.entityId === item.id);
    expect(lift?.actorId).toBe(admin.user.id);
    expect(lift?.before).toMatchObject({ email: "lift@lst.example", failures: 5 });
  });
});
