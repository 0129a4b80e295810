import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance } from "../../../test/factories.js";
import { auditEvents } from "../../db/schema/index.js";
import { extractText } from "../../platform/files/extract.js";
import { decodeMimeWords, parseHeaders } from "../../platform/mail/outbox.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const pdfText = async (body: Buffer) => ((await extractText(body, "pdf")).text ?? "").replace(/\s+/g, " ");
const docxText = async (body: Buffer) => (await mammoth.extractRawText({ buffer: body })).value;

/* The test clock's today is 2026-11-27. The visit is held 2026-11-10 in Stockholm (0180). */
describe("[R2.7-7] the protocol after a visit", () => {
  let t: TestContext;
  let officer: Client;
  let head: Client;
  let coordinator: Client;
  let leadership: Client;
  let otherCounty: Client;
  let agency: Client;
  let clearedOfficer: Client;
  let visitId: string;
  let version: number;
  let dataDir: string;
  /** The mail written to DATA_DIR/outbox (no SMTP server in the tests), decoded. */
  const mails = () => {
    const dir = path.join(dataDir, "outbox");
    return existsSync(dir)
      ? readdirSync(dir).map((f) => {
          const message = readFileSync(path.join(dir, f), "utf8");
          const headers = parseHeaders(message);
          // Quoted-printable soft line breaks joined, so a long link reads whole.
          const raw = message.replace(/=\r?\n/g, "");
          return { to: headers.get("to") ?? "", subject: decodeMimeWords(headers.get("subject") ?? ""), raw };
        })
      : [];
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "uppsikt-protocols-"));
    t = await createTestContext({ DATA_DIR: dataDir });
    officer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    clearedOfficer = await t.as({ role: "county", county: "01", name: "Per Holm" });
    head = await t.as({ role: "county", county: "01", countyHead: true, name: "Karin Ek" });
    coordinator = await t.as({ role: "municipality", municipality: "0180", name: "Anders Wikström" });
    leadership = await t.as({ role: "municipality", municipality: "0180", readOnly: true });
    otherCounty = await t.as({ role: "county", county: "14" });
    agency = await t.as({ role: "agency" });
    await buildClearance(t, { userId: clearedOfficer.user.id, county: "01" });
    const created = await officer.post("/api/v1/visits", {
      municipality: "0180",
      period: 2023,
      planned: "2026-11",
      kind: "only",
    });
    expect(created.statusCode, created.body).toBe(201);
    const held = await officer.put(`/api/v1/visits/${created.json().id}`, {
      version: created.json().version,
      heldOn: "2026-11-10",
      place: "Stadshuset",
      participants: [
        { name: "Anders Wikström", role: "coordinator" },
        { name: "Eva Lind", role: "chiefExecutive" },
        { name: "Sara Nyström", role: "countyOfficer" },
      ],
    });
    expect(held.statusCode, held.body).toBe(200);
    visitId = held.json().id;
    version = held.json().version;
  });
  afterAll(() => t.close());

  const save = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.put(`/api/v1/visits/${visitId}`, { version, ...body });
    if (res.statusCode === 200) version = res.json().version;
    return res;
  };

  it("[R2.7-7] [R2.9-1] [R2.10-1] the draft holds measures and deadlines; the confidential part only in the appendix", async () => {
    const res = await save(officer, {
      worksWell: "Krisledningsnämnden övar två gånger per år.",
      deficiencies: [
        { text: "Analysen saknar beroenden av el." },
        { text: "Reservkraften vid vattenverket Lovö är otillräcklig.", confidentialBasis: "18 kap. 13 § OSL" },
      ],
      measures: [
        { text: "Komplettera RSA:n med beroenden av el.", due: "2027-03-31", followUp: "Vid nästa dialogmöte." },
        {
          text: "Säkra reservkraft för Lovö vattenverk.",
          due: "2027-06-30",
          followUp: "Redovisning till länsstyrelsen.",
          confidentialBasis: "18 kap. 13 § OSL",
        },
      ],
      actionPlanDue: "2027-01-31",
    });
    expect(res.statusCode, res.body).toBe(200);
    const pdf = await officer.get(`/api/v1/visits/${visitId}/protocol.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain("Det som fungerar väl");
    expect(text).toContain("Komplettera RSA:n med beroenden av el.");
    expect(text).toContain("2027-03-31");
    expect(text).toContain("2027-01-31");
    expect(text).toContain("Hemlig bilaga");
    expect(text).toContain("Utkast");
    expect(text).not.toContain("Lovö");
    const docx = await officer.get(`/api/v1/visits/${visitId}/protocol.docx`);
    const words = await docxText(docx.rawPayload);
    expect(words).toContain("Komplettera RSA:n med beroenden av el.");
    expect(words).not.toContain("Lovö");
    // The appendix: 403 without clearance, 404 outside the county; read with clearance, and the read is audited.
    expect((await officer.get(`/api/v1/visits/${visitId}/secret-appendix.pdf`)).statusCode).toBe(403);
    expect((await otherCounty.get(`/api/v1/visits/${visitId}/secret-appendix.pdf`)).statusCode).toBe(404);
    const appendix = await clearedOfficer.get(`/api/v1/visits/${visitId}/secret-appendix.pdf`);
    expect(appendix.statusCode).toBe(200);
    expect(await pdfText(appendix.rawPayload)).toContain("Säkra reservkraft för Lovö vattenverk.");
    const audited = await t.database.db.select().from(auditEvents);
    expect(
      audited.some(
        (e) => e.action === "confidential.read" && e.entityId === visitId && e.actorId === clearedOfficer.user.id,
      ),
    ).toBe(true);
    // The view hides the confidential texts from the uncleared officer.
    const view = (await officer.get(`/api/v1/visits/${visitId}/protocol`)).json();
    expect(view.deficiencies[1]).toMatchObject({
      text: null,
      confidential: { basis: "18 kap. 13 § OSL", canRead: false },
    });
    expect(view.measures[1]).toMatchObject({ text: null, followUp: null, due: "2027-06-30" });
    // The municipality does not see a draft that is not out for review.
    expect((await coordinator.get(`/api/v1/visits/${visitId}/protocol`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/visits/${visitId}/protocol.pdf`)).statusCode).toBe(404);
    expect((await agency.get(`/api/v1/visits/${visitId}/protocol`)).statusCode).toBe(404);
  });

  it("[R2.7-7] factual review: the coordinator comments; read-only leadership cannot", async () => {
    const review = await officer.post(`/api/v1/visits/${visitId}/protocol/factual-review`, {});
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json()).toMatchObject({ state: "factualReview", factualReview: { replyBy: "2026-12-18", round: 1 } });
    // The coordinators are told by mail, with a link and nothing of the protocol.
    const told = mails().filter((m) => m.subject.startsWith("Utkast till protokoll för sakgranskning"));
    expect(told).toHaveLength(1);
    expect(told[0]!.to).toContain(coordinator.user.email);
    expect(told[0]!.raw).not.toContain("Lovö");
    expect(told[0]!.raw).toContain(`/besok/${visitId}`);
    const draft = await coordinator.get(`/api/v1/visits/${visitId}/protocol.pdf`);
    expect(draft.statusCode).toBe(200);
    expect(await pdfText(draft.rawPayload)).toContain("Utkast för sakgranskning");
    const said = await coordinator.post(`/api/v1/visits/${visitId}/protocol/comments`, {
      text: "Övningen hölls i oktober, inte i september.",
    });
    expect(said.statusCode, said.body).toBe(200);
    expect((await leadership.post(`/api/v1/visits/${visitId}/protocol/comments`, { text: "Ok" })).statusCode).toBe(403);
    const seen = (await officer.get(`/api/v1/visits/${visitId}/protocol`)).json();
    expect(seen.comments).toEqual([
      expect.objectContaining({ text: "Övningen hölls i oktober, inte i september.", round: 1 }),
    ]);
  });

  it("[R2.7-7] only a county head approves; an edit withdraws the approval; only an approved protocol is sent", async () => {
    expect((await officer.post(`/api/v1/visits/${visitId}/protocol/approve`, {})).statusCode).toBe(403);
    const early = await officer.post(`/api/v1/visits/${visitId}/protocol/send`, {
      registrationNumber: "451-2231-2026",
      sentOn: "2026-11-27",
    });
    expect(early.statusCode).toBe(409);
    expect((await head.post(`/api/v1/visits/${visitId}/protocol/approve`, {})).json().state).toBe("approved");
    await save(officer, { worksWell: "Krisledningsnämnden övar två gånger per år, senast i oktober." });
    expect((await officer.get(`/api/v1/visits/${visitId}/protocol`)).json()).toMatchObject({
      state: "draft",
      approved: null,
    });
    const approved = await head.post(`/api/v1/visits/${visitId}/protocol/approve`, {});
    expect(approved.json()).toMatchObject({ state: "approved", approved: { by: { name: "Karin Ek" } } });

    const future = await officer.post(`/api/v1/visits/${visitId}/protocol/send`, {
      registrationNumber: "451-2231-2026",
      sentOn: "2026-11-28",
    });
    expect(future.statusCode).toBe(400);
    const sent = await officer.post(`/api/v1/visits/${visitId}/protocol/send`, {
      registrationNumber: "451-2231-2026",
      sentOn: "2026-11-27",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: "sent", sent: [{ versionNo: 1, registrationNumber: "451-2231-2026" }] });
    expect(mails().filter((m) => m.subject.startsWith("Protokoll från uppföljningsbesöket"))).toHaveLength(1);
    const visit = (await officer.get(`/api/v1/visits/${visitId}`)).json();
    expect(visit.status).toBe("protocolSent");
    version = visit.version;
    // The municipality and the agency read the sent version; its PDF names the number and who approved it.
    const forCoordinator = await coordinator.get(`/api/v1/visits/${visitId}/protocol.pdf`);
    const text = await pdfText(forCoordinator.rawPayload);
    expect(text).toContain("451-2231-2026");
    expect(text).toContain("Karin Ek");
    expect(text).not.toContain("Utkast");
    expect((await agency.get(`/api/v1/visits/${visitId}/protocol`)).json().showing).toBe("sent");
    expect((await coordinator.get(`/api/v1/visits/${visitId}/secret-appendix.pdf`)).statusCode).toBe(403);
  });

  it("[R2.7-7] the sent protocol cannot change; a correction is a new, numbered version that says what it corrects", async () => {
    const edit = await save(officer, { actionPlanDue: "2027-02-28" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/rättelse/);
    // The same fields unchanged, with another change of the visit, still save.
    expect(
      (await save(officer, { actionPlanDue: "2027-01-31", place: "Stadshuset, Ragnar Östbergs sal" })).statusCode,
    ).toBe(200);
    const correction = await officer.post(`/api/v1/visits/${visitId}/protocol/correction`, {
      reason: "Åtgärdsplanens sista dag är 28 februari.",
    });
    expect(correction.json()).toMatchObject({ state: "draft", versionNo: 2 });
    expect((await save(officer, { actionPlanDue: "2027-02-28" })).statusCode).toBe(200);
    await head.post(`/api/v1/visits/${visitId}/protocol/approve`, {});
    const sent = await officer.post(`/api/v1/visits/${visitId}/protocol/send`, {
      registrationNumber: "451-2231-2026",
      sentOn: "2026-11-27",
    });
    expect(sent.json().sent.map((s: { versionNo: number }) => s.versionNo)).toEqual([2, 1]);
    const v2 = await pdfText((await coordinator.get(`/api/v1/visits/${visitId}/protocol.pdf`)).rawPayload);
    expect(v2).toContain("ersätter version 1");
    expect(v2).toContain("2027-02-28");
    const v1 = await pdfText((await coordinator.get(`/api/v1/visits/${visitId}/protocol.pdf?version=1`)).rawPayload);
    expect(v1).toContain("2027-01-31");
    expect(v1).not.toContain("ersätter");
  });
  it("[R2.7-7] a county head edits the protocol's fixed texts; a sent version keeps the texts it was sent with", async () => {
    const current = (await head.get("/api/v1/counties/01/protocol-template")).json();
    expect(current).toMatchObject({ version: 0, isDefault: true });
    expect(current.intro).toMatch(/formellt uppföljningsbesök/);
    const body = {
      intro: "Stockholms läns protokoll: inledning 2026.",
      closing: "Frågor till beredskapsenheten.",
      version: 0,
    };
    expect((await officer.put("/api/v1/counties/01/protocol-template", body)).statusCode).toBe(403);
    expect((await otherCounty.get("/api/v1/counties/01/protocol-template")).statusCode).toBe(404);
    const saved = await head.put("/api/v1/counties/01/protocol-template", body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, isDefault: false });
    expect((await head.put("/api/v1/counties/01/protocol-template", body)).statusCode).toBe(409);
    // The sent versions keep their texts; a new draft carries the county's new ones.
    const sent = await pdfText((await coordinator.get(`/api/v1/visits/${visitId}/protocol.pdf?version=1`)).rawPayload);
    expect(sent).toContain("formellt uppföljningsbesök");
    expect(sent).not.toContain("inledning 2026");
    await officer.post(`/api/v1/visits/${visitId}/protocol/correction`, { reason: "Ny mall." });
    const draft = await pdfText((await officer.get(`/api/v1/visits/${visitId}/protocol.pdf`)).rawPayload);
    expect(draft).toContain("Stockholms läns protokoll: inledning 2026.");
    expect(draft).toContain("Frågor till beredskapsenheten.");
  });
});
