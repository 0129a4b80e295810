import { existsSync } from "node:fs";
import path from "node:path";
import { VERSION } from "../bootstrap.js";
import { loadConfig } from "../config.js";
import { type Database, openPglite, openPostgres } from "../db/client.js";
import { backupDatabase } from "../db/backup/backup.js";
import { BackupError } from "../db/backup/levels.js";
import { type DataDirLock, DataDirLockedError, acquireDataDirLock } from "../db/lock.js";
import { parseCliArgs } from "./args.js";

const USAGE = `Användning: npm run backup -- --out FIL
Skriver en säkerhetskopia av hela databasen (DATABASE_URL, annars den inbyggda i DATA_DIR) med filerna.
Den inbyggda databasen kan inte säkerhetskopieras medan servern kör; PostgreSQL kan det.`;

// Usage: npm run backup -- --out FILE — one consistent archive of the whole database; `npm run restore` reads it.
async function main(): Promise<number> {
  let args;
  try {
    args = parseCliArgs({ out: { type: "string" }, help: { type: "boolean" } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.help || !args.out) {
    console.error(USAGE);
    return args.help ? 0 : 1;
  }
  const out = path.resolve(args.out);
  if (!existsSync(path.dirname(out))) throw new BackupError(`Mappen ${path.dirname(out)} finns inte.`);
  const config = loadConfig();
  let database: Database;
  let lock: DataDirLock | null = null;
  if (config.DATABASE_URL) database = await openPostgres(config.DATABASE_URL, 2);
  else {
    const dir = path.join(config.DATA_DIR, "pglite");
    if (!existsSync(dir)) throw new BackupError(`Det finns ingen inbyggd databas i ${config.DATA_DIR}.`);
    lock = acquireDataDirLock(config.DATA_DIR, "backup");
    try {
      database = await openPglite(dir);
    } catch (e) {
      lock.release();
      throw e;
    }
  }
  try {
    const header = await backupDatabase(database, out, VERSION);
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Säkerhetskopian ${out} är skriven: ${header.tables.length} tabeller, ${rows} rader, ` +
        `migreringsnivå ${header.migrationLevel.tag}.`,
    );
    return 0;
  } finally {
    await database.close();
    lock?.release();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`backup: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(e instanceof DataDirLockedError ? 3 : 1);
  },
);
