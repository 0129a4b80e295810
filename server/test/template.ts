import type { Database } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { loadNationalData } from "../src/db/seed/national.js";
import { SERVER_FEATURES } from "../src/features/index.js";
import { fixedClock } from "../src/platform/clock.js";

/** What every test database starts with: the migrations and the national reference data. */
export async function prepareTemplate(database: Database) {
  await migrate(database);
  await loadNationalData(database.db, fixedClock("2026-01-01T08:00:00Z"), SERVER_FEATURES);
}
