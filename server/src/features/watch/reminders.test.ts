import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type TestContext, clientFor, createTestContext } from "../../../test/app.js";
import { buildDocumentFollowUp, buildUser, sessionFor, setResponsibleOfficer } from "../../../test/factories.js";
import { withDatabase } from "../../../test/setup-postgres.js";
import { buildApp } from "../../app.js";
import { openPostgres } from "../../db/client.js";
import { reminderClaims } from "../../db/schema/index.js";
import type { MailMessage, Mailer } from "../../platform/mail/mailer.js";
import { parseHeaders } from "../../platform/mail/outbox.js";
import { type WatchRegistry, createWatchRegistry } from "../../platform/watch/registry.js";
import { registerDocumentWatch } from "../documents/watch-source.js";
import { planReminder, runReminders } from "./reminders.js";

type User = Awaited<ReturnType<typeof buildUser>>;

/** Keeps what would have been sent. */
function capturingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    kind: "outbox",
    sent,
    async send(m) {
      sent.push(m);
      return { messageId: `<${sent.length}@test>` };
    },
    close() {},
  };
}

/** The titles of the watched items a reminder mail is about (each block's first line). */
const titlesIn = (m: MailMessage) =>
  m.text.split("\n").flatMap((line, i, lines) => (lines[i + 1]?.startsWith("  Datum: ") ? [line] : []));

function documentsWatch(t: TestContext): WatchRegistry {
  const watch = createWatchRegistry();
  registerDocumentWatch(watch, t.config);
  return watch;
}

const agree = (t: TestContext, municipalityCode: string, typeId: string, agreedDate: string, by: string) =>
  buildDocumentFollowUp(t, {
    municipality: municipalityCode,
    type: typeId,
    reason: "Beslut väntar.",
    agreedDate,
    recordedBy: by,
    updatedAt: new Date(),
  });

describe("which reminder is due (pure)", () => {
  it("[R1-3] sends the latest passed threshold and skips the earlier ones", () => {
    expect(planReminder("2026-10-31", "2026-09-30", 14, true)).toEqual({ send: null, skip: [] });
    expect(planReminder("2026-10-31", "2026-10-01", 14, true)).toEqual({ send: "d30", skip: [] });
    expect(planReminder("2026-10-31", "2026-10-24", 14, true)).toEqual({ send: "d7", skip: ["d30"] });
    expect(planReminder("2026-10-31", "2026-10-30", 14, true)).toEqual({ send: "d1", skip: ["d30", "d7"] });
    expect(planReminder("2026-10-31", "2026-10-31", 14, true)).toEqual({ send: "d1", skip: ["d30", "d7"] });
    expect(planReminder("2026-10-31", "2026-11-01", 14, true)).toEqual({
      send: "overdue",
      skip: ["d30", "d7", "d1"],
    });
    // An overdue reminder is still news for REMINDER_CATCH_UP_DAYS after its day, then no more.
    expect(planReminder("2026-10-31", "2026-11-15", 14, true).send).toBe("overdue");
    expect(planReminder("2026-10-31", "2026-11-16", 14, true)).toEqual({
      send: null,
      skip: ["d30", "d7", "d1", "overdue"],
    });
    // Turned off: claimed as skipped, so turning it on again does not bring a backlog.
    expect(planReminder("2026-10-31", "2026-10-24", 14, false)).toEqual({ send: null, skip: ["d30", "d7"] });
  });
});

