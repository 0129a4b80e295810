import { watchTitle } from "@uppsikt/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { pdfWith } from "../../../test/documents.js";
import { buildUser, setResponsibleOfficer } from "../../../test/factories.js";
import { type Part, multipart } from "../../../test/multipart.js";
import { auditEvents } from "../../db/schema/index.js";
import { buildApp } from "../../app.js";
import { createWatchRegistry } from "../../platform/watch/registry.js";
import { documentRequestsSource } from "./watch-source.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

function answer(
  client: Client,
  id: string,
  fields: Record<string, string>,
  files: { name: string; content: Buffer }[],
) {
  const parts: Part[] = [
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...files.map((f) => ({ name: "file", value: f.content, fileName: f.name, contentType: "application/pdf" })),
  ];
  const body = multipart(parts);
  return client.request({
    method: "POST",
    url: `/api/v1/document-requests/${id}/answers`,
    payload: body.payload,
    headers: body.headers,
  });
}

describe("[R2.5-4] requests for further documents", () => {
  let t: TestContext;
  let officer: Client;
  let responsible: Awaited<ReturnType<typeof buildUser>>;
  let coordinator: Client;
  let leadership: Client;
  let otherCoordinator: Client;
  let agency: Client;
  let pdf: Buffer;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    responsible = await buildUser(t.database.db, { role: "county", county: "01", name: "Johan Bergström" });
    await setResponsibleOfficer(t.database.db, "0180", responsible.id);
    coordinator = await t.as({ role: "municipality", municipality: "0180", name: "Anders Wikström" });
    leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    otherCoordinator = await t.as({ role: "municipality", municipality: "0181" });
    agency = await t.as({ role: "agency" });
    pdf = await pdfWith([
      { heading: "Kostnadsredovisning 2025", body: "Löner för beredskapssamordnare 640 000 kr. Övning 85 000 kr." },
    ]);
  });
  afterAll(() => t.close());

  it("[R2.5-4] request → the coordinator answers with a PDF → answered; the county downloads the file and closes it", async () => {
    const res = await officer.post("/api/v1/municipalities/0180/document-requests", {
      subject: "Kostnadsredovisning 2025",
      message: "Skicka en specificerad kostnadsredovisning för ersättningen 2025, med verifikationer för inköp.",
      replyBy: "2026-12-11",
    });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({
      municipality: { code: "0180", name: "Stockholm" },
      subject: "Kostnadsredovisning 2025",
      replyBy: "2026-12-11",
      status: "open",
      requestedBy: { id: officer.user.id, name: "Sara Nyström" },
      answers: [],
      confidential: null,
    });
    for (const client of [coordinator, leadership])
      expect((await client.get("/api/v1/municipalities/0180/document-requests")).json().items[0].id).toBe(request.id);
    // The agency reads only the requests of its reduction cases (R3.3-1), not the county's.
    const agencyList = await agency.get("/api/v1/municipalities/0180/document-requests");
    expect(agencyList.statusCode).toBe(200);
    expect(agencyList.json().items).toEqual([]);
    expect((await otherCoordinator.get("/api/v1/municipalities/0180/document-requests")).statusCode).toBe(404);

    // Only the municipality's writers answer; the content decides the type.
    const message = "Här är kostnadsredovisningen.";
    expect(
      (await answer(leadership, request.id, { message }, [{ name: "kostnader.pdf", content: pdf }])).statusCode,
    ).toBe(403);
    expect(
      (await answer(otherCoordinator, request.id, { message }, [{ name: "kostnader.pdf", content: pdf }])).statusCode,
    ).toBe(404);
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    expect((await answer(coordinator, request.id, { message }, [{ name: "bild.pdf", content: png }])).statusCode).toBe(
      415,
    );
    expect((await answer(coordinator, request.id, {}, [{ name: "kostnader.pdf", content: pdf }])).statusCode).toBe(400);

    const answered = await answer(coordinator, request.id, { message }, [
      { name: "Kostnadsredovisning 2025 Stockholm.pdf", content: pdf },
    ]);
    expect(answered.statusCode, answered.body).toBe(201);
    const view = answered.json();
    expect(view.status).toBe("answered");
    expect(view.answers[0]).toMatchObject({
      message,
      answeredBy: { id: coordinator.user.id, name: "Anders Wikström" },
      confidential: null,
      files: [{ fileName: "Kostnadsredovisning 2025 Stockholm.pdf", mediaType: "application/pdf" }],
    });
    const download = await officer.get(view.answers[0].files[0].downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    expect((await agency.get(view.answers[0].files[0].downloadUrl)).statusCode).toBe(404);
    expect((await otherCoordinator.get(view.answers[0].files[0].downloadUrl)).statusCode).toBe(404);

    // Answered is no longer watched; the county closes it.
    const open = await documentRequestsSource(t.database.db, { today: "2026-11-27", counties: ["01"] });
    expect(open.map((i) => i.key)).not.toContain(`documentRequest:${request.id}`);
    expect((await coordinator.post(`/api/v1/document-requests/${request.id}/close`)).statusCode).toBe(403);
    const closed = await officer.post(`/api/v1/document-requests/${request.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe("closed");
    expect(closed.json().closedBy).toEqual({ id: officer.user.id, name: officer.user.name });
    const listed = await coordinator.get("/api/v1/municipalities/0180/document-requests");
    expect(listed.json().items.find((r: { id: string }) => r.id === request.id).closedBy.id).toBe(officer.user.id);
    expect((await officer.post(`/api/v1/document-requests/${request.id}/close`)).statusCode).toBe(409);
    expect((await answer(coordinator, request.id, { message }, [])).statusCode).toBe(409);

    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, request.id));
    expect(events.map((e) => e.action)).toEqual([
      "documentRequests.create",
      "documentRequests.answer",
      "documentRequests.close",
    ]);
    expect(JSON.stringify(events)).not.toMatch(/verifikationer|Här är/);
  });

  it("[R2.5-4] an unanswered request past its reply date is overdue (the date itself is in time) and is on the watch list, awaited from the municipality", async () => {
    const res = await officer.post("/api/v1/municipalities/0180/document-requests", {
      subject: "Avtal om reservkraft",
      message: "Skicka avtalet med leverantören av reservkraft till vattenverken.",
      replyBy: "2026-12-04",
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    // Sessions last hours: each moment of the clock gets fresh ones.
    const status = async () => {
      const reader = await t.as({ role: "municipality", municipality: "0180" });
      const list = (await reader.get("/api/v1/municipalities/0180/document-requests")).json();
      return list.items.find((r: { id: string }) => r.id === id).status;
    };

    t.clock.set("2026-12-04T16:00:00+01:00");
    expect(await status()).toBe("open");
    t.clock.set("2026-12-05T08:00:00+01:00");
    expect(await status()).toBe("overdue");
    const later = await t.as({ role: "county", county: "01" });
    const overdue = (await later.get("/api/v1/municipalities/0180/document-requests?status=overdue")).json();
    expect(overdue.items.map((r: { id: string }) => r.id)).toEqual([id]);

    // The watch source: registered under its name, with the responsible officer and a link to the dialogue tab.
    const watch = createWatchRegistry();
    const app = await buildApp({ database: t.database, config: t.config, clock: t.clock, version: "test", watch });
    expect(watch.kinds()).toEqual(expect.arrayContaining(["dialogueFollowUp", "documentRequest"]));
    const items = await watch.collect(t.database.db, { today: "2026-12-05", municipalities: ["0180"] });
    await app.close();
    expect(items.find((i) => i.key === `documentRequest:${id}`)).toEqual({
      key: `documentRequest:${id}`,
      kind: "documentRequest",
      due: "2026-12-04",
      title: "Begärt underlag: Avtal om reservkraft – Stockholm",
      subject: { template: "open", values: { subject: "Avtal om reservkraft", municipality: "Stockholm" } },
      county: "01",
      municipality: { code: "0180", name: "Stockholm" },
      responsibleUserId: responsible.id,
      responsibleName: "Johan Bergström",
      awaitedFromMunicipality: true,
      link: "/kommun/0180?flik=dialog",
    });
    // Filters: another county or municipality does not get it; without a responsible officer, the requester is.
    expect(await documentRequestsSource(t.database.db, { today: "2026-12-05", counties: ["14"] })).toEqual([]);
    expect(await documentRequestsSource(t.database.db, { today: "2026-12-05", municipalities: ["0181"] })).toEqual([]);
    await setResponsibleOfficer(t.database.db, "0180", null);
    const [item] = await documentRequestsSource(t.database.db, { today: "2026-12-05", municipalities: ["0180"] });
    expect(item).toMatchObject({ responsibleUserId: officer.user.id, responsibleName: "Sara Nyström" });
    await setResponsibleOfficer(t.database.db, "0180", responsible.id);
    t.clock.set("2026-11-27T10:00:00+01:00");
  });

  it("[R2.5-4] refuses a reply date in the past and a request for another county's municipality", async () => {
    const body = { subject: "Protokoll", message: "Skicka protokollet.", replyBy: "2026-11-26" };
    expect((await officer.post("/api/v1/municipalities/0180/document-requests", body)).statusCode).toBe(400);
    expect(
      (await officer.post("/api/v1/municipalities/1480/document-requests", { ...body, replyBy: "2027-01-10" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await coordinator.post("/api/v1/municipalities/0180/document-requests", { ...body, replyBy: "2027-01-10" }))
        .statusCode,
    ).toBe(403);
  });

  it("[R2.10-2] a confidential request hides its subject and message from the uncleared; the answer inherits the basis", async () => {
    const res = await officer.post("/api/v1/municipalities/0180/document-requests", {
      subject: "Sårbarheter i ledningscentralen",
      message: "Skicka den sekretessbelagda bilagan om ledningscentralens reservkraft.",
      replyBy: "2026-12-20",
      confidentialBasis: "18 kap. 13 § OSL",
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    // The officer who asked has no clearance: the existence, the basis and the readers, not the text.
    expect(res.json()).toMatchObject({
      subject: null,
      message: null,
      confidential: { basis: "18 kap. 13 § OSL", readableBy: [], canRead: false },
    });
    // A neutral watch title while it waits: nothing of the subject.
    const waiting = await documentRequestsSource(t.database.db, { today: "2026-11-27", municipalities: ["0180"] });
    const item = waiting.find((i) => i.key === `documentRequest:${id}`)!;
    expect(watchTitle(item.kind, item.subject)).toBe("Begäran om underlag (sekretess) – Stockholm");
    const answered = await answer(coordinator, id, { message: "Bilagan bifogas." }, [
      { name: "Bilaga ledningscentralen.pdf", content: pdf },
    ]);
    expect(answered.statusCode, answered.body).toBe(201);
    const a = answered.json().answers[0];
    expect(a).toMatchObject({ message: null, confidential: { basis: "18 kap. 13 § OSL", canRead: false } });
    expect(a.files[0].fileName).toBe("Sekretessbelagd fil");
    const denied = await officer.get(a.files[0].downloadUrl);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toMatch(/sekretessbelagd \(18 kap. 13 § OSL\)/);
  });
});
