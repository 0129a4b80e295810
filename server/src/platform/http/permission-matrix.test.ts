import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestContext, createTestContext } from "../../../test/app.js";
import { ROLE_SPECS, ROUTES, type RoleKey, type Targets, buildTargets } from "../../../test/routes.js";

describe("[R1-1] permission matrix: every route × every role × in and out of scope", () => {
  let t: TestContext;
  let targets: { inScope: Targets; outOfScope: Targets };
  const clients = {} as Record<RoleKey, Client>;

  beforeAll(async () => {
    t = await createTestContext();
    const agency = await t.as(ROLE_SPECS.agency);
    const agreements = (await agency.get("/api/v1/agreements")).json();
    targets = await buildTargets(t, agreements.items[0].id);
    for (const [key, spec] of Object.entries(ROLE_SPECS)) clients[key as RoleKey] = await t.as(spec);
    clients.anonymous = t.anonymous;
  });
  afterAll(() => t.close());

  it("covers every route in the OpenAPI document", async () => {
    const spec = (await t.anonymous.get("/api/v1/openapi.json")).json();
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(documented);
  });

  const roles: RoleKey[] = ["anonymous", "agency", "countyHead", "countyOfficer", "coordinator", "leadership", "admin"];
  for (const route of ROUTES) {
    for (const role of roles) {
      for (const inScope of [true, false]) {
        const expected = route.expect(role, inScope);
        it(`${route.method} ${route.path} as ${role} ${inScope ? "in" : "out of"} scope → ${expected}`, async () => {
          const target = inScope ? targets.inScope : targets.outOfScope;
          // Logout ends the session: use a throwaway one so the other cases keep theirs.
          const client =
            route.path.endsWith("/logout") && role !== "anonymous" ? await t.as(ROLE_SPECS[role]) : clients[role];
          const res = await client.request({
            method: route.method,
            url: route.url(target),
            payload: route.body?.(target) as object,
          });
          expect(res.statusCode, res.body).toBe(expected);
          if (expected >= 400)
            expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        });
      }
    }
  }
});
