import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

/*
 * A new embedded database starts from a copy of an empty one. Creating the cluster (PGlite's initdb, in WebAssembly)
 * takes 5–8 s on two cores and gives the same files every time, so it is done once per installation: by `npm ci`'s
 * postinstall (scripts/prepare-database-template.ts), or by the first start that finds no copy. Unpacking the copy
 * takes about a second. The copy is an empty cluster, before any migration; the migrations run as always.
 */

const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
const nodeModules = entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + "/node_modules".length);
const { version } = JSON.parse(
  readFileSync(path.join(nodeModules, "@electric-sql", "pglite", "package.json"), "utf8"),
) as { version: string };
/** Beside the installed packages, keyed by PGlite's version: an upgrade makes a new one. */
export const TEMPLATE_FILE = path.join(nodeModules, ".cache", "uppsikt", `pglite-${version}-empty.tar.gz`);

/** True when `dataDir` holds no cluster yet. */
export const isNewDataDir = (dataDir: string) => !existsSync(path.join(dataDir, "PG_VERSION"));

export function readTemplate(): Blob | undefined {
  try {
    return new Blob([readFileSync(TEMPLATE_FILE)]);
  } catch {
    return undefined;
  }
}

/** Stores a just-created, still empty cluster as the copy (written whole, then renamed: never half a file). */
export async function writeTemplate(client: PGlite): Promise<void> {
  try {
    const dump = await client.dumpDataDir("gzip");
    mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
    const temporary = `${TEMPLATE_FILE}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, TEMPLATE_FILE);
  } catch {
    // Only a shortcut for the next new database: without it, that one is created from scratch.
  }
}
