import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../src/db/client.js";
import { prepareTemplate } from "./template.js";

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Migrate once into a template database; each test file creates its own from it. */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `uppsikt_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openPostgres(withDatabase(base, name), 2);
  await prepareTemplate(database);
  await database.close();
  project.provide("dbKind", "postgresql");
  project.provide("dbTemplate", withDatabase(base, name));
  project.provide("dbAdmin", base);
  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
