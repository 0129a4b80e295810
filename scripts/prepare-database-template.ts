/**
 * npm ci's postinstall: creates an empty embedded database once and keeps it as the copy every new one starts from
 * (server/src/db/pglite-template.ts), so that the first `npm start` does not spend its first seconds on initdb.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { TEMPLATE_FILE, readTemplate, writeTemplate } from "../server/src/db/pglite-template.js";

if (readTemplate()) process.exit(0);
const dir = mkdtempSync(path.join(tmpdir(), "uppsikt-template-"));
try {
  const client = new PGlite(path.join(dir, "pglite"));
  await client.waitReady;
  await writeTemplate(client);
  await client.close();
  console.log(`Uppsikt: en tom inbyggd databas är förberedd (${TEMPLATE_FILE}).`);
} catch (e) {
  // Never fails the install: the first start creates the database itself.
  console.warn(`Uppsikt: kunde inte förbereda en tom databas (${(e as Error).message}); första starten skapar den.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
