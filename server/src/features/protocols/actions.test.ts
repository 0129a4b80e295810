import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { pdfWith } from "../../../test/documents.js";
import { setResponsibleOfficer } from "../../../test/factories.js";
import { multipart } from "../../../test/multipart.js";
import { auditEvents } from "../../db/schema/index.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

/* The test clock's today is 2026-11-27. A protocol with two measures is sent; its measures become actions. */
describe("[R2.7-8] the action plan", () => {
  let t: TestContext;
  let officer: Client;
  let head: Client;
  let coordinator: Client;
  let leadership: Client;
  let otherCoordinator: Client;
  let agency: Client;
  let visitId: string;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    head = await t.as({ role: "county", county: "01", countyHead: true, name: "Karin Ek" });
    coordinator = await t.as({ role: "municipality", municipality: "0180", name: "Anders Wikström" });
    leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    otherCoordinator = await t.as({ role: "municipality", municipality: "0181" });
    agency = await t.as({ role: "agency" });
    await setResponsibleOfficer(t.database.db, "0180", officer.user.id);
    const created = (
      await officer.post("/api/v1/visits", { municipality: "0180", period: 2023, planned: "2026-10", kind: "only" })
    ).json();
    const held = await officer.put(`/api/v1/visits/${created.id}`, {
      version: created.version,
      heldOn: "2026-10-20",
      measures: [
        { text: "Komplettera RSA:n med beroenden av el.", due: "2026-11-27", followUp: "Vid nästa dialogmöte." },
        {
          text: "Säkra reservkraft för Lovö vattenverk.",
          due: "2026-11-26",
          followUp: "Redovisning till länsstyrelsen.",
          confidentialBasis: "18 kap. 13 § OSL",
        },
      ],
      actionPlanDue: "2026-12-15",
    });
    expect(held.statusCode, held.body).toBe(200);
    visitId = created.id;
    expect((await head.post(`/api/v1/visits/${visitId}/protocol/approve`, {})).statusCode).toBe(200);
    const sent = await officer.post(`/api/v1/visits/${visitId}/protocol/send`, {
      registrationNumber: "451-2231-2026",
      sentOn: "2026-11-20",
    });
    expect(sent.statusCode, sent.body).toBe(200);
  });
  afterAll(() => t.close());

  const list = async (client: Client) => (await client.get("/api/v1/municipalities/0180/actions?period=2023")).json();
  const report = (client: Client, id: string, fields: Record<string, string>, files: Buffer[] = []) => {
    const body = multipart([
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      ...files.map((content, i) => ({
        name: "file",
        value: content,
        fileName: `rapport-${i}.pdf`,
        contentType: "application/pdf",
      })),
    ]);
    return client.request({
      method: "POST",
      url: `/api/v1/actions/${id}/report`,
      payload: body.payload,
      headers: body.headers,
    });
  };

  it("[R2.7-8] [R2.10-1] the sent protocol's measures become actions; the confidential one inherits its ground", async () => {
    const { items } = await list(coordinator);
    expect(items).toHaveLength(2);
    const open = items.find((a: { text: string | null }) => a.text === "Komplettera RSA:n med beroenden av el.");
    expect(open).toMatchObject({ source: "protocol", status: "planned", due: "2026-11-27", overdue: false, visitId });
    const secret = items.find((a: { confidential: unknown }) => a.confidential !== null);
    expect(secret).toMatchObject({
      text: null,
      followUp: null,
      confidential: { basis: "18 kap. 13 § OSL", canRead: false },
    });
    // The deadline day is in time; the day after it is overdue.
    expect(secret.overdue).toBe(true);
    expect((await otherCoordinator.get("/api/v1/municipalities/0180/actions")).statusCode).toBe(404);
    expect((await agency.get("/api/v1/municipalities/0180/actions?period=2023")).json().items).toHaveLength(2);
    // The action plan's deadline is watched until the municipality adds an action of its own to it.
    const watched = (await officer.get("/api/v1/watch")).json().items as { kind: string; due: string }[];
    expect(watched).toContainEqual(expect.objectContaining({ kind: "actionPlan", due: "2026-12-15" }));
  });

  it("[R2.7-8] the municipality adds its own action with an owner; leadership reads only", async () => {
    const added = await coordinator.post("/api/v1/municipalities/0180/actions", {
      text: "Utbilda krisledningsnämndens ledamöter.",
      owner: { userId: coordinator.user.id },
      due: "2027-04-30",
      steps: "1. Boka utbildning. 2. Genomför. 3. Utvärdera.",
      visitId,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      source: "municipality",
      owner: { name: "Anders Wikström" },
      status: "planned",
    });
    const foreign = await coordinator.post("/api/v1/municipalities/0180/actions", {
      text: "X",
      owner: { userId: otherCoordinator.user.id },
      due: "2027-04-30",
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      (
        await leadership.post("/api/v1/municipalities/0180/actions", {
          text: "X",
          owner: { name: "Y" },
          due: "2027-04-30",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("[R2.7-8] report done with a file, send back with a comment, report again and verify; all in the history", async () => {
    const action = (await list(coordinator)).items.find(
      (a: { text: string | null }) => a.text === "Komplettera RSA:n med beroenden av el.",
    );
    const started = await coordinator.patch(`/api/v1/actions/${action.id}`, {
      version: action.version,
      status: "inProgress",
    });
    expect(started.statusCode, started.body).toBe(200);
    // Reporting done is its own route; verifying needs a report first.
    expect(
      (
        await coordinator.patch(`/api/v1/actions/${action.id}`, {
          version: started.json().version,
          status: "reportedDone",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await officer.patch(`/api/v1/actions/${action.id}`, { version: started.json().version, status: "verified" }))
        .statusCode,
    ).toBe(409);
    expect((await report(leadership, action.id, { comment: "Klart." })).statusCode).toBe(403);
    const reported = await report(coordinator, action.id, { comment: "RSA:n är kompletterad, se bilaga." }, [
      await pdfWith([{ heading: "Komplettering", body: "Beroenden av el." }]),
    ]);
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({
      status: "reportedDone",
      reportedOn: "2026-11-27",
      verificationDueOn: "2026-12-27",
    });
    expect(reported.json().files).toHaveLength(1);
    const owed = (await officer.get("/api/v1/watch")).json().items as { kind: string; due: string }[];
    expect(owed).toContainEqual(expect.objectContaining({ kind: "actionVerification", due: "2026-12-27" }));
    const file = await officer.get(reported.json().files[0].downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toMatch(/pdf/);

    const noComment = await officer.patch(`/api/v1/actions/${action.id}`, {
      version: reported.json().version,
      status: "inProgress",
    });
    expect(noComment.statusCode).toBe(400);
    const back = await officer.patch(`/api/v1/actions/${action.id}`, {
      version: reported.json().version,
      status: "inProgress",
      comment: "Kompletteringen saknar beroenden av elektroniska kommunikationer.",
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: "inProgress", reportedOn: null });
    const again = await report(coordinator, action.id, { comment: "Nu med elektroniska kommunikationer." });
    const verified = await officer.patch(`/api/v1/actions/${action.id}`, {
      version: again.json().version,
      status: "verified",
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().history.map((h: { to: string }) => h.to)).toEqual([
      "planned",
      "inProgress",
      "reportedDone",
      "inProgress",
      "reportedDone",
      "verified",
    ]);
    expect(verified.json().history[3].comment).toBe(
      "Kompletteringen saknar beroenden av elektroniska kommunikationer.",
    );
    expect(
      (
        await coordinator.patch(`/api/v1/actions/${action.id}`, {
          version: verified.json().version,
          status: "inProgress",
        })
      ).statusCode,
    ).toBe(409);
    const audited = await t.database.db.select().from(auditEvents);
    expect(audited.filter((e) => e.action === "actions.report" && e.entityId === action.id)).toHaveLength(2);
  });

  it("[R1-3] [R2.7-8] open actions are on the officer's and the coordinator's watch lists, a confidential one without its text", async () => {
    const officerWatch = (await officer.get("/api/v1/watch")).json();
    const kinds = (officerWatch.items as { kind: string }[]).map((i) => i.kind);
    expect(kinds).toContain("action");
    const coordinatorWatch = (await coordinator.get("/api/v1/watch")).json();
    const titles = (coordinatorWatch.items as { kind: string; title: string }[]).filter((i) => i.kind === "action");
    expect(titles.some((i) => i.title.includes("sekretess"))).toBe(true);
    expect(titles.some((i) => i.title.includes("Lovö"))).toBe(false);
  });
});