describe("[R1-3] reminders of watched dates by e-mail", () => {
  let t: TestContext;
  let anna: User;
  let sara: User;
  let nils: User;
  let leadership: User;
  let watch: WatchRegistry;
  const mailer = capturingMailer();

  const run = async (at: string, registry = watch, m: Mailer = mailer) => {
    const before = mailer.sent.length;
    const result = await runReminders({ database: t.database, config: t.config, watch: registry }, new Date(at), {
      mailer: m,
    });
    return { result, mails: mailer.sent.slice(before) };
  };
  const to = (mails: MailMessage[]) => mails.map((m) => m.to.address).sort();

  beforeAll(async () => {
    t = await createTestContext({ APP_URL: "https://uppsikt.lst.example/" });
    const db = t.database.db;
    anna = await buildUser(db, { role: "county", county: "06", name: "Anna Handläggare", email: "anna@lst.example" });
    sara = await buildUser(db, {
      role: "municipality",
      municipality: "0680",
      name: "Sara",
      email: "sara@jkpg.example",
    });
    nils = await buildUser(db, {
      role: "municipality",
      municipality: "0682",
      name: "Nils",
      email: "nils@nassjo.example",
    });
    leadership = await buildUser(db, { role: "municipality", municipality: "0680", readOnly: true });
    await buildUser(db, { role: "municipality", municipality: "0680", active: false });
    await setResponsibleOfficer(db, "0680", anna.id);
    await setResponsibleOfficer(db, "0682", anna.id);
    watch = documentsWatch(t);
  });
  afterAll(() => t.close());

  it("[R1-3] [R2.2-4] 30, 7 and 1 days before and on the first overdue day: each sent once, to the officer and the coordinators", async () => {
    await agree(t, "0680", "steeringDocument", "2026-10-31", anna.id);
    // Jönköping's other documents are overdue since 2023: too old to mail about, claimed as skipped on the first run.
    let r = await run("2026-09-30T07:00:00+02:00");
    expect(r.mails).toEqual([]);
    expect(r.result.skipped).toBeGreaterThan(0);

    r = await run("2026-10-01T07:00:00+02:00");
    expect(to(r.mails)).toEqual(["anna@lst.example", "sara@jkpg.example"]);
    const [toAnna] = r.mails.filter((m) => m.to.address === "anna@lst.example");
    expect(toAnna!.subject).toBe(
      "Påminnelse: Styrdokument för krisberedskap enligt överenskommet datum: Jönköping – om 30 dagar (2026-10-31)",
    );
    expect(toAnna!.text).toContain("Hej Anna Handläggare!");
    expect(toAnna!.text).toContain("  Kommun: Jönköping (0680)");
    expect(toAnna!.text).toContain("  Öppna i Uppsikt: https://uppsikt.lst.example/kommun/0680?period=2023");
    const toSara = r.mails.find((m) => m.to.address === "sara@jkpg.example")!;
    expect(toSara.text).toContain("beredskapssamordnare");
    // [issue 10.10] A coordinator is told whom the county awaits, and is never called the responsible officer.
    expect(toSara.text).not.toContain("Ansvarig handläggare");
    expect(toSara.text).toContain("  Länsstyrelsen inväntar: Jönköping (er kommun)");
    expect(toSara.text).toContain("  Handläggare på länsstyrelsen: Anna Handläggare");
    expect(toAnna!.text).toContain("  Ansvarig handläggare: Anna Handläggare");
    expect(leadership.email).not.toBe(""); // leadership (read-only) and inactive users get nothing

    expect((await run("2026-10-01T15:00:00+02:00")).mails).toEqual([]);
    expect((await run("2026-10-20T07:00:00+02:00")).mails).toEqual([]);

    r = await run("2026-10-24T07:00:00+02:00");
    expect(to(r.mails)).toEqual(["anna@lst.example", "sara@jkpg.example"]);
    expect(r.mails[0]!.subject).toContain("om 7 dagar");
    expect((await run("2026-10-25T07:00:00+02:00")).mails).toEqual([]);

    r = await run("2026-10-30T07:00:00+01:00");
    expect(r.mails.map((m) => m.subject)).toEqual([
      expect.stringContaining("i morgon"),
      expect.stringContaining("i morgon"),
    ]);
    expect((await run("2026-10-31T07:00:00+01:00")).mails).toEqual([]);

    r = await run("2026-11-01T07:00:00+01:00");
    expect(to(r.mails)).toEqual(["anna@lst.example", "sara@jkpg.example"]);
    expect(r.mails[0]!.subject).toContain("datumet 2026-10-31 har passerat");
    expect((await run("2026-11-02T07:00:00+01:00")).mails).toEqual([]);

    const claims = await t.database.db
      .select()
      .from(reminderClaims)
      .where(eq(reminderClaims.itemKey, "documents.yearTwo:0680:2023:steeringDocument"));
    expect(claims.map((c) => [c.threshold, c.recipientId === anna.id ? "anna" : "sara", c.outcome]).sort()).toEqual([
      ["d1", "anna", "sent"],
      ["d1", "sara", "sent"],
      ["d30", "anna", "sent"],
      ["d30", "sara", "sent"],
      ["d7", "anna", "sent"],
      ["d7", "sara", "sent"],
      ["overdue", "anna", "sent"],
      ["overdue", "sara", "sent"],
    ]);
    expect(claims.every((c) => c.sentAt !== null && c.due === "2026-10-31")).toBe(true);
  });

  it("[R1-3] not sent again after a restart: a new app on the same database", async () => {
    await agree(t, "0680", "crisisBoardRules", "2026-12-31", anna.id);
    const first = await run("2026-12-01T07:00:00+01:00");
    expect(to(first.mails)).toEqual(["anna@lst.example", "sara@jkpg.example"]);
    // The process stops and another starts: nothing in memory survives, the claims do.
    const restarted = createWatchRegistry();
    const app = await buildApp({
      database: t.database,
      config: t.config,
      clock: t.clock,
      version: "test",
      watch: restarted,
    });
    await app.ready();
    expect(restarted.kinds()).toEqual(
      expect.arrayContaining(["documentDeadline", "yearTwoAgreedDate", "feedbackOwed"]),
    );
    expect((await run("2026-12-01T07:10:00+01:00", restarted)).mails).toEqual([]);
    await app.close();
  });

  it("[R1-3] a reminder that fell due while the server was down is caught up: only the latest threshold", async () => {
    await agree(t, "0682", "steeringDocument", "2026-12-20", anna.id);
    // Down from 2026-12-02 until 2026-12-15: the 30-day (11-20) and 7-day (12-13) reminders both fell due.
    const r = await run("2026-12-15T09:00:00+01:00");
    const about = r.mails.filter((m) => m.text.includes("Nässjö"));
    expect(to(about)).toEqual(["anna@lst.example", "nils@nassjo.example"]);
    expect(about.every((m) => m.subject.includes("om 5 dagar (2026-12-20)"))).toBe(true);
    const claims = await t.database.db
      .select()
      .from(reminderClaims)
      .where(
        and(
          eq(reminderClaims.itemKey, "documents.yearTwo:0682:2023:steeringDocument"),
          eq(reminderClaims.recipientId, nils.id),
        ),
      );
    expect(claims.map((c) => [c.threshold, c.outcome]).sort()).toEqual([
      ["d30", "skipped"],
      ["d7", "sent"],
    ]);
    // An item already long overdue when first seen is not mailed at all.
    expect(mailer.sent.some((m) => m.text.includes("ska vara beslutad"))).toBe(false);
  });

  it("[R1-3] users turn reminders off per kind; the officer still gets theirs", async () => {
    const client = clientFor(t.app, await sessionFor(t.database.db, sara.id, t.clock.now()));
    let res = await client.get("/api/v1/me/reminder-preferences");
    expect(res.statusCode).toBe(200);
    expect(res.json().kinds).toEqual(
      expect.arrayContaining([
        { kind: "yearTwoAgreedDate", label: "Överenskommet datum för saknat dokument", enabled: true },
        { kind: "documentDeadline", label: "Sista dag för dokument", enabled: true },
      ]),
    );
    res = await client.put("/api/v1/me/reminder-preferences", {
      kinds: [{ kind: "yearTwoAgreedDate", enabled: false }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().kinds).toContainEqual({
      kind: "yearTwoAgreedDate",
      label: "Överenskommet datum för saknat dokument",
      enabled: false,
    });
    const unknown = await client.put("/api/v1/me/reminder-preferences", {
      kinds: [{ kind: "weather", enabled: false }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("weather");
    const readOnly = clientFor(t.app, await sessionFor(t.database.db, leadership.id, t.clock.now()));
    expect((await readOnly.get("/api/v1/me/reminder-preferences")).statusCode).toBe(403);

    await agree(t, "0680", "emergencyPlan", "2027-01-31", anna.id);
    const r = await run("2027-01-01T08:00:00+01:00");
    const about = r.mails.filter((m) => titlesIn(m).some((title) => title.includes("Plan för hantering")));
    expect(to(about)).toEqual(["anna@lst.example"]);
    // Turned on again: nothing is caught up for what was turned off, the next threshold comes as usual.
    await client.put("/api/v1/me/reminder-preferences", { kinds: [{ kind: "yearTwoAgreedDate", enabled: true }] });
    expect((await run("2027-01-02T08:00:00+01:00")).mails.filter((m) => m.to.address === "sara@jkpg.example")).toEqual(
      [],
    );
    const next = await run("2027-01-24T08:00:00+01:00");
    expect(to(next.mails.filter((m) => m.text.includes("Plan för hantering")))).toEqual([
      "anna@lst.example",
      "sara@jkpg.example",
    ]);
  });

  it.runIf(inject("dbKind") === "postgresql")(
    "[R1-3] two processes on one PostgreSQL: every reminder is sent exactly once",
    async () => {
      const db = t.database.db;
      // Ten municipalities (eight in Kronobergs län with an officer), each with a coordinator and two dates in 5 days.
      const codes = ["0760", "0761", "0763", "0764", "0765", "0767", "0780", "0781", "0821", "0834"];
      const officer = await buildUser(db, { role: "county", county: "07" });
      const expected: string[] = [];
      for (const code of codes) {
        const coordinator = await buildUser(db, { role: "municipality", municipality: code });
        if (code.startsWith("07")) await setResponsibleOfficer(db, code, officer.id);
        for (const type of ["rsa", "steeringDocument"]) {
          await agree(t, code, type, "2027-03-06", officer.id);
          if (code.startsWith("07")) expected.push(`${officer.id} ${type} ${code}`);
          expected.push(`${coordinator.id} ${type} ${code}`);
        }
      }
      const current = (await db.execute(sql`select current_database() as name`)) as unknown as {
        rows: { name: string }[];
      };
      const name = current.rows[0]!.name;
      const second = await openPostgres(withDatabase(inject("dbAdmin"), name), 4);
      try {
        const a = capturingMailer();
        const b = capturingMailer();
        const now = new Date("2027-03-01T08:00:00+01:00");
        const deps = (database: typeof t.database) => ({ database, config: t.config, watch: documentsWatch(t) });
        const [ra, rb] = await Promise.all([
          runReminders(deps(t.database), now, { mailer: a }),
          runReminders(deps(second), now, { mailer: b }),
        ]);
        const users = new Map((await db.query.users.findMany()).map((u) => [u.email, u.id]));
        const names = (await db.query.municipalities.findMany())
          .filter((m) => codes.includes(m.code))
          .map((m) => m.name);
        const sent = [...a.sent, ...b.sent].flatMap((m) =>
          titlesIn(m)
            .filter((title) => names.some((n) => title.endsWith(`: ${n}`)))
            .map((title) => `${users.get(m.to.address)} ${title}`),
        );
        expect(new Set(sent).size).toBe(sent.length); // nothing twice
        expect(sent.length).toBe(expected.length); // nothing missing
        expect(ra.sent + rb.sent).toBeGreaterThanOrEqual(expected.length);
        const claims = await db.select().from(reminderClaims).where(eq(reminderClaims.due, "2027-03-06"));
        expect(claims.filter((c) => c.threshold === "d7" && c.outcome === "sent")).toHaveLength(expected.length);
        expect(claims.filter((c) => c.threshold === "d30" && c.outcome === "skipped")).toHaveLength(expected.length);
      } finally {
        await second.close();
      }
    },
  );
});

describe("[R1-3] mail without an SMTP server: .eml files in DATA_DIR/outbox, listed for admins", () => {
  let t: TestContext;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "uppsikt-outbox-"));
    t = await createTestContext({ DATA_DIR: dataDir });
    const officer = await buildUser(t.database.db, {
      role: "county",
      county: "06",
      name: "Åsa Öberg",
      email: "asa@lst.example",
    });
    await setResponsibleOfficer(t.database.db, "0680", officer.id);
    await agree(t, "0680", "steeringDocument", "2026-12-31", officer.id);
    await agree(t, "0680", "rsa", "2026-12-30", officer.id);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("[R1-3] writes each message as an .eml file and lists them newest first for admins only", async () => {
    const deps = { database: t.database, config: t.config, watch: documentsWatch(t) };
    await runReminders(deps, new Date("2026-12-01T08:00:00+01:00"));
    await agree(t, "0680", "emergencyPlan", "2027-01-15", (await t.database.db.query.users.findFirst())!.id);
    await runReminders(deps, new Date("2026-12-16T08:00:00+01:00"));
    const files = readdirSync(path.join(dataDir, "outbox"));
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^\d{8}T\d{9}Z-[0-9a-f]{16}\.eml$/.test(f))).toBe(true);

    const admin = await t.as({ role: "admin" });
    const res = await admin.get("/api/v1/admin/outbox");
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as {
      items: { name: string; to: string; subject: string; date: string }[];
      total: number;
    };
    expect(total).toBe(2);
    expect(items.map((i) => i.date)).toEqual(["2026-12-16T07:00:00.000Z", "2026-12-01T07:00:00.000Z"]);
    expect(items[1]).toMatchObject({
      to: "Åsa Öberg <asa@lst.example>",
      subject: "Påminnelse från Uppsikt: 2 bevakade datum",
    });
    expect(items[0]!.subject).toBe(
      "Påminnelse: Plan för hantering av extraordinära händelser enligt överenskommet datum: Jönköping – om 30 dagar (2027-01-15)",
    );

    const eml = await admin.get(`/api/v1/admin/outbox/${items[0]!.name}`);
    expect(eml.statusCode).toBe(200);
    expect(eml.headers["content-type"]).toBe("message/rfc822");
    expect(eml.headers["content-disposition"]).toContain(items[0]!.name);
    expect(eml.body).toMatch(/\r\n\r\n/);
    const headers = parseHeaders(eml.body);
    expect(headers.get("from")).toBe("Uppsikt <no-reply@uppsikt.example>");
    expect(headers.get("auto-submitted")).toBe("auto-generated");

    // Only well-formed names are read: no way out of the folder.
    for (const bad of [
      "..%2F..%2Fetc%2Fpasswd.eml",
      "..%2Foutbox.eml",
      "x.eml",
      "20261201T070000000Z-zzzzzzzzzzzzzzzz.eml",
    ])
      expect((await admin.get(`/api/v1/admin/outbox/${bad}`)).statusCode).toBe(400);
    expect((await admin.get("/api/v1/admin/outbox/20261201T070000000Z-0000000000000000.eml")).statusCode).toBe(404);
    expect((await admin.get("/api/v1/admin/outbox?limit=1&offset=1")).json().items[0].name).toBe(items[1]!.name);
    const officer = await t.as({ role: "county", county: "06", countyHead: true });
    expect((await officer.get("/api/v1/admin/outbox")).statusCode).toBe(403);
    expect((await officer.get(`/api/v1/admin/outbox/${items[0]!.name}`)).statusCode).toBe(403);
  });
});

/** Quoted-printable body text (RFC 2045) as UTF-8. */
function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

describe("[R1-3] reminders delivered over SMTP", () => {
  let server: SMTPServer;
  let port = 0;
  const received: { from: string; to: string[]; raw: string; user: string | undefined }[] = [];
  let refuse = false;

  beforeAll(async () => {
    server = new SMTPServer({
      secure: false,
      hideSTARTTLS: true,
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "uppsikt" && auth.password === "hemligt-lösenord")
          callback(null, { user: auth.username });
        else callback(new Error("Felaktiga uppgifter"));
      },
      onRcptTo(_address, _session, callback) {
        callback(refuse ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 450 }) : null);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
            user: session.user as string | undefined,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("[R1-3] sends a Swedish reminder through the configured SMTP server; a refused one is retried next run", async () => {
    const t = await createTestContext({
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      SMTP_SECURE: "false",
      SMTP_USER: "uppsikt",
      SMTP_PASSWORD: "hemligt-lösenord",
      MAIL_FROM: "Länsstyrelsen <bevakning@lst.example>",
      APP_URL: "https://uppsikt.lst.example",
    });
    try {
      const coordinator = await buildUser(t.database.db, {
        role: "municipality",
        municipality: "0680",
        name: "Göran Ström",
        email: "goran@jonkoping.example",
      });
      await agree(t, "0680", "steeringDocument", "2026-12-08", coordinator.id);
      const deps = { database: t.database, config: t.config, watch: documentsWatch(t) };

      refuse = true;
      const failed = await runReminders(deps, new Date("2026-12-01T08:00:00+01:00"));
      expect(failed).toMatchObject({ mails: 0, failed: 1 });
      const [claim] = await t.database.db
        .select()
        .from(reminderClaims)
        .where(
          and(
            eq(reminderClaims.itemKey, "documents.yearTwo:0680:2023:steeringDocument"),
            eq(reminderClaims.recipientId, coordinator.id),
            eq(reminderClaims.threshold, "d7"),
          ),
        );
      expect(claim).toMatchObject({ outcome: "failed", sentAt: null });
      expect(claim!.error).toMatch(/Mailbox unavailable/);

      refuse = false;
      const sent = await runReminders(deps, new Date("2026-12-01T08:10:00+01:00"));
      expect(sent).toMatchObject({ mails: 1, failed: 0 });
      expect(received).toHaveLength(1);
      const message = received[0]!;
      expect(message.user).toBe("uppsikt");
      expect(message.from).toBe("bevakning@lst.example");
      expect(message.to).toEqual(["goran@jonkoping.example"]);
      const headers = parseHeaders(message.raw);
      expect(headers.get("to")).toBe("Göran Ström <goran@jonkoping.example>");
      expect(headers.get("subject")).toBe(
        "Påminnelse: Styrdokument för krisberedskap enligt överenskommet datum: Jönköping – om 7 dagar (2026-12-08)",
      );
      expect(headers.get("date")).toBe("Tue, 01 Dec 2026 07:10:00 +0000");
      const body = decodeQuotedPrintable(message.raw.slice(message.raw.indexOf("\r\n\r\n") + 4));
      expect(body).toContain("Hej Göran Ström!");
      expect(body).toContain("Det här är en påminnelse från Uppsikt om ett bevakat datum:");
      expect(body).toContain("Styrdokument för krisberedskap enligt överenskommet datum: Jönköping");
      expect(body).toContain("  Datum: 2026-12-08 (om 7 dagar)");
      expect(body).toContain("  Kommun: Jönköping (0680)");
      expect(body).toContain("https://uppsikt.lst.example/kommun/0680?period=2023");
      expect(body).toContain("länsstyrelsen inväntar detta från din kommun");

      expect((await runReminders(deps, new Date("2026-12-01T08:20:00+01:00"))).mails).toBe(0);
      expect(received).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
