import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openPglite, openPostgres } from "../db/client.js";
import { backupDatabase } from "../db/backup/backup.js";
import { tableChecksums } from "../db/backup/catalog.js";
import { currentLevel, databaseLevel, migrateTo } from "../db/backup/levels.js";
import { restoreDatabase } from "../db/backup/restore.js";
import { verifyAuditChain } from "../platform/audit/verify.js";
import { testClock } from "../../test/clock.js";
import { buildCountyOfficer, buildDialogueEntry, buildDocument, buildMunicipalityUser } from "../../test/factories.js";
import { docxWith, pdfWith } from "../../test/documents.js";
import { withDatabase } from "../../test/setup-postgres.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const run = (script: string, args: string[], env: Record<string, string> = {}) => {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", path.join("server/src/cli", script), ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
};

const readHeader = (file: string) => JSON.parse(gunzipSync(readFileSync(file)).toString("utf8").split("\n", 1)[0]!);

/** Rewrites an archive's header (the first line), keeping its body. */
function rewriteHeader(file: string, out: string, change: (h: Record<string, unknown>) => void) {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  const cut = text.indexOf("\n");
  const header = JSON.parse(text.slice(0, cut));
  change(header);
  writeFileSync(out, gzipSync(JSON.stringify(header) + text.slice(cut)));
}

