import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { type Database, openPglite, openPostgres } from "../db/client.js";
import { checkArchive, restoreDatabase } from "../db/backup/restore.js";
import { BackupError } from "../db/backup/levels.js";
import { type DataDirLock, DataDirLockedError, acquireDataDirLock } from "../db/lock.js";
import { verifyAuditChain } from "../platform/audit/verify.js";

const USAGE = `Användning: npm run restore -- FIL [--to-database-url postgres://…] [--to-data-dir MAPP]
Återställer en säkerhetskopia (npm run backup) till en tom databas: --to-database-url, annars DATABASE_URL,
annars den inbyggda databasen i --to-data-dir eller DATA_DIR (som inte får användas av servern under tiden).`;

// Usage: npm run restore -- FILE [--to-database-url URL | --to-data-dir DIR] — into an empty database only.
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        "to-database-url": { type: "string" },
        "to-data-dir": { type: "string" },
        help: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values: args, positionals } = parsed;
  if (args.help || positionals.length !== 1) {
    console.error(USAGE);
    return args.help ? 0 : 1;
  }
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file)) throw new BackupError(`Filen ${file} finns inte.`);
  if (args["to-database-url"] && args["to-data-dir"])
    throw new BackupError("Ange antingen --to-database-url eller --to-data-dir, inte båda.");
  const url = args["to-database-url"] ?? (args["to-data-dir"] ? undefined : loadConfig().DATABASE_URL);
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new BackupError("--to-database-url ska börja med postgres:// eller postgresql://");
  // A newer or foreign archive is refused before the target is touched.
  const header = await checkArchive(file);

  let database: Database;
  let lock: DataDirLock | null = null;
  let target: string;
  if (url) {
    database = await openPostgres(url, 2);
    target = new URL(url).pathname.slice(1) || url;
  } else {
    const dataDir = args["to-data-dir"] ?? loadConfig().DATA_DIR;
    lock = acquireDataDirLock(dataDir, "restore");
    try {
      database = await openPglite(path.join(dataDir, "pglite"));
    } catch (e) {
      lock.release();
      throw e;
    }
    target = dataDir;
  }
  try {
    console.log(
      `Återställer ${file} (${header.createdAt}, migreringsnivå ${header.migrationLevel.tag}, ` +
        `från ${header.source.kind}) till ${target}…`,
    );
    const result = await restoreDatabase(database, file);
    console.log(
      `Klart: ${result.header.tables.length} tabeller, ${result.rows} rader; antal och kontrollsummor stämmer; ` +
        `migreringsnivå ${result.level.tag}.`,
    );
    const audit = await verifyAuditChain(database.db);
    if (!audit.ok) {
      console.error(`Granskningsloggen är bruten vid händelse ${audit.breakAt?.id}: ${audit.breakAt?.reason}.`);
      return 2;
    }
    console.log(`Granskningsloggen är hel: ${audit.checked} händelser kontrollerade.`);
    return 0;
  } finally {
    await database.close();
    lock?.release();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`restore: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(e instanceof DataDirLockedError ? 3 : 1);
  },
);
