import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance, buildDialogueEntry, buildDocument, buildFeedback } from "../../../test/factories.js";
import { auditEvents } from "../../db/schema/index.js";
import { extractText } from "../../platform/files/extract.js";
import { decodeMimeWords, parseHeaders } from "../../platform/mail/outbox.js";
import { insertPublishedForm } from "../annual-forms/test-support.js";
import { demoRsaReportPdf } from "../documents/demo-files.js";
import * as economyRepo from "../economy/repository.js";
import * as actionsRepo from "../protocols/actions-repository.js";
import { correctionChanceSource, savingsNoticeSource, statementApprovalSource } from "./watch-source.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

const pdfText = async (body: Buffer) => ((await extractText(body, "pdf")).text ?? "").replace(/\s+/g, " ");
const docxText = async (body: Buffer) => (await mammoth.extractRawText({ buffer: body })).value.replace(/\s+/g, " ");

/*
 * The test clock's today is 2026-11-27: the mandate period is 2023–2026 and the RSA of the period was due long ago.
 * Each scenario uses its own municipality of Stockholm county (01).
 */
describe("statements to the agency", () => {
  let t: TestContext;
  let officer: Client;
  let head: Client;
  let secondHead: Client;
  let agency: Client;
  let otherCounty: Client;
  let dataDir: string;
  /** The mail written to DATA_DIR/outbox (no SMTP server in the tests), decoded. */
  const mails = () => {
    const dir = path.join(dataDir, "outbox");
    return existsSync(dir)
      ? readdirSync(dir).map((f) => {
          const message = readFileSync(path.join(dir, f), "utf8");
          const headers = parseHeaders(message);
          return {
            to: headers.get("to") ?? "",
            subject: decodeMimeWords(headers.get("subject") ?? ""),
            raw: message.replace(/=\r?\n/g, ""),
          };
        })
      : [];
  };

  const grounds = async (code: string) => {
    const res = await officer.get(`/api/v1/municipalities/${code}/statement-grounds`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as {
      ground: string;
      evidence: { text: string; date: string | null; link: string | null }[];
      rule: string;
    }[];
  };
  const found = async (code: string, ground: string) => (await grounds(code)).find((g) => g.ground === ground);

  /** Paid compensation and the county's costs per year (a part of the agreement of the year). */
  async function economy(code: string, years: { year: number; received: number; costs: [string, number][] }[]) {
    const db = t.database.db;
    const now = t.clock.now();
    for (const y of years) {
      const part = y.year <= 2023 ? "okkb-2019" : "del1-2024";
      await economyRepo.insertAmounts(db, [
        { municipalityCode: code, year: y.year, partCode: part, amount: y.received, status: "paid", createdAt: now },
      ]);
      await economyRepo.replaceCostSet(
        db,
        { municipalityCode: code, year: y.year, source: "county" },
        0,
        y.costs.map(([categoryCode, amount]) => ({ partCode: part, categoryCode, amount, manualCompilation: false })),
        null,
        now,
      );
    }
  }

  async function action(code: string, due: string, text = `Åtgärd med sista dag ${due}`) {
    const now = t.clock.now();
    const [row] = await actionsRepo.insertActions(t.database.db, [
      { municipalityCode: code, period: 2023, source: "municipality", text, due, createdAt: now, updatedAt: now },
    ]);
    return row!.id;
  }

  /** A sent written feedback on the municipality's RSA: a letter that communicated a deficiency. */
  async function sentFeedback(code: string) {
    const { versionId } = await buildDocument(t, officer.user, code, {
      decidedOn: "2023-06-12",
      receivedOn: "2023-06-20",
    });
    const fb = await buildFeedback(t, officer.user, versionId, { sentOn: "2026-03-02" });
    return fb.id as string;
  }

  async function opportunity(code: string, body: { offeredOn: string; lapsesOn: string }) {
    const res = await officer.post(`/api/v1/municipalities/${code}/correction-opportunities`, {
      description: "Kostnader för Rakelutrustning har belastat ersättningen.",
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function draft(body: Record<string, unknown>) {
    const res = await officer.post("/api/v1/statements", body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  async function approved(body: Record<string, unknown>) {
    const s = await draft(body);
    const res = await head.post(`/api/v1/statements/${s.id}/approve`, { version: s.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "uppsikt-statements-"));
    t = await createTestContext({ DATA_DIR: dataDir });
    officer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    head = await t.as({ role: "county", county: "01", countyHead: true, name: "Eva Lind" });
    secondHead = await t.as({ role: "county", county: "01", countyHead: true, name: "Per Holm" });
    agency = await t.as({ role: "agency" });
    otherCounty = await t.as({ role: "county", county: "14" });
    // The annual report of 2025 was due 2026-02-15.
    await insertPublishedForm(t.database.db, { year: 2025 });
  });
  afterAll(() => t.close());

  describe("[R3.2-2] grounds from the data", () => {
    it("[R3.2-2] noRsaReport: detected when the RSA is missing or its check lacks required sections, absent with a complete one", async () => {
      const missing = await found("0114", "noRsaReport");
      expect(missing?.evidence[0]?.text).toMatch(/saknas/);
      expect(missing?.rule).toMatch(/MSBFS 2015:5/);
      await buildDocument(t, officer.user, "0115");
      const partial = await found("0115", "noRsaReport");
      expect(partial?.evidence[0]?.text).toMatch(/RSA-kontrollen .* saknar \d+ obligatoriska avsnitt/);
      await buildDocument(t, officer.user, "0117", {
        files: [{ name: "rsa.pdf", content: await demoRsaReportPdf({ municipality: "Österåker", year: 2023 }) }],
      });
      expect(await found("0117", "noRsaReport")).toBeUndefined();
    });

    it("[R3.2-2] cannotAccount: a year with compensation received whose report deadline passed unaccepted; absent without", async () => {
      await economy("0120", [{ year: 2025, received: 1_000_000, costs: [["rsaPlanning", 1_000_000]] }]);
      const g = await found("0120", "cannotAccount");
      expect(g?.evidence).toEqual([
        expect.objectContaining({
          date: "2026-02-15",
          link: "/kommun/0120?flik=arsrapport",
          text: expect.stringMatching(/2025/),
        }),
      ]);
      expect(await found("0123", "cannotAccount")).toBeUndefined();
    });

    it("[R3.2-2] wrongfulUse: costs in a not eligible category (Rakel equipment); absent with eligible costs only", async () => {
      await economy("0125", [
        {
          year: 2024,
          received: 1_000_000,
          costs: [
            ["rsaPlanning", 700_000],
            ["rakelEquipment", 250_000],
          ],
        },
      ]);
      const g = await found("0125", "wrongfulUse");
      expect(g?.evidence[0]?.text).toMatch(/Rakelutrustning/);
      expect(g?.evidence[0]?.text).toMatch(/250/);
      await economy("0126", [{ year: 2024, received: 1_000_000, costs: [["rsaPlanning", 1_000_000]] }]);
      expect(await found("0126", "wrongfulUse")).toBeUndefined();
    });

    it("[R3.2-2] savingsPlan: large savings without a plan that grew two years running; absent when they do not", async () => {
      await economy("0127", [
        { year: 2023, received: 1_000_000, costs: [["rsaPlanning", 900_000]] },
        { year: 2024, received: 1_000_000, costs: [["rsaPlanning", 800_000]] },
        { year: 2025, received: 1_000_000, costs: [["rsaPlanning", 700_000]] },
      ]);
      const g = await found("0127", "savingsPlan");
      expect(g?.evidence[0]?.text).toMatch(/ökat två år i rad/);
      await economy("0128", [
        { year: 2023, received: 1_000_000, costs: [["rsaPlanning", 1_000_000]] },
        { year: 2024, received: 1_000_000, costs: [["rsaPlanning", 1_000_000]] },
        { year: 2025, received: 1_000_000, costs: [["rsaPlanning", 1_000_000]] },
      ]);
      expect(await found("0128", "savingsPlan")).toBeUndefined();
      // With a plan: a year that used less of the savings than planned (beyond the tolerance) is a deviation.
      await economy("0162", [
        { year: 2024, received: 1_000_000, costs: [["rsaPlanning", 400_000]] },
        { year: 2025, received: 1_000_000, costs: [["rsaPlanning", 1_050_000]] },
      ]);
      const plan = await officer.post("/api/v1/municipalities/0162/savings-plans", {
        years: [{ year: 2025, plannedSavingsUse: 500_000, plannedCompensationUse: 1_000_000, activities: "Övningar." }],
      });
      expect(plan.statusCode, plan.body).toBe(201);
      const deviation = await found("0162", "savingsPlan");
      expect(deviation?.evidence[0]?.text).toMatch(/Planen för sparandet följs inte 2025/);
    });

    it("[R3.2-2] repeatedFailure: at least the national number (2) of overdue actions in the period; absent with one", async () => {
      await action("0136", "2026-05-01");
      await action("0136", "2026-06-01");
      const g = await found("0136", "repeatedFailure");
      expect(g?.evidence).toHaveLength(2);
      expect(g?.evidence[0]?.text).toMatch(/försenad/);
      await action("0138", "2026-05-01");
      const back = await action("0138", "2027-05-01");
      expect(await found("0138", "repeatedFailure")).toBeUndefined();
      // An action sent back after being reported done counts too.
      await actionsRepo.insertEvent(t.database.db, {
        actionId: back,
        at: new Date("2026-10-01T10:00:00Z"),
        by: officer.user.id,
        fromStatus: "reportedDone",
        toStatus: "inProgress",
        comment: "Underlaget räcker inte.",
      });
      const again = await found("0138", "repeatedFailure");
      expect(again?.evidence.map((e) => e.text)).toEqual([
        expect.stringMatching(/försenad/),
        expect.stringMatching(/skickats tillbaka/),
      ]);
      expect(again?.evidence[1]?.date).toBe("2026-10-01");
    });
  });

  describe("[R3.2-1] preconditions before sending", () => {
    const code = "0182";
    let feedback: string;
    let past: string;
    let future: string;
    let answered: string;

    beforeAll(async () => {
      feedback = await sentFeedback(code);
      await buildDialogueEntry(t, officer.user, { municipalities: [code], form: "meeting", date: "2026-04-10" });
      past = await action(code, "2026-09-01", "Uppdatera krisledningsplanen");
      future = await action(code, "2027-03-01");
      answered = (await opportunity(code, { offeredOn: "2026-09-01", lapsesOn: "2026-09-30" })).id;
      const coordinator = await t.as({ role: "municipality", municipality: code });
      expect(
        (await coordinator.post(`/api/v1/correction-opportunities/${answered}/answer`, { text: "Vi har rättat." }))
          .statusCode,
      ).toBe(409); // lapsed: the county records the answer that came by letter
      expect(
        (
          await officer.post(`/api/v1/correction-opportunities/${answered}/answer`, {
            text: "Kostnaderna är flyttade till kommunens egen budget.",
            answeredOn: "2026-09-20",
          })
        ).statusCode,
      ).toBe(200);
    });

    const base = () => ({
      municipality: code,
      grounds: [{ ground: "wrongfulUse", communicatedBy: [{ kind: "feedback", id: feedback }] }],
      actions: [past],
      correctionOpportunities: [answered],
    });

    const refused = async (body: Record<string, unknown>) => {
      const s = await approved(body);
      const res = await head.post(`/api/v1/statements/${s.id}/send`, { registrationNumber: "LST 2026-1234" });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe("preconditionsMissing");
      return res.json().error.details.missing as string[];
    };

    it("[R3.2-1] allowed with every precondition met; the statement shows each with its evidence; the case opens", async () => {
      const s = await approved(base());
      expect(s.missing).toEqual([]);
      const byKey = Object.fromEntries(s.preconditions.map((p: { key: string }) => [p.key, p]));
      expect(byKey.communicated).toMatchObject({ met: true, applies: true });
      expect(byKey.communicated.evidence[0].text).toMatch(/Skriftlig återkoppling/);
      expect(byKey.oralDialogue.evidence[0]).toMatchObject({ date: "2026-04-10", link: "/kommun/0182?flik=dialog" });
      expect(byKey.savingsPlan).toMatchObject({ applies: false, met: true });
      expect(byKey.chanceToCorrect).toMatchObject({ applies: true, met: true });
      const res = await head.post(`/api/v1/statements/${s.id}/send`, { registrationNumber: "LST 2026-1000" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: "sent",
        registrationNumber: "LST 2026-1000",
        sentOn: "2026-11-27",
        override: null,
        reductionCase: { id: expect.any(String), status: "open" },
      });
    });

    it("[R3.2-1] refused when the deficiency was not communicated in writing", async () => {
      expect(await refused({ ...base(), grounds: ["wrongfulUse"] })).toEqual(["communicated"]);
    });

    it("[R3.2-1] refused when the time to remedy has not passed (a linked action's deadline is ahead)", async () => {
      expect(await refused({ ...base(), actions: [future] })).toEqual(["timeToRemedy"]);
    });

    it("[R3.2-1] [R3.2-3] refused for wrongful use without a chance to correct (none, or one still open)", async () => {
      expect(await refused({ ...base(), correctionOpportunities: [] })).toEqual(["chanceToCorrect"]);
      const open = await opportunity(code, { offeredOn: "2026-11-20", lapsesOn: "2026-12-20" });
      expect(await refused({ ...base(), correctionOpportunities: [open.id] })).toEqual(["chanceToCorrect"]);
    });

    it("[R3.2-1] refused without an action plan", async () => {
      const other = "0183";
      const fb = await sentFeedback(other);
      await buildDialogueEntry(t, officer.user, { municipalities: [other], form: "phone", date: "2026-04-10" });
      const missing = await refused({
        municipality: other,
        grounds: [
          {
            ground: "other",
            text: "Kommunen har inte deltagit i övningar.",
            communicatedBy: [{ kind: "feedback", id: fb }],
          },
        ],
      });
      expect(missing).toContain("actionPlan");
    });

    it("[R3.2-1] refused without oral dialogue: county-internal entries and e-mail do not count", async () => {
      const other = "0184";
      const fb = await sentFeedback(other);
      await buildDialogueEntry(t, officer.user, {
        municipalities: [other],
        form: "meeting",
        date: "2026-04-10",
        visibility: "countyInternal",
      });
      await buildDialogueEntry(t, officer.user, { municipalities: [other], form: "email", date: "2026-04-11" });
      const a = await action(other, "2026-08-01");
      expect(
        await refused({
          municipality: other,
          grounds: [
            {
              ground: "other",
              text: "Kommunen har inte deltagit i övningar.",
              communicatedBy: [{ kind: "feedback", id: fb }],
            },
          ],
          actions: [a],
        }),
      ).toEqual(["oralDialogue"]);
    });

    it("[R3.2-1] refused without written dialogue (no sent letter, protocol or shared e-mail)", async () => {
      const other = "0186";
      await buildDialogueEntry(t, officer.user, { municipalities: [other], form: "videoMeeting", date: "2026-04-10" });
      const a = await action(other, "2026-08-01");
      expect(
        await refused({
          municipality: other,
          grounds: [{ ground: "other", text: "Kommunen svarar inte." }],
          actions: [a],
        }),
      ).toEqual(["communicated", "writtenDialogue"]);
    });

    it("[R3.2-1] refused with savings and no savings plan; allowed once a plan is recorded", async () => {
      const other = "0187";
      const fb = await sentFeedback(other);
      await buildDialogueEntry(t, officer.user, { municipalities: [other], form: "meeting", date: "2026-04-10" });
      const a = await action(other, "2026-08-01");
      await economy(other, [{ year: 2025, received: 1_000_000, costs: [["rsaPlanning", 600_000]] }]);
      const body = {
        municipality: other,
        grounds: [
          {
            ground: "other",
            text: "Kommunen använder inte ersättningen.",
            communicatedBy: [{ kind: "feedback", id: fb }],
          },
        ],
        actions: [a],
      };
      expect(await refused(body)).toEqual(["savingsPlan"]);
      const plan = await officer.post(`/api/v1/municipalities/${other}/savings-plans`, {
        years: [
          {
            year: 2027,
            plannedSavingsUse: 400_000,
            plannedCompensationUse: 1_000_000,
            activities: "Övningar och utbildning.",
          },
        ],
      });
      expect(plan.statusCode, plan.body).toBe(201);
      const s = await approved(body);
      expect(s.missing).toEqual([]);
      expect(
        (await head.post(`/api/v1/statements/${s.id}/send`, { registrationNumber: "LST 2026-1001" })).statusCode,
      ).toBe(200);
    });

    it("[R3.2-1] allowed with an override: its reason is in the PDF, the DOCX and the audit log", async () => {
      const s = await approved({ ...base(), actions: [future] });
      const reason = "Kommunen har meddelat att åtgärden inte kommer att genomföras alls.";
      const res = await head.post(`/api/v1/statements/${s.id}/send`, {
        registrationNumber: "LST 2026-1002",
        override: { reason },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().override).toEqual({ reason, missing: ["timeToRemedy"] });
      const pdf = await officer.get(`/api/v1/statements/${s.id}/statement.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toMatch(/application\/pdf/);
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain(reason);
      expect(text).toContain("LST 2026-1002");
      // The chosen ground with its rule, the history and the checklist.
      expect(text).toContain("Felaktig användning av ersättningen");
      expect(text).toContain("Dialog med kommunen: Möte.");
      expect(text).toContain("Rimlig tid att åtgärda har gått");
      expect(text).toContain("Uppdatera krisledningsplanen");
      const docx = await agency.get(`/api/v1/statements/${s.id}/statement.docx`);
      expect(docx.statusCode).toBe(200);
      expect(await docxText(docx.rawPayload)).toContain(reason);
      const [event] = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "statements.send"), eq(auditEvents.entityId, s.id)));
      expect(event?.after).toMatchObject({ override: { reason, missing: ["timeToRemedy"] } });
    });

    it("[R3.2-1] the options list the municipality's sent letters and actions; links elsewhere are refused", async () => {
      const options = (await officer.get(`/api/v1/municipalities/${code}/statement-options`)).json();
      expect(options.communications).toEqual([
        expect.objectContaining({ kind: "feedback", id: feedback, date: "2026-03-02" }),
      ]);
      expect(options.actions.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([past, future]));
      expect(options.correctionOpportunities.map((o: { id: string }) => o.id)).toContain(answered);
      const elsewhere = await sentFeedback("0163");
      const bad = await officer.post("/api/v1/statements", {
        ...base(),
        grounds: [{ ground: "wrongfulUse", communicatedBy: [{ kind: "feedback", id: elsewhere }] }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/skrivelse/);
      const foreign = await action("0163", "2026-01-01");
      expect((await officer.post("/api/v1/statements", { ...base(), actions: [foreign] })).statusCode).toBe(400);
      expect((await otherCounty.post("/api/v1/statements", base())).statusCode).toBe(404);
    });

    it("[R3.2-1] a draft is edited at its version; a stale version answers 409", async () => {
      const s = await draft(base());
      const edit = { version: s.version, grounds: base().grounds, text: "Länsstyrelsen yttrar sig." };
      const ok = await officer.put(`/api/v1/statements/${s.id}`, edit);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().text).toBe("Länsstyrelsen yttrar sig.");
      expect((await officer.put(`/api/v1/statements/${s.id}`, edit)).statusCode).toBe(409);
    });
  });

  describe("[R3.2-3] the chance to correct", () => {
    it("[R3.2-3] open until answered by the municipality or lapsed after its last day; watched until then", async () => {
      const code = "0188";
      const coordinator = await t.as({ role: "municipality", municipality: code, name: "Kim Berg" });
      const leadership = await t.as({ role: "municipality", municipality: code, readOnly: true });
      const open = await opportunity(code, { offeredOn: "2026-11-20", lapsesOn: "2026-12-10" });
      expect(open).toMatchObject({ state: "open", answer: null, createdBy: { name: "Sara Nyström" } });
      const watched = await correctionChanceSource(t.database.db, { today: "2026-11-27", municipalities: [code] });
      expect(watched).toEqual([
        expect.objectContaining({
          key: `correctionChance:${open.id}`,
          due: "2026-12-10",
          awaitedFromMunicipality: true,
        }),
      ]);
      expect(
        (await leadership.post(`/api/v1/correction-opportunities/${open.id}/answer`, { text: "Svar." })).statusCode,
      ).toBe(403);
      const res = await coordinator.post(`/api/v1/correction-opportunities/${open.id}/answer`, {
        text: "Kostnaderna är återförda.",
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        state: "answered",
        answer: { text: "Kostnaderna är återförda.", answeredOn: "2026-11-27", by: { name: "Kim Berg" } },
      });
      expect(
        (await coordinator.post(`/api/v1/correction-opportunities/${open.id}/answer`, { text: "Igen." })).statusCode,
      ).toBe(409);
      expect(await correctionChanceSource(t.database.db, { today: "2026-11-27", municipalities: [code] })).toEqual([]);
      const lapsed = await opportunity(code, { offeredOn: "2026-10-01", lapsesOn: "2026-10-31" });
      expect(lapsed.state).toBe("lapsed");
      const list = (await coordinator.get(`/api/v1/municipalities/${code}/correction-opportunities`)).json();
      expect(list.items.map((o: { state: string }) => o.state).sort()).toEqual(["answered", "lapsed"]);
      const bad = await officer.post(`/api/v1/municipalities/${code}/correction-opportunities`, {
        description: "Felaktig period.",
        offeredOn: "2026-11-20",
        lapsesOn: "2026-11-01",
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/Sista dag/);
      // A lapsed chance meets the precondition.
      const s = await draft({ municipality: code, grounds: ["wrongfulUse"], correctionOpportunities: [lapsed.id] });
      expect(s.preconditions.find((p: { key: string }) => p.key === "chanceToCorrect")).toMatchObject({
        applies: true,
        met: true,
      });
    });
  });

  describe("[R3.1-1] approval and sending", () => {
    it("[R3.1-1] the drafter cannot approve, not even a county head; an officer cannot; another county head can", async () => {
      const s = await (async () => {
        const res = await head.post("/api/v1/statements", {
          municipality: "0191",
          grounds: [{ ground: "other", text: "Kommunen har inte lämnat någon årsuppföljning." }],
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json();
      })();
      expect(s.can).toEqual({ edit: true, approve: false, send: false });
      const own = await head.post(`/api/v1/statements/${s.id}/approve`, {});
      expect(own.statusCode).toBe(403);
      expect(own.json().error.message).toMatch(/Den som har upprättat yttrandet kan inte godkänna det/);
      expect((await officer.post(`/api/v1/statements/${s.id}/approve`, {})).statusCode).toBe(403);
      const waiting = await statementApprovalSource(t.database.db, { today: "2026-11-27", counties: ["01"] });
      expect(waiting.find((w) => w.key === `statement.approve:${s.id}`)).toMatchObject({
        kind: "statementApproval",
        responsibleUserId: secondHead.user.id,
        link: `/yttranden/${s.id}`,
      });
      const ok = await secondHead.post(`/api/v1/statements/${s.id}/approve`, { version: s.version });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        status: "approved",
        approvedBy: { id: secondHead.user.id },
        approvedOn: "2026-11-27",
      });
      expect((await secondHead.post(`/api/v1/statements/${s.id}/approve`, {})).statusCode).toBe(409);
      const edit = await officer.put(`/api/v1/statements/${s.id}`, {
        version: ok.json().version,
        grounds: [{ ground: "other", text: "Ändrad grund." }],
      });
      expect(edit.statusCode).toBe(409);
      const after = await statementApprovalSource(t.database.db, { today: "2026-11-27", counties: ["01"] });
      expect(after.find((w) => w.key === `statement.send:${s.id}`)?.responsibleUserId).toBe(secondHead.user.id);
      // The drafter may not send either.
      expect(
        (
          await head.post(`/api/v1/statements/${s.id}/send`, {
            registrationNumber: "LST 2026-9",
            override: { reason: "Brådskande ärende som måste skickas nu." },
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  describe("[R3.3-3] a municipality-initiated statement", () => {
    it("[R3.3-3] the coordinator's savings notice reaches the county and is raised as a statement without deficiency checks", async () => {
      const code = "0192";
      const coordinator = await t.as({ role: "municipality", municipality: code });
      const created = await coordinator.post(`/api/v1/municipalities/${code}/savings-notices`, {
        text: "Kommunen har sparade medel som inte kan användas under perioden.",
        amount: 1_500_000,
      });
      expect(created.statusCode, created.body).toBe(201);
      const notice = created.json();
      expect(notice).toMatchObject({ amount: 1_500_000, createdOn: "2026-11-27", statement: null });
      expect((await agency.get(`/api/v1/municipalities/${code}/savings-notices`)).statusCode).toBe(403);
      const listed = (await officer.get(`/api/v1/municipalities/${code}/savings-notices`)).json();
      expect(listed.items.map((n: { id: string }) => n.id)).toEqual([notice.id]);
      expect(await savingsNoticeSource(t.database.db, { today: "2026-11-27", municipalities: [code] })).toEqual([
        expect.objectContaining({
          key: `savingsNotice:${notice.id}`,
          kind: "savingsNotice",
          link: "/lan/01/yttranden",
        }),
      ]);
      // The county's page lists its municipalities' notices in one request; no other county or municipality sees them.
      const county = (await officer.get("/api/v1/counties/01/savings-notices")).json();
      expect(county.items.map((n: { id: string }) => n.id)).toContain(notice.id);
      expect(
        (await (await t.as({ role: "county", county: "14" })).get("/api/v1/counties/01/savings-notices")).statusCode,
      ).toBe(404);
      const other = await t.as({ role: "municipality", municipality: "0180" });
      expect((await other.get("/api/v1/counties/01/savings-notices")).json().items).toEqual([]);
      expect(
        (await coordinator.get("/api/v1/counties/01/savings-notices")).json().items.map((n: { id: string }) => n.id),
      ).toEqual([notice.id]);
      const options = (await officer.get(`/api/v1/municipalities/${code}/statement-options`)).json();
      expect(options.savingsNotices.map((n: { id: string }) => n.id)).toEqual([notice.id]);

      const s = await approved({
        municipality: code,
        savingsNotice: notice.id,
        text: "Kommunen har själv begärt prövning.",
      });
      expect(s.initiatedBy).toBe("municipality");
      expect(s.savingsNotice).toMatchObject({ id: notice.id });
      expect(s.missing).toEqual([]);
      expect(s.preconditions.every((p: { applies: boolean }) => !p.applies)).toBe(true);
      const sent = await head.post(`/api/v1/statements/${s.id}/send`, { registrationNumber: "LST 2026-2000" });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(await savingsNoticeSource(t.database.db, { today: "2026-11-27", municipalities: [code] })).toEqual([]);
      const again = await officer.post("/api/v1/statements", { municipality: code, savingsNotice: notice.id });
      expect(again.statusCode).toBe(409);
      const seen = (await coordinator.get(`/api/v1/municipalities/${code}/savings-notices`)).json();
      expect(seen.items[0].statement).toEqual({ id: s.id, status: "sent" });
      const read = await coordinator.get(`/api/v1/statements/${s.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().initiatedBy).toBe("municipality");
    });
  });

  describe("scope", () => {
    it("[R3.1-1] a county sees its own statements, the agency and the municipality only sent ones (never drafts)", async () => {
      const code = "0139";
      const coordinator = await t.as({ role: "municipality", municipality: code });
      const neighbour = await t.as({ role: "municipality", municipality: "0140" });
      const d = await draft({
        municipality: code,
        grounds: [{ ground: "other", text: "Kommunen saknar krisledningsplan." }],
      });
      for (const client of [agency, coordinator, neighbour, otherCounty])
        expect((await client.get(`/api/v1/statements/${d.id}`)).statusCode).toBe(404);
      expect((await coordinator.get(`/api/v1/statements/${d.id}/statement.pdf`)).statusCode).toBe(404);
      expect((await officer.get(`/api/v1/statements/${d.id}`)).statusCode).toBe(200);
      const draftPdf = await officer.get(`/api/v1/statements/${d.id}/statement.pdf`);
      expect(draftPdf.statusCode).toBe(200);
      expect(await pdfText(draftPdf.rawPayload)).toContain("Utkast");

      const s = await approved({
        municipality: code,
        grounds: [{ ground: "other", text: "Kommunen saknar krisledningsplan." }],
      });
      for (const client of [agency, coordinator])
        expect((await client.get(`/api/v1/statements/${s.id}`)).statusCode).toBe(404);
      const sent = await head.post(`/api/v1/statements/${s.id}/send`, {
        registrationNumber: "LST 2026-3000",
        override: { reason: "Kommunen har inte svarat på något av länsstyrelsens brev." },
      });
      expect(sent.statusCode, sent.body).toBe(200);
      // The municipality is told that a statement was sent (a link, not the document).
      const told = mails().filter((m) => m.to.includes(coordinator.user.email));
      expect(told).toHaveLength(1);
      expect(told[0]!.subject).toContain("Yttrande till MCF om Upplands-Bro");
      expect(told[0]!.raw).toContain(`/yttranden/${s.id}`);
      for (const client of [agency, coordinator]) {
        const res = await client.get(`/api/v1/statements/${s.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().can).toEqual({ edit: false, approve: false, send: false });
      }
      expect((await neighbour.get(`/api/v1/statements/${s.id}`)).statusCode).toBe(404);
      expect((await otherCounty.get(`/api/v1/statements/${s.id}`)).statusCode).toBe(404);

      const ids = async (client: Client, query = "") =>
        (await client.get(`/api/v1/statements${query}`)).json().items as { id: string; status: string }[];
      const ofAgency = await ids(agency);
      expect(ofAgency.map((i) => i.id)).toContain(s.id);
      expect(ofAgency.map((i) => i.id)).not.toContain(d.id);
      expect(ofAgency.every((i) => i.status === "sent")).toBe(true);
      expect((await ids(coordinator)).map((i) => i.id)).toEqual([s.id]);
      expect((await ids(neighbour)).map((i) => i.id)).toEqual([]);
      expect(await ids(agency, "?status=draft")).toEqual([]);
      const ofCounty = (await ids(officer, `?municipality=${code}`)).map((i) => i.id);
      expect(ofCounty).toEqual(expect.arrayContaining([s.id, d.id]));
      expect(await ids(otherCounty)).toEqual([]);
      expect(await ids(otherCounty, "?county=01")).toEqual([]);
    });

    it("[R3.1-1] the secret appendix is read only with a clearance for the municipality, and the read is logged", async () => {
      const code = "0160";
      const s = await draft({
        municipality: code,
        grounds: [{ ground: "other", text: "Brister i reservkraften." }],
        secretParts: [{ text: "Reservkraften vid vattenverket saknas.", confidentialBasis: "18 kap. 13 § OSL" }],
      });
      expect(s.hasSecretAppendix).toBe(true);
      expect(s.secretParts[0]).toMatchObject({
        text: null,
        confidential: { basis: "18 kap. 13 § OSL", canRead: false },
      });
      expect((await officer.get(`/api/v1/statements/${s.id}/secret-appendix.pdf`)).statusCode).toBe(403);
      const cleared = await t.as({ role: "county", county: "01" });
      await buildClearance(t, { userId: cleared.user.id, county: "01", municipality: code });
      const appendix = await cleared.get(`/api/v1/statements/${s.id}/secret-appendix.pdf`);
      expect(appendix.statusCode).toBe(200);
      expect(await pdfText(appendix.rawPayload)).toContain("Reservkraften vid vattenverket saknas.");
      const main = await cleared.get(`/api/v1/statements/${s.id}/statement.pdf`);
      expect(await pdfText(main.rawPayload)).not.toContain("Reservkraften vid vattenverket saknas.");
      const reads = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "confidential.read"), eq(auditEvents.entityId, s.id)));
      expect(reads.length).toBeGreaterThan(0);
    });
  });
});
