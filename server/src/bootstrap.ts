import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "./config.js";
import { type Database, openPglite, openPostgres } from "./db/client.js";
import { type DataDirLock, acquireDataDirLock } from "./db/lock.js";
import { migrate } from "./db/migrate.js";

export const VERSION: string = JSON.parse(
  readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../package.json"), "utf8"),
).version;

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * PGlite in DATA_DIR, guarded by the lock file. Every command-line tool comes through here too.
 */
export async function openDatabase(
  config: Config,
  purpose: string,
): Promise<{ database: Database; lock: DataDirLock | null }> {
  if (config.DATABASE_URL) return { database: await openPostgres(config.DATABASE_URL), lock: null };
  const lock = acquireDataDirLock(config.DATA_DIR, purpose);
  try {
    return { database: await openPglite(path.join(config.DATA_DIR, "pglite")), lock };
  } catch (e) {
    lock.release();
    throw e;
  }
}

export async function openAndMigrate(config: Config, purpose: string) {
  const opened = await openDatabase(config, purpose);
  await migrate(opened.database);
  return opened;
}
