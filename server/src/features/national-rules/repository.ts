import type { NationalRules } from "@uppsikt/core";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { nationalRuleVersions } from "../../db/schema/index.js";

export type NationalRuleVersionRow = typeof nationalRuleVersions.$inferSelect;

export const findVersions = (db: Executor) =>
  db.select().from(nationalRuleVersions).orderBy(asc(nationalRuleVersions.appliesFrom));

export async function findVersion(db: Executor, id: string) {
  const [row] = await db.select().from(nationalRuleVersions).where(eq(nationalRuleVersions.id, id));
  return row;
}

export async function findVersionFrom(db: Executor, appliesFrom: string) {
  const [row] = await db.select().from(nationalRuleVersions).where(eq(nationalRuleVersions.appliesFrom, appliesFrom));
  return row;
}

export interface VersionValues {
  appliesFrom: string;
  sourceTitle: string;
  sourceDnr: string | null;
  rules: NationalRules;
}

export async function insertVersion(
  db: Executor,
  values: VersionValues & { createdAt: Date; createdBy: string | null },
) {
  const [row] = await db.insert(nationalRuleVersions).values(values).returning();
  return row!;
}

/** Updates when `version` still matches; undefined when someone else saved first. */
export async function updateVersion(db: Executor, id: string, version: number, values: VersionValues, at: Date) {
  const [row] = await db
    .update(nationalRuleVersions)
    .set({ ...values, version: version + 1, updatedAt: at })
    .where(and(eq(nationalRuleVersions.id, id), eq(nationalRuleVersions.version, version)))
    .returning();
  return row;
}

/** Replaces the rules of a version in place if still at `version` (only the RSA disposition's route does this). */
export async function replaceRules(db: Executor, id: string, version: number, rules: NationalRules, at: Date) {
  const [row] = await db
    .update(nationalRuleVersions)
    .set({ rules, version: version + 1, updatedAt: at })
    .where(and(eq(nationalRuleVersions.id, id), eq(nationalRuleVersions.version, version)))
    .returning();
  return row;
}
