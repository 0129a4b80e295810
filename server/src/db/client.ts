import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { isNewDataDir, readTemplate, writeTemplate } from "./pglite-template.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
// Both drivers share this base type; repositories accept a database or a transaction.
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;
export type DbKind = "pglite" | "postgresql";

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export async function openPglite(dataDir: string): Promise<Database> {
  const fresh = isNewDataDir(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const template = fresh ? readTemplate() : undefined;
  const client = new PGlite(dataDir, template ? { loadDataDir: template } : {});
  await client.waitReady;
  if (fresh && !template) await writeTemplate(client);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection that the server ends (restart, failover, DROP DATABASE … WITH (FORCE)) must not
  // crash the process; the pool replaces it at the next query.
  pool.on("error", (err: Error & { code?: string }) => {
    if (err.code !== "57P01") console.warn(`PostgreSQL: ${err.message}`);
  });
  // Fail at boot with a readable error rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return { db, kind: "postgresql", close: () => pool.end() };
}
