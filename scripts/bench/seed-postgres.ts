/** Puts the demo data into an empty PostgreSQL database, for the benchmark (the server never seeds PostgreSQL). */
import { openPostgres } from "../../server/src/db/client.js";
import { migrate } from "../../server/src/db/migrate.js";
import { seedDemo } from "../../server/src/db/seed/demo.js";
import { seedDemoDialogue } from "../../server/src/db/seed/demo-dialogue.js";
import { seedDemoDocuments } from "../../server/src/db/seed/demo-documents.js";
import { loadNationalData } from "../../server/src/db/seed/national.js";
import type { Clock } from "../../server/src/platform/clock.js";

export async function seedPostgres(url: string, clock: Clock): Promise<void> {
  const database = await openPostgres(url);
  try {
    await migrate(database);
    await loadNationalData(database.db, clock);
    await seedDemo(database.db, clock);
    await seedDemoDocuments(database.db, clock);
    await seedDemoDialogue(database.db, clock);
  } finally {
    await database.close();
  }
}
