import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../client.js";
import { query } from "./catalog.js";
import { MIGRATIONS_FOLDER, migrate } from "../migrate.js";

/** A migration level: the last migration of drizzle's journal that a database has had. */
export interface MigrationLevel {
  idx: number;
  tag: string;
  /** The journal's timestamp, which drizzle records as `created_at` of an applied migration. */
  when: number;
}

export class BackupError extends Error {}

interface Journal {
  entries: (MigrationLevel & Record<string, unknown>)[];
}

function readJournal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8"));
}

export function journalLevels(folder = MIGRATIONS_FOLDER): MigrationLevel[] {
  return readJournal(folder).entries.map(({ idx, tag, when }) => ({ idx, tag, when }));
}

/** The level this version of the code migrates to. */
export function currentLevel(folder = MIGRATIONS_FOLDER): MigrationLevel {
  const levels = journalLevels(folder);
  return levels[levels.length - 1]!;
}

/** The database's level, or null when it has had no migration (an empty database). */
export async function databaseLevel(db: Executor, folder = MIGRATIONS_FOLDER): Promise<MigrationLevel | null> {
  const [exists] = await query<{ t: string | null }>(
    db,
    sql.raw(`select to_regclass('drizzle.__drizzle_migrations')::text as t`),
  );
  if (!exists?.t) return null;
  const [last] = await query<{ created_at: string | null }>(
    db,
    sql.raw(`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
  );
  const createdAt = last?.created_at;
  if (createdAt == null) return null;
  const level = journalLevels(folder).find((l) => l.when === Number(createdAt));
  if (!level)
    throw new BackupError(
      `Databasen har migrerats av en nyare version av Uppsikt (migrering från ${new Date(Number(createdAt)).toISOString()} ` +
        `finns inte i den här versionen). Använd den nyare versionen.`,
    );
  return level;
}

/**
 * Migrates up to and including the migration `idx` of the journal: drizzle applies every migration of a folder,
 * so the journal is cut at `idx` in a temporary copy of the folder. The hashes stay the same (same SQL files).
 */
export async function migrateTo(database: Database, idx: number, folder = MIGRATIONS_FOLDER): Promise<void> {
  const journal = readJournal(folder);
  if (idx >= journal.entries[journal.entries.length - 1]!.idx) return migrate(database, folder);
  const temp = mkdtempSync(path.join(tmpdir(), "uppsikt-migrations-"));
  try {
    const entries = journal.entries.filter((e) => e.idx <= idx);
    mkdirSync(path.join(temp, "meta"));
    writeFileSync(path.join(temp, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
    for (const e of entries) copyFileSync(path.join(folder, `${e.tag}.sql`), path.join(temp, `${e.tag}.sql`));
    await migrate(database, temp);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
