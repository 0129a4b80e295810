import { loadConfig } from "../config.js";
import { openAndMigrate } from "../bootstrap.js";
import { DataDirLockedError } from "../db/lock.js";
import type { Database } from "../db/client.js";
import { loadNationalData } from "../db/seed/national.js";
import { SERVER_FEATURES } from "../features/index.js";
import { systemClock } from "../platform/clock.js";

/**
 * Runs a command-line tool against the configured database. The embedded database is locked
 * like the server does, so a tool refuses while the server holds it.
 */
export async function runTool(name: string, body: (database: Database) => Promise<number>): Promise<never> {
  let code: number;
  try {
    const config = loadConfig();
    const { database, lock } = await openAndMigrate(config, name);
    try {
      await loadNationalData(database.db, systemClock(), SERVER_FEATURES);
      code = await body(database);
    } finally {
      await database.close();
      lock?.release();
    }
  } catch (e) {
    if (e instanceof DataDirLockedError) console.error(`${name}: ${e.message}`);
    else console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    code = e instanceof DataDirLockedError ? 3 : 1;
  }
  process.exit(code);
}