// The tools open embedded folders; the PostgreSQL move is its own test below (when TEST_DATABASE_URL is set).
describe.skipIf(inject("dbKind") !== "pglite")("backup and restore (R9-12)", () => {
  const root = mkdtempSync(path.join(tmpdir(), "uppsikt-backup-"));
  const source = path.join(root, "source");
  const archive = path.join(root, "uppsikt.backup");
  let expected: Record<string, { rows: number; checksum: string }>;

  beforeAll(async () => {
    // A migrated folder with the national reference data, then a few features' rows: users, a submitted document
    // with its files (bytea), a dialogue entry, their audit events, and values that are easy to get wrong.
    cpSync(inject("dbTemplate"), path.join(source, "pglite"), { recursive: true });
    const database = await openPglite(path.join(source, "pglite"));
    try {
      const env = { database, clock: testClock() };
      const coordinator = await buildMunicipalityUser(database.db, "0180", {
        name: 'Åsa "Citat" Öberg \\ ny\nrad\ttab 🦺 \u00e9',
      });
      const officer = await buildCountyOfficer(database.db, "01");
      await buildDocument(env, coordinator, "0180", {
        files: [
          { name: "rsa.docx", content: await docxWith([{ heading: "1. Inledning", body: "Risker och förmågor." }]) },
          { name: "bilaga.pdf", content: await pdfWith([{ heading: "Bilaga", body: "Förteckning." }]) },
        ],
      });
      await buildDialogueEntry(env, officer, { municipalities: ["0180"] });
      await database.db.execute(
        sql`update counties set created_at = '2026-03-01 12:34:56.123456+00' where code = '01'`,
      );
      await database.db.execute(sql`select setval('login_attempts_id_seq', 41)`);
      expected = await tableChecksums(database.db);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("[R9-12] backup → restore into a fresh folder: every table's row count and checksum equal, audit:verify passes", async () => {
    const backedUp = run("backup.ts", ["--out", archive], { DATA_DIR: source });
    expect(backedUp.stderr).toBe("");
    expect(backedUp.status).toBe(0);
    const header = readHeader(archive);
    expect(header).toMatchObject({ format: "uppsikt-backup", version: 1, migrationLevel: currentLevel() });
    const inHeader = Object.fromEntries(
      header.tables.map((t: { name: string; rows: number; checksum: string }) => [
        t.name,
        { rows: t.rows, checksum: t.checksum },
      ]),
    );
    expect(inHeader).toEqual(expected);
    expect(expected.document_files!.rows).toBeGreaterThanOrEqual(2);
    expect(expected.audit_events!.rows).toBeGreaterThan(0);
    expect(inHeader.__drizzle_migrations).toBeUndefined();

    const target = path.join(root, "target");
    const restored = run("restore.ts", [archive, "--to-data-dir", target]);
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/antal och kontrollsummor stämmer/);

    const database = await openPglite(path.join(target, "pglite"));
    try {
      expect(await tableChecksums(database.db)).toEqual(expected);
      expect(await databaseLevel(database.db)).toEqual(currentLevel());
      // The sequence continues where the source's was, and the generated search column was computed again.
      const next = await database.db.execute(sql`select nextval('login_attempts_id_seq')::int as n`);
      expect((next as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(42);
      const searchable = await database.db.execute(
        sql`select count(*)::int as n from document_files where search_vector @@ plainto_tsquery('swedish', 'risker')`,
      );
      expect((searchable as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    } finally {
      await database.close();
    }
    const verified = run("audit-verify.ts", [], { DATA_DIR: target });
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/Granskningsloggen är hel: [1-9]\d* händelser/);
  }, 180_000);

  it("[R9-12] restore refuses a target that is not empty", () => {
    const res = run("restore.ts", [archive, "--to-data-dir", source]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Måldatabasen är inte tom/);
  }, 60_000);

  it("[R9-12] restore refuses an archive from a newer migration level", () => {
    const newer = path.join(root, "newer.backup");
    const level = currentLevel();
    rewriteHeader(archive, newer, (h) => {
      h.migrationLevel = { idx: level.idx + 1, tag: "9999_future", when: level.when + 1 };
    });
    const target = path.join(root, "never");
    const res = run("restore.ts", [newer, "--to-data-dir", target]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/från en nyare version av Uppsikt/);
  }, 120_000);

  it("[R9-12] backup and restore refuse while the server holds the embedded database's lock", () => {
    const locked = path.join(root, "locked");
    cpSync(path.join(source, "pglite"), path.join(locked, "pglite"), { recursive: true });
    // The parent of this test process is alive: it stands in for a running server.
    writeFileSync(
      path.join(locked, "uppsikt.lock"),
      JSON.stringify({ pid: process.ppid, purpose: "server", since: "2026-11-27T10:00:00Z" }),
    );
    const backup = run("backup.ts", ["--out", path.join(root, "locked.backup")], { DATA_DIR: locked });
    expect(backup.status).toBe(3);
    expect(backup.stderr).toMatch(/används redan av en annan process/);
    const restore = run("restore.ts", [archive], { DATA_DIR: locked });
    expect(restore.status).toBe(3);
    expect(restore.stderr).toMatch(/används redan av en annan process/);
  }, 60_000);

  it("[R9-12] an archive from an older level is restored and migrated; a damaged one is refused and keeps no row", async () => {
    const older = currentLevel().idx - 1;
    const dirs = [path.join(root, "old-source"), path.join(root, "old-target")];
    const oldArchive = path.join(root, "old.backup");
    const open = async (dir: string) => openPglite(path.join(dir, "pglite"));
    const src: Database = await open(dirs[0]!);
    try {
      await migrateTo(src, older);
      expect((await databaseLevel(src.db))?.idx).toBe(older);
      await src.db.execute(sql`insert into counties (code, name, board) values ('99', 'Provlän', 'Länsstyrelsen')`);
      const header = await backupDatabase(src, oldArchive, "test");
      expect(header.migrationLevel.idx).toBe(older);
    } finally {
      await src.close();
    }
    const damaged = path.join(root, "old-damaged.backup");
    rewriteHeader(oldArchive, damaged, (h) => {
      const t = (h.tables as { name: string; checksum: string }[]).find((x) => x.name === "counties")!;
      t.checksum = "0".repeat(64);
    });
    const dst = await open(dirs[1]!);
    try {
      await expect(restoreDatabase(dst, damaged)).rejects.toThrow(/kontrollsumman för counties stämmer inte/);
      expect(await tableChecksums(dst.db)).toSatisfy((sums: Record<string, { rows: number }>) =>
        Object.values(sums).every((t) => t.rows === 0),
      );
      // The failed attempt left the target empty: the restore can simply be repeated.
      const result = await restoreDatabase(dst, oldArchive);
      expect(result.level).toEqual(currentLevel());
      expect(await databaseLevel(dst.db)).toEqual(currentLevel());
      const rows = await dst.db.execute(sql`select name from counties`);
      expect((rows as unknown as { rows: { name: string }[] }).rows).toEqual([{ name: "Provlän" }]);
    } finally {
      await dst.close();
    }
  }, 120_000);

  // PGlite → PostgreSQL: how an embedded installation moves. A fresh database on TEST_DATABASE_URL's server.
  it.runIf(process.env.TEST_DATABASE_URL)(
    "[R9-12] the same archive moves an embedded installation to PostgreSQL, and PostgreSQL backs up while in use",
    async () => {
      const base = process.env.TEST_DATABASE_URL!;
      const name = `uppsikt_move_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${name}`);
      let database: Database | null = null;
      try {
        const url = withDatabase(base, name);
        const moved = run("restore.ts", [archive, "--to-database-url", url]);
        expect(moved.stderr).toBe("");
        expect(moved.status).toBe(0);
        database = await openPostgres(url, 2);
        expect(await tableChecksums(database.db)).toEqual(expected);
        expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
        // A server's connection stays open with a transaction in progress; the backup reads its own snapshot.
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`update counties set name = name where code = '01'`);
          const again = path.join(root, "postgres.backup");
          const res = run("backup.ts", ["--out", again], { DATABASE_URL: url });
          expect(res.stderr).toBe("");
          expect(res.status).toBe(0);
          const tables = readHeader(again).tables as { name: string; rows: number; checksum: string }[];
          expect(Object.fromEntries(tables.map((t) => [t.name, { rows: t.rows, checksum: t.checksum }]))).toEqual(
            expected,
          );
        });
      } finally {
        await database?.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    120_000,
  );
});
