import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { ROLE_SPECS, ROUTES, type RoleKey, allowedRole, buildTargets } from "../../../test/routes.js";
import { auditEvents } from "../../db/schema/index.js";
import { count } from "drizzle-orm";

function expectClientError(res: LightMyRequestResponse, statuses: number[]) {
  expect(statuses, `${res.statusCode}: ${res.body}`).toContain(res.statusCode);
  const { error } = res.json();
  expect(error.code).toEqual(expect.any(String));
  expect(error.message).toMatch(/[a-zåäö]/i);
  expect(error.requestId).toEqual(expect.any(String));
}

const BAD_PARAMS: Record<string, string[]> = {
  code: ["x", "0", "01x", "%27%3B%20drop%20table%20users", "12345678901234567890"],
  id: ["not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g"],
  year: ["x", "20x6", "1899", "99999", "2026.5"],
};
/** Where a route's first parameter sits in its URL: a code or id segment, or a year (`/2026`, `/2026.xlsx`). */
const PARAM_SEGMENT: Record<string, RegExp> = {
  year: /\/\d{4}(?=\/|\.xlsx|$)/,
};
const SEGMENT = /\/(01|0180|[0-9a-f-]{36})(?=\/|$)/;
const UNKNOWN_PARAMS: Record<string, string> = { code: "", id: "00000000-0000-4000-8000-000000000000" };

describe("bad input to every route gets a clear 4xx, never a 500", () => {
  let t: TestContext;
  const clients = {} as Record<RoleKey, Client>;
  let targets: Awaited<ReturnType<typeof buildTargets>>;

  beforeAll(async () => {
    t = await createTestContext({ BODY_LIMIT_BYTES: "4096" });
    for (const [key, spec] of Object.entries(ROLE_SPECS)) clients[key as RoleKey] = await t.as(spec);
    clients.anonymous = t.anonymous;
    const agreements = (await clients.agency.get("/api/v1/agreements")).json();
    targets = await buildTargets(t, agreements.items[0].id);
  });
  afterAll(() => t.close());

  const withBody = ROUTES.filter((r) => r.body && !r.multipart);
  const multipartRoutes = ROUTES.filter((r) => r.multipart);

  for (const route of multipartRoutes) {
    it(`${route.method} ${route.path}: JSON or a form instead of multipart → 415`, async () => {
      const client = clients[allowedRole(route)];
      for (const [payload, type] of [
        ["{}", "application/json"],
        ["a=1", "application/x-www-form-urlencoded"],
      ]) {
        const res = await client.request({
          method: route.method,
          url: route.url(targets.inScope),
          payload,
          headers: { "content-type": type! },
        });
        expectClientError(res, [415]);
      }
    });
  }
  const withParams = ROUTES.filter((r) => /\{(\w+)\}/.test(r.path));

  for (const route of withBody) {
    describe(`${route.method} ${route.path}`, () => {
      const send = (
        payload: string | object,
        headers: Record<string, string> = { "content-type": "application/json" },
      ) =>
        clients[allowedRole(route)].request({
          method: route.method,
          url: route.url(targets.inScope),
          payload,
          headers,
        });

      it("malformed JSON → 400", async () => expectClientError(await send("{not json"), [400]));
      it("empty JSON body → 400", async () => expectClientError(await send(""), [400]));
      it("a JSON array or wrong types → 400 with the field named", async () => {
        expectClientError(await send("[1,2,3]"), [400]);
        const body = route.body!(targets.inScope) as Record<string, unknown>;
        const wrong = Object.fromEntries(Object.keys(body).map((k) => [k, { nested: [true] }]));
        const res = await send(wrong);
        expectClientError(res, [400]);
        expect(res.json().error.code).toBe("validation");
      });
      it("oversized payload → 413", async () => {
        const res = await send(
          JSON.stringify({ ...(route.body!(targets.inScope) as object), padding: "x".repeat(10_000) }),
        );
        expectClientError(res, [413]);
      });
      it("a form instead of JSON → 415", async () =>
        expectClientError(await send("a=1&b=2", { "content-type": "application/x-www-form-urlencoded" }), [415]));
    });
  }

  for (const route of withParams) {
    const param = /\{(\w+)\}/.exec(route.path)![1]!;
    it(`${route.method} ${route.path}: malformed {${param}} → 400${param === "year" ? "" : ", unknown → 404"}`, async () => {
      const client = clients[allowedRole(route)];
      const body = route.body?.(targets.inScope) as object | undefined;
      const segment = PARAM_SEGMENT[param] ?? SEGMENT;
      for (const bad of BAD_PARAMS[param]!) {
        const url = route.url(targets.inScope).replace(segment, `/${bad}`);
        if (param === "year")
          expect(url, `${route.path}: no {year} in the URL to replace`).not.toBe(route.url(targets.inScope));
        expectClientError(await client.request({ method: route.method, url, payload: body }), [400, 404]);
      }
      // Any well-formed year is a year (one without data answers with what there is), so there is no "unknown" one.
      if (param === "year") return;
      const unknown = param === "code" ? (route.path.includes("counties") ? "99" : "9999") : UNKNOWN_PARAMS.id!;
      const url = route.url(targets.inScope).replace(/\/(01|0180|[0-9a-f-]{36})(?=\/|$)/, `/${unknown}`);
      expectClientError(await client.request({ method: route.method, url, payload: body }), [404]);
    });
  }

  it("wrong query parameter types → 400", async () => {
    for (const url of [
      "/api/v1/counties/01/municipalities?limit=abc",
      "/api/v1/counties/01/municipalities?limit=-1",
      "/api/v1/counties/01/municipalities?offset=1e99",
      "/api/v1/counties/01/municipalities?sort=population",
      "/api/v1/agreements?period=twenty",
      "/api/v1/users?role=king",
      "/api/v1/audit-events?from=2026-13-45x",
      "/api/v1/audit-events?limit=100000",
    ]) {
      const role = url.includes("users") || url.includes("audit") ? "admin" : "agency";
      expectClientError(await clients[role].get(url), [400]);
    }
  });

  it("refused input changes nothing: no audit event is written", async () => {
    const before = (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
    await clients.agency.post("/api/v1/agreements", { kind: "nope" });
    await clients.admin.post("/api/v1/users", { email: "not-an-email" });
    await clients.countyHead.put("/api/v1/municipalities/0180/responsible-officer", { userId: "x" });
    const after = (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
    expect(after).toBe(before);
  });
});
