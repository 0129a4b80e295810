import { rmSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "../config.js";
import { openPglite } from "../db/client.js";
import { DataDirLockedError, acquireDataDirLock } from "../db/lock.js";
import { migrate } from "../db/migrate.js";
import { DEMO_PASSWORD, shownDemoAccounts } from "../db/seed/demo.js";
import { runDemoSteps } from "../db/seed/demo-steps.js";
import { loadNationalData } from "../db/seed/national.js";
import { SERVER_FEATURES } from "../features/index.js";
import { fixedClock, systemClock } from "../platform/clock.js";
import { outboxDir } from "../platform/mail/outbox.js";

// Usage: npm run demo — replaces the embedded database in DATA_DIR with fresh demo data (and empties the outbox).
// Refuses with DATABASE_URL (it never touches PostgreSQL) and while the server holds the data folder.
async function main(): Promise<number> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    console.error("demo: återställer bara den inbyggda databasen; ta bort DATABASE_URL.");
    return 1;
  }
  const lock = acquireDataDirLock(config.DATA_DIR, "demo");
  try {
    rmSync(path.join(config.DATA_DIR, "pglite"), { recursive: true, force: true });
    rmSync(outboxDir(config.DATA_DIR), { recursive: true, force: true });
    const database = await openPglite(path.join(config.DATA_DIR, "pglite"));
    try {
      const clock = config.UPPSIKT_NOW ? fixedClock(config.UPPSIKT_NOW) : systemClock();
      await migrate(database);
      await loadNationalData(database.db, clock, SERVER_FEATURES);
      console.log(`Skapar ny demodata i ${config.DATA_DIR} (tar ungefär en kvarts minut)…`);
      await runDemoSteps(database.db, clock, SERVER_FEATURES);
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
  console.log(`Klart. Demokonton (lösenord för alla: ${DEMO_PASSWORD}):`);
  for (const u of shownDemoAccounts()) console.log(`  ${u.email.padEnd(38)} ${u.description}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(e instanceof DataDirLockedError ? 3 : 1);
  },
);
