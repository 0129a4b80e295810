import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../src/db/client.js";
import { withDatabase } from "./setup-postgres.js";

/** A fresh, migrated database with reference data, of the kind this test project runs on. */
export async function freshDatabase(): Promise<Database> {
  const template = inject("dbTemplate");
  if (inject("dbKind") === "pglite") {
    const root = mkdtempSync(path.join(tmpdir(), "uppsikt-test-"));
    cpSync(template, path.join(root, "pglite"), { recursive: true });
    const database = await openPglite(path.join(root, "pglite"));
    return {
      ...database,
      close: async () => {
        await database.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const templateName = new URL(template).pathname.slice(1);
  const name = `uppsikt_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: inject("dbAdmin") });
  await admin.connect();
  // Two files may copy the template at once; PostgreSQL refuses the second while the first copies.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${templateName}`);
      break;
    } catch (e) {
      if (attempt > 20) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const database = await openPostgres(withDatabase(template, name), 8);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: inject("dbAdmin") });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
