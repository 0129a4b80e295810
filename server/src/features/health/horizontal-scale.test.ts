import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stockholmDate, addDays } from "@uppsikt/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openPostgres } from "../../db/client.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { outboxDir } from "../../platform/mail/outbox.js";
import { pdfWith } from "../../../test/documents.js";
import { buildUser, setResponsibleOfficer } from "../../../test/factories.js";
import { withDatabase } from "../../../test/setup-postgres.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const PASSWORD = "flera-servrar-en-databas";

/** A client that keeps its cookies and echoes the CSRF cookie, as the browser does. */
function browser(base: string) {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, value] = pair!.split("=");
      cookies.set(name!, value!);
    }
    return res;
  };
  const headers = () => ({
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    "x-csrf-token": cookies.get("csrf_token") ?? "",
  });
  return {
    cookies,
    on: (other: string) => ({ get: (p: string) => fetch(other + p, { headers: headers() }).then(keep) }),
    get: (p: string) => fetch(base + p, { headers: headers() }).then(keep),
    async post(p: string, body: unknown) {
      if (!cookies.has("csrf_token")) await this.get("/api/health");
      const init = { method: "POST", headers: { ...headers(), "content-type": "application/json" } };
      return fetch(base + p, { ...init, body: JSON.stringify(body) }).then(keep);
    },
    async postForm(p: string, form: FormData) {
      if (!cookies.has("csrf_token")) await this.get("/api/health");
      return fetch(base + p, { method: "POST", headers: headers(), body: form }).then(keep);
    },
  };
}

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("timed out");
}

/**
 * Sessions, files and reminder claims live in the database, so several server processes can share one PostgreSQL
 * database behind a reverse proxy (README, Deployment).
 */
describe.runIf(inject("dbKind") === "postgresql")("two server processes on one PostgreSQL database", () => {
  const servers: { process: ChildProcess; url: string; dataDir: string }[] = [];
  let database: Database;
  let dbName: string;
  let databaseUrl: string;
  let officerEmail: string;
  let coordinatorEmail: string;

  async function start(port: number, url: string) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "uppsikt-scale-"));
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        REMINDER_INTERVAL_MINUTES: "0.05",
        LOGIN_THROTTLE_PAIR_FAILURES: "1000",
        LOGIN_THROTTLE_ACCOUNT_FAILURES: "100000",
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "10000",
      },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    servers.push({ process: child, url: base, dataDir });
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000);
    return base;
  }

  beforeAll(async () => {
    const template = inject("dbTemplate");
    dbName = `uppsikt_scale_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: inject("dbAdmin") });
    await admin.connect();
    await admin.query(`create database ${dbName} template ${new URL(template).pathname.slice(1)}`);
    await admin.end();
    const url = withDatabase(template, dbName);
    databaseUrl = url;
    database = await openPostgres(url, 2);
    const passwordHash = await hashPassword(PASSWORD);
    const officer = await buildUser(database.db, { role: "county", county: "01", passwordHash });
    const coordinator = await buildUser(database.db, { role: "municipality", municipality: "0180", passwordHash });
    await setResponsibleOfficer(database.db, "0180", officer.id);
    officerEmail = officer.email;
    coordinatorEmail = coordinator.email;
    // One after the other: the second finds the migrations applied.
    await start(3291, url);
    await start(3292, url);
  }, 150_000);

  afterAll(async () => {
    for (const s of servers) s.process.kill("SIGTERM");
    await Promise.all(
      servers.map((s) => new Promise((r) => (s.process.exitCode !== null ? r(null) : s.process.once("exit", r)))),
    );
    for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
    await database?.close();
    const admin = new pg.Client({ connectionString: inject("dbAdmin") });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it("a login on one process works on the other", async () => {
    const [a, b] = servers;
    const officer = browser(a!.url);
    const login = await officer.post("/api/v1/auth/login", { email: officerEmail, password: PASSWORD });
    expect(login.status).toBe(200);
    const me = await officer.on(b!.url).get("/api/v1/auth/me");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(officerEmail);
  });

  it("a logout on one process ends the session on the other within the session cache's 5 s", async () => {
    const [a, b] = servers;
    const officer = browser(a!.url);
    await officer.post("/api/v1/auth/login", { email: officerEmail, password: PASSWORD });
    expect((await officer.on(b!.url).get("/api/v1/auth/me")).status).toBe(200);
    expect((await officer.post("/api/v1/auth/logout", {})).status).toBe(200);
    expect((await officer.get("/api/v1/auth/me")).status).toBe(401);
    const loggedOut = performance.now();
    await waitFor(async () => (await officer.on(b!.url).get("/api/v1/auth/me")).status === 401, 10_000);
    expect(performance.now() - loggedOut).toBeLessThan(5_500);
  });

  it("a file uploaded through one process downloads from the other", async () => {
    const [a, b] = servers;
    const coordinator = browser(b!.url);
    expect((await coordinator.post("/api/v1/auth/login", { email: coordinatorEmail, password: PASSWORD })).status).toBe(
      200,
    );
    const pdf = await pdfWith([{ heading: "Styrdokument", body: "Stockholms styrdokument för krisberedskap." }]);
    const form = new FormData();
    form.set("type", "steeringDocument");
    form.set("period", "2023");
    form.set("decidedBy", "council");
    form.set("decidedOn", "2023-06-12");
    form.set("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "Styrdokument.pdf");
    const upload = await coordinator.postForm("/api/v1/municipalities/0180/documents", form);
    expect(upload.status, await upload.clone().text()).toBe(201);

    const officer = browser(a!.url);
    await officer.post("/api/v1/auth/login", { email: officerEmail, password: PASSWORD });
    type Listed = { items: { type: string; versions: { files: { id: string }[] }[] }[] };
    const list = (await (await officer.get("/api/v1/municipalities/0180/documents?period=2023")).json()) as Listed;
    const file = list.items.find((i) => i.type === "steeringDocument")!.versions[0]!.files[0]!;
    const download = await officer.get(`/api/v1/document-files/${file.id}/content`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("the reminder job runs on both, and each reminder is sent once", async () => {
    const [a] = servers;
    const officer = browser(a!.url);
    await officer.post("/api/v1/auth/login", { email: officerEmail, password: PASSWORD });
    // Due in five days: the 7-day reminder is due now, for the officer and the coordinator.
    const replyBy = addDays(stockholmDate(new Date()), 5);
    const created = await officer.post("/api/v1/municipalities/0180/document-requests", {
      subject: "Verifikationer för ersättningen",
      message: "Skicka verifikationerna för 2025.",
      replyBy,
    });
    expect(created.status).toBe(201);
    const mails = () =>
      servers.flatMap((s) => {
        try {
          return readdirSync(outboxDir(s.dataDir)).filter((f) => f.endsWith(".eml"));
        } catch {
          return [];
        }
      });
    // Two reminders, and the mail about the new request to the coordinator (issue 10.11), delivered by either process.
    await waitFor(async () => mails().length >= 3, 30_000);
    // Both jobs run every three seconds: give them several more runs to send a reminder twice.
    await new Promise((r) => setTimeout(r, 10_000));
    expect(mails()).toHaveLength(3);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const claims = await client.query("select count(*)::int as n from reminder_claims where sent_at is not null");
    const events = await client.query("select count(*)::int as n from event_mails where status = 'sent'");
    await client.end();
    expect(claims.rows[0]).toEqual({ n: 2 });
    expect(events.rows[0]).toEqual({ n: 1 });
  }, 60_000);
});
