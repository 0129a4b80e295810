import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { type TestContext, createTestContext } from "../../../test/app.js";
import { buildClearance, buildUser, insertDocumentVersion, setResponsibleOfficer } from "../../../test/factories.js";
import { type Part, multipart } from "../../../test/multipart.js";
import { auditEvents, eventMails } from "../../db/schema/index.js";
import { type MailMessage, type Mailer, createMailer } from "../../platform/mail/mailer.js";
import { deliverEventMails } from "./service.js";

type Client = Awaited<ReturnType<TestContext["as"]>>;

/** A mailer that keeps what it is given; optionally slow, to let two runs overlap. */
function recordingMailer(delayMs = 0): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    kind: "outbox",
    sent,
    async send(m) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      sent.push(m);
      return { messageId: `<${sent.length}@test>` };
    },
    close() {},
  };
}

describe("[issue 10.11] event mails", () => {
  let t: TestContext;
  let officer: Client;
  let coordinatorA: Client;
  let coordinatorB: Client;
  let responsible: Awaited<ReturnType<typeof buildUser>>;
  const mailsOf = (entityId: string) =>
    t.database.db.select().from(eventMails).where(eq(eventMails.entityId, entityId)).orderBy(eventMails.toAddress);
  const deliver = (mailer: Mailer) => deliverEventMails(t, () => t.clock.now(), { mailer });

  beforeAll(async () => {
    t = await createTestContext({ APP_URL: "https://uppsikt.lst.example" });
    officer = await t.as({ role: "county", county: "01", name: "Sara Nyström" });
    responsible = await buildUser(t.database.db, {
      role: "county",
      county: "01",
      name: "Johan Bergström",
      email: "johan@lst.example",
    });
    await setResponsibleOfficer(t.database.db, "0114", responsible.id);
    coordinatorA = await t.as({
      role: "municipality",
      municipality: "0114",
      name: "Anna A",
      email: "a@kommun.example",
    });
    coordinatorB = await t.as({ role: "municipality", municipality: "0114", name: "Bo B", email: "b@kommun.example" });
    // Neither leadership, an inactive coordinator nor another municipality's coordinator is mailed.
    await buildUser(t.database.db, { role: "municipality", municipality: "0114", readOnly: true });
    await buildUser(t.database.db, { role: "municipality", municipality: "0114", active: false });
    await buildUser(t.database.db, { role: "municipality", municipality: "0115" });
  });
  afterAll(() => t.close());

  async function newRequest(code: string, extra: Record<string, unknown> = {}) {
    const res = await officer.post(`/api/v1/municipalities/${code}/document-requests`, {
      subject: "Kostnadsredovisning 2025",
      message: "Skicka en specificerad kostnadsredovisning.",
      replyBy: "2026-12-11",
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it("[issue 10.11] a new request mails each active coordinator of the municipality once, in Swedish with a link", async () => {
    const id = await newRequest("0114");
    const rows = await mailsOf(id);
    expect(rows.map((r) => [r.kind, r.toAddress, r.status])).toEqual([
      ["eventNewRequest", "a@kommun.example", "pending"],
      ["eventNewRequest", "b@kommun.example", "pending"],
    ]);
    const mailer = recordingMailer();
    expect(await deliver(mailer)).toEqual({ sent: 2, failed: 0 });
    expect(mailer.sent).toHaveLength(2);
    const [first] = mailer.sent;
    expect(first!.to).toEqual({ name: "Anna A", address: "a@kommun.example" });
    expect(first!.subject).toBe("Ny begäran om underlag till Upplands Väsby – svara senast 2026-12-11");
    expect(first!.text).toContain("Hej Anna A!");
    expect(first!.text).toContain("Ämne: Kostnadsredovisning 2025");
    expect(first!.text).toContain("https://uppsikt.lst.example/kommun/0114");
    expect(first!.text).not.toContain("{appUrl}");
    expect(first!.attachments).toBeUndefined();
    expect((await mailsOf(id)).every((r) => r.status === "sent" && r.sentAt !== null)).toBe(true);
    // A second run finds nothing left to send.
    expect(await deliver(mailer)).toEqual({ sent: 0, failed: 0 });
  });

  it("[issue 10.11] a confidential request's mail names no subject", async () => {
    const id = await newRequest("0114", { subject: "Skyddsobjekt X", confidentialBasis: "18 kap. 13 § OSL" });
    const rows = await mailsOf(id);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.subject).not.toContain("Skyddsobjekt");
      expect(r.body).not.toContain("Skyddsobjekt");
      expect(r.body).toContain("sekretessbelagd");
    }
    await deliver(recordingMailer());
  });

  it("[issue 10.11] an answer mails the responsible officer, or the officer who asked when none is assigned", async () => {
    const id = await newRequest("0114");
    await deliver(recordingMailer());
    const body = multipart([{ name: "message", value: "Här kommer redovisningen." } satisfies Part]);
    const res = await coordinatorA.request({
      method: "POST",
      url: `/api/v1/document-requests/${id}/answers`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode, res.body).toBe(201);
    const answered = (await mailsOf(id)).filter((r) => r.kind === "eventRequestAnswered");
    expect(answered.map((r) => [r.toAddress, r.subject])).toEqual([
      ["johan@lst.example", "Upplands Väsby har svarat på en begäran om underlag"],
    ]);
    expect(answered[0]!.body).toContain("Anna A i Upplands Väsby (0114) har svarat");
    expect(answered[0]!.body).not.toContain("Här kommer redovisningen");

    // 0115 has no responsible officer: the officer who asked is told.
    const other = await t.as({ role: "municipality", municipality: "0115", name: "Cecilia C" });
    const id2 = await newRequest("0115");
    const body2 = multipart([{ name: "message", value: "Svar." } satisfies Part]);
    const res2 = await other.request({
      method: "POST",
      url: `/api/v1/document-requests/${id2}/answers`,
      payload: body2.payload,
      headers: body2.headers,
    });
    expect(res2.statusCode, res2.body).toBe(201);
    const answered2 = (await mailsOf(id2)).filter((r) => r.kind === "eventRequestAnswered");
    expect(answered2.map((r) => r.recipientId)).toEqual([officer.user.id]);
    await deliver(recordingMailer());
  });

  it("[issue 10.11] a user who turns a kind off gets no mail of it; the kinds are offered among the reminder choices", async () => {
    const prefs = (await coordinatorB.get("/api/v1/me/reminder-preferences")).json();
    const kinds = prefs.kinds.map((k: { kind: string }) => k.kind);
    expect(kinds).toEqual(expect.arrayContaining(["eventNewRequest", "eventFeedbackSent"]));
    expect(kinds).not.toContain("eventRequestAnswered");
    expect(
      (await officer.get("/api/v1/me/reminder-preferences")).json().kinds.map((k: { kind: string }) => k.kind),
    ).toContain("eventRequestAnswered");
    // A kind not offered to the role is refused.
    const refused = await coordinatorB.put("/api/v1/me/reminder-preferences", {
      kinds: [{ kind: "eventRequestAnswered", enabled: false }],
    });
    expect(refused.statusCode).toBe(400);

    const saved = await coordinatorB.put("/api/v1/me/reminder-preferences", {
      kinds: [{ kind: "eventNewRequest", enabled: false }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().kinds.find((k: { kind: string }) => k.kind === "eventNewRequest").enabled).toBe(false);
    const id = await newRequest("0114");
    expect((await mailsOf(id)).map((r) => r.toAddress)).toEqual(["a@kommun.example"]);
    await coordinatorB.put("/api/v1/me/reminder-preferences", { kinds: [{ kind: "eventNewRequest", enabled: true }] });
    await deliver(recordingMailer());
  });

  async function draftFeedback(code: string, extra: Record<string, unknown> = {}, author: Client = officer) {
    const { versionId } = await insertDocumentVersion(t, {
      municipality: code,
      type: "rsa",
      receivedOn: "2026-10-01",
      createdBy: author.user.id,
      withFile: true,
    });
    const res = await author.post(`/api/v1/document-versions/${versionId}/feedback`, {
      body: "Länsstyrelsen har tagit del av kommunens RSA-rapport.",
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it("[issue 10.11] feedback sent by e-mail goes to each coordinator with the letter as PDF, through the outbox", async () => {
    const id = await draftFeedback("0114");
    const res = await officer.post(`/api/v1/feedback/${id}/sent`, { sentOn: "2026-11-27", channel: "email" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "sent", sentOn: "2026-11-27" });
    const rows = await mailsOf(id);
    expect(rows.map((r) => [r.kind, r.toAddress])).toEqual([
      ["eventFeedbackSent", "a@kommun.example"],
      ["eventFeedbackSent", "b@kommun.example"],
    ]);
    expect(rows[0]!.attachmentId).not.toBeNull();
    expect(rows[1]!.attachmentId).toBe(rows[0]!.attachmentId); // stored once for the event
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "feedback.send"), eq(auditEvents.entityId, id)));
    expect(audit!.after).toMatchObject({ channel: "email", mailedTo: 2, letterAttached: true });

    // The real mailer (no SMTP: .eml files in DATA_DIR/outbox) carries the PDF.
    const dir = await mkdtemp(path.join(tmpdir(), "uppsikt-event-mails-"));
    try {
      const mailer = createMailer({ ...t.config, SMTP_HOST: undefined, DATA_DIR: dir });
      expect(await deliver(mailer)).toEqual({ sent: 2, failed: 0 });
      const files = await readdir(path.join(dir, "outbox"));
      expect(files).toHaveLength(2);
      const raw = await readFile(path.join(dir, "outbox", files[0]!), "utf8");
      expect(raw).toContain("Content-Type: application/pdf");
      expect(raw).toMatch(/Content-Disposition: attachment;\s+filename/);
      expect(raw).toMatch(/RSA.*Upplands.*2026-11-27\.pdf/s); // the letter's own file name (RFC 2231-encoded)
      expect(raw).toContain("Brevet finns bifogat som PDF.");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("[issue 10.11] a letter with a confidential part is never attached: the mail only links to Uppsikt", async () => {
    const cleared = await t.as({ role: "county", county: "01", name: "Anna Behörig" });
    await buildClearance(t, { userId: cleared.user.id, county: "01", municipality: "0114" });
    const id = await draftFeedback(
      "0114",
      { body: "Brister i skyddet av ledningsplatsen.", confidentialBasis: "18 kap. 13 § OSL" },
      cleared,
    );
    const res = await cleared.post(`/api/v1/feedback/${id}/sent`, { sentOn: "2026-11-27", channel: "email" });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await mailsOf(id);
    expect(rows).toHaveLength(2);
    const mailer = recordingMailer();
    await deliver(mailer);
    expect(mailer.sent).toHaveLength(2);
    for (const m of mailer.sent) {
      expect(m.attachments).toBeUndefined();
      expect(m.text).not.toContain("ledningsplatsen");
      expect(m.text).toContain("sekretessbelagda uppgifter");
      expect(m.text).toContain("https://uppsikt.lst.example/kommun/0114");
    }
  });

  it("[issue 10.11] sent another way (or as before, without a channel) mails no one; e-mail with no coordinator is a 409", async () => {
    const other = await draftFeedback("0114");
    expect(
      (await officer.post(`/api/v1/feedback/${other}/sent`, { sentOn: "2026-11-27", channel: "other" })).statusCode,
    ).toBe(200);
    const old = await draftFeedback("0114");
    expect((await officer.post(`/api/v1/feedback/${old}/sent`, { sentOn: "2026-11-27" })).statusCode).toBe(200);
    expect(await mailsOf(other)).toEqual([]);
    expect(await mailsOf(old)).toEqual([]);

    // 0117 has no coordinator: refused, and the feedback stays a draft.
    const none = await draftFeedback("0117");
    const refused = await officer.post(`/api/v1/feedback/${none}/sent`, { sentOn: "2026-11-27", channel: "email" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("ingen beredskapssamordnare");
    expect((await officer.get(`/api/v1/feedback/${none}`)).json().status).toBe("draft");

    const bad = await officer.post(`/api/v1/feedback/${none}/sent`, { sentOn: "2026-11-27", channel: "fax" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Välj hur brevet skickades/);
  });

  it("[issue 10.11] two delivery runs at once send each mail once", async () => {
    const ids = [await newRequest("0114"), await newRequest("0114"), await newRequest("0114")];
    const one = recordingMailer(5);
    const two = recordingMailer(5);
    const [r1, r2] = await Promise.all([deliver(one), deliver(two)]);
    expect(r1.sent + r2.sent).toBe(6);
    const sent = [...one.sent, ...two.sent].map((m) => `${m.to.address}|${m.subject}`);
    expect(sent).toHaveLength(6);
    const rows = (await Promise.all(ids.map(mailsOf))).flat();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("[issue 10.11] a failed send is tried again later and does not block the others", async () => {
    const id = await newRequest("0114");
    let calls = 0;
    const flaky: Mailer = {
      kind: "outbox",
      async send() {
        calls++;
        if (calls === 1) throw new Error("SMTP nere");
        return { messageId: "x" };
      },
      close() {},
    };
    expect(await deliver(flaky)).toEqual({ sent: 1, failed: 1 });
    const failed = (await mailsOf(id)).find((r) => r.status === "pending")!;
    expect(failed.error).toBe("SMTP nere");
    expect(await deliver(flaky)).toEqual({ sent: 0, failed: 0 }); // not before its retry time
    t.clock.advance(2 * 60_000);
    expect(await deliver(flaky)).toEqual({ sent: 1, failed: 0 });
    expect((await mailsOf(id)).every((r) => r.status === "sent")).toBe(true);
  });
});
