import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "../src/db/client.js";
import { prepareTemplate } from "./template.js";

/** Migrate once into a folder; each test file copies it. */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(tmpdir(), "uppsikt-tpl-"));
  const dir = path.join(root, "pglite");
  const database = await openPglite(dir);
  await prepareTemplate(database);
  await database.close();
  project.provide("dbKind", "pglite");
  project.provide("dbTemplate", dir);
  project.provide("dbAdmin", "");
  return () => rmSync(root, { recursive: true, force: true });
}
