import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { type TestContext, CSRF, createTestContext } from "../../../test/app.js";
import { buildUser } from "../../../test/factories.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { auditEvents, sessions } from "../../db/schema/index.js";

const PASSWORD = "rätt-lösenord-123";

describe("[R1-1] login, sessions and CSRF", () => {
  let t: TestContext;
  let passwordHash: string;
  beforeAll(async () => {
    t = await createTestContext({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "3",
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

  it("rate-limits failed attempts per account, even with the right password afterwards", async () => {
    await buildUser(t.database.db, { role: "county", county: "01", email: "target@lst.example", passwordHash });
    for (let i = 0; i < 3; i++)
      expect((await login("target@lst.example", "fel", { ip: `10.1.0.${i}` })).statusCode).toBe(401);
    const blocked = await login("target@lst.example", PASSWORD, { ip: "10.1.0.9" });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rateLimited");
    t.clock.advance(16 * 60_000);
    expect((await login("target@lst.example", PASSWORD, { ip: "10.1.0.9" })).statusCode).toBe(200);
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
