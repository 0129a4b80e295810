import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildUser } from "../../../test/factories.js";

describe("audit log view", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it("records who, role, when, action, entity, summary and request id for a write", async () => {
    const head = await t.as({ role: "county", county: "14", countyHead: true, email: "chef@vg.example" });
    const officer = await buildUser(t.database.db, { role: "county", county: "14" });
    const write = await head.put("/api/v1/municipalities/1480/responsible-officer", { userId: officer.id });
    const admin = await t.as({ role: "admin" });
    const res = await admin.get("/api/v1/audit-events?action=municipalities.assignOfficer");
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      actorId: head.user.id,
      actorEmail: "chef@vg.example",
      actorRole: "county",
      action: "municipalities.assignOfficer",
      entityType: "municipality",
      entityId: "1480",
      before: { responsibleOfficerId: null },
      after: { responsibleOfficerId: officer.id },
      requestId: write.headers["x-request-id"],
    });
    expect(new Date(res.json().items[0].at).getTime()).toBe(t.clock.now().getTime());
  });

  it("filters by actor and by Stockholm calendar dates", async () => {
    const agency = await t.as({ role: "agency" });
    const byActor = await agency.get("/api/v1/audit-events?actor=chef@vg");
    expect(byActor.json().total).toBeGreaterThan(0);
    expect(byActor.json().items.every((e: { actorEmail: string }) => e.actorEmail === "chef@vg.example")).toBe(true);
    const today = await agency.get("/api/v1/audit-events?from=2026-11-27&to=2026-11-27&action=municipalities");
    expect(today.json().total).toBe(1);
    const tomorrow = await agency.get("/api/v1/audit-events?from=2026-11-28");
    expect(tomorrow.json().total).toBe(0);
    const bad = await agency.get("/api/v1/audit-events?from=27/11/2026");
    expect(bad.statusCode).toBe(400);
  });

  it("[R1-1] is readable by admins and the agency only", async () => {
    for (const spec of [
      { role: "county" as const, county: "14", countyHead: true },
      { role: "municipality" as const, municipality: "1480" },
    ]) {
      expect((await (await t.as(spec)).get("/api/v1/audit-events")).statusCode).toBe(403);
    }
  });
});
