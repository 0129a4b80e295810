/** Puts the demo data into an empty PostgreSQL database, for the benchmark (the server never seeds PostgreSQL). */
import { openPostgres } from "../../server/src/db/client.js";
import { migrate } from "../../server/src/db/migrate.js";
import { runDemoSteps } from "../../server/src/db/seed/demo-steps.js";
import { loadNationalData } from "../../server/src/db/seed/national.js";
import { SERVER_FEATURES } from "../../server/src/features/index.js";
import type { Clock } from "../../server/src/platform/clock.js";

export async function seedPostgres(url: string, clock: Clock): Promise<void> {
  const database = await openPostgres(url);
  try {
    await migrate(database);
    await loadNationalData(database.db, clock, SERVER_FEATURES);
    await runDemoSteps(database.db, clock, SERVER_FEATURES);
  } finally {
    await database.close();
  }
}
