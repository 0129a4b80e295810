import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { insertDocumentVersion, setResponsibleOfficer } from "../../../test/factories.js";
import { auditEvents } from "../../db/schema/index.js";
import { buildApp } from "../../app.js";
import { createWatchRegistry } from "../../platform/watch/registry.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;
interface Item {
  key: string;
  kind: string;
  feedbackVersionId?: string | null;
}

/* Today is 2026-11-27 (period 2023–2026). Östergötland (05) is used only here. */
describe("[issue 10.10] deciding that no feedback will be sent", () => {
  let t: TestContext;
  let officer: Client;
  const version = (municipality: string, type: string, receivedOn: string) =>
    insertDocumentVersion(t, { municipality, type, receivedOn, createdBy: officer.user.id, createdAt: new Date() });
  const owedOn = async (client: Client) =>
    ((await client.get("/api/v1/watch")).json().items as Item[]).filter((i) => i.kind === "feedbackOwed");
  const waive = (client: Client, versionId: string, reason = "Dokumentet ersätts av en ny version i vår.") =>
    client.post(`/api/v1/document-versions/${versionId}/feedback-waiver`, { reason });

  beforeAll(async () => {
    t = await createTestContext();
    t.clock.set("2026-11-27T10:00:00+01:00");
    officer = await t.as({ role: "county", county: "05", name: "Olle Östgöte" });
    await setResponsibleOfficer(t.database.db, "0580", officer.user.id); // Linköping
    await setResponsibleOfficer(t.database.db, "0581", officer.user.id); // Norrköping
  });
  afterAll(() => t.close());

  it("[issue 10.10] the item leaves the watch list and the waited-long list, with the reason in the audit log", async () => {
    const old = await version("0580", "rsa", "2024-11-01");
    const items = await owedOn(officer);
    const item = items.find((i) => i.feedbackVersionId === old.versionId);
    expect(item).toBeDefined();
    const awaiting = () =>
      officer
        .get("/api/v1/counties/05/documents/awaiting-feedback")
        .then((r) => (r.json().items as { versionId: string }[]).map((i) => i.versionId));
    expect(await awaiting()).toContain(old.versionId);

    const res = await waive(officer, old.versionId);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      versionId: old.versionId,
      reason: "Dokumentet ersätts av en ny version i vår.",
      decidedBy: { id: officer.user.id, name: "Olle Östgöte" },
    });
    expect((await owedOn(officer)).some((i) => i.feedbackVersionId === old.versionId)).toBe(false);
    expect(await awaiting()).not.toContain(old.versionId);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "feedback.waive"), eq(auditEvents.entityId, old.versionId)));
    expect(audit).toMatchObject({
      entityType: "documentVersion",
      actorId: officer.user.id,
      after: expect.objectContaining({ reason: "Dokumentet ersätts av en ny version i vår.", municipality: "0580" }),
    });

    // Once is enough; the decision cannot be made again.
    expect((await waive(officer, old.versionId)).statusCode).toBe(409);
  });

  it("[issue 10.10] a reason is required; only the county's officers decide; not once feedback is sent or the version replaced", async () => {
    const v = await version("0581", "steeringDocument", "2025-01-10");
    const empty = await waive(officer, v.versionId, "  ");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("Skriv varför ingen återkoppling skickas.");
    expect((await waive(await t.as({ role: "county", county: "01" }), v.versionId)).statusCode).toBe(404);
    expect((await waive(await t.as({ role: "municipality", municipality: "0581" }), v.versionId)).statusCode).toBe(403);
    expect((await waive(await t.as({ role: "agency" }), v.versionId)).statusCode).toBe(403);

    const draft = (await officer.post(`/api/v1/document-versions/${v.versionId}/feedback`, { body: "Tack." })).json();
    await officer.post(`/api/v1/feedback/${draft.id}/sent`, { sentOn: "2026-11-27" });
    const sent = await waive(officer, v.versionId);
    expect(sent.statusCode).toBe(409);
    expect(sent.json().error.message).toContain("redan skickad");

    const first = await version("0581", "rsa", "2024-02-01");
    await version("0581", "rsa", "2026-11-01");
    expect((await waive(officer, first.versionId)).statusCode).toBe(409);
    expect((await waive(officer, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });

  it("[issue 10.10] [R2.7-4] a decision that no feedback will be sent does not count as feedback sent before a late only visit", async () => {
    // Norrköping's directing documents: feedback sent on two, decided against on the RSA.
    const ids: Record<string, string> = {};
    for (const type of ["rsa", "steeringDocument", "trainingAndExercisePlan"])
      ids[type] = (await version("0582", type, "2026-03-01")).versionId;
    await setResponsibleOfficer(t.database.db, "0582", officer.user.id);
    for (const type of ["steeringDocument", "trainingAndExercisePlan"]) {
      const draft = (await officer.post(`/api/v1/document-versions/${ids[type]}/feedback`, { body: "Tack." })).json();
      expect((await officer.post(`/api/v1/feedback/${draft.id}/sent`, { sentOn: "2026-11-27" })).statusCode).toBe(200);
    }
    expect((await waive(officer, ids.rsa!)).statusCode).toBe(201);
    const visit = (
      await officer.post("/api/v1/visits", { municipality: "0582", period: 2023, planned: "2026-12", kind: "only" })
    ).json();
    const detail = (await officer.get(`/api/v1/visits/${visit.id}`)).json();
    const warning = detail.warnings.find((w: { code: string }) => w.code === "feedbackBeforeVisit");
    expect(warning?.rule).toContain("Saknas: 1 dokument");

    const watch = createWatchRegistry();
    const app = await buildApp({ database: t.database, config: t.config, clock: t.clock, version: "test", watch });
    const collect = () => watch.collect(t.database.db, { today: "2026-11-27", counties: ["05"] });
    expect((await collect()).find((i) => i.key === `visit.feedback:${visit.id}`)).toMatchObject({
      kind: "feedbackBeforeVisit",
    });
    // Feedback sent after all is what satisfies the rule.
    const draft = (await officer.post(`/api/v1/document-versions/${ids.rsa}/feedback`, { body: "Tack." })).json();
    await officer.post(`/api/v1/feedback/${draft.id}/sent`, { sentOn: "2026-11-27" });
    expect((await collect()).some((i) => i.key === `visit.feedback:${visit.id}`)).toBe(false);
    await app.close();
  });
});
