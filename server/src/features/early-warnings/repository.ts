import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { dialogueEntries, municipalities, users, warnings } from "../../db/schema/index.js";

const resolvers = alias(users, "resolver_users");

/** Warnings with their municipality, people and the basis of the entry they came from. */
export async function findWarnings(
  db: Executor,
  f: { id?: string; countyCode?: string; municipality?: string; entryIds?: string[]; open?: boolean },
) {
  if (f.entryIds && f.entryIds.length === 0) return [];
  return db
    .select({
      warning: warnings,
      countyCode: municipalities.countyCode,
      municipalityName: municipalities.name,
      raisedByName: users.name,
      resolvedByName: resolvers.name,
      entryDate: dialogueEntries.date,
      entryBasis: dialogueEntries.confidentialBasis,
    })
    .from(warnings)
    .innerJoin(municipalities, eq(municipalities.code, warnings.municipalityCode))
    .innerJoin(users, eq(users.id, warnings.raisedBy))
    .leftJoin(resolvers, eq(resolvers.id, warnings.resolvedBy))
    .leftJoin(dialogueEntries, eq(dialogueEntries.id, warnings.entryId))
    .where(
      and(
        f.id ? eq(warnings.id, f.id) : undefined,
        f.countyCode ? eq(municipalities.countyCode, f.countyCode) : undefined,
        f.municipality ? eq(warnings.municipalityCode, f.municipality) : undefined,
        f.entryIds ? inArray(warnings.entryId, f.entryIds) : undefined,
        f.open === true ? isNull(warnings.resolvedAt) : f.open === false ? isNotNull(warnings.resolvedAt) : undefined,
      ),
    )
    .orderBy(desc(warnings.raisedAt), asc(municipalities.name), asc(warnings.id));
}
export type WarningRow = Awaited<ReturnType<typeof findWarnings>>[number];

export async function insertWarnings(tx: Executor, values: (typeof warnings.$inferInsert)[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await tx.insert(warnings).values(values).returning({ id: warnings.id });
  return rows.map((r) => r.id);
}

/** Resolves an open warning; false when it was already resolved (a concurrent request). */
export async function resolveWarning(tx: Executor, id: string, by: string, at: Date, note: string): Promise<boolean> {
  const rows = await tx
    .update(warnings)
    .set({ resolvedBy: by, resolvedAt: at, resolutionNote: note })
    .where(and(eq(warnings.id, id), isNull(warnings.resolvedAt)))
    .returning({ id: warnings.id });
  return rows.length > 0;
}

/** Open warnings per municipality of a county. */
export async function countOpenByMunicipality(db: Executor, countyCode: string) {
  const rows = await db
    .select({ code: warnings.municipalityCode, n: sql<number>`count(*)` })
    .from(warnings)
    .innerJoin(municipalities, eq(municipalities.code, warnings.municipalityCode))
    .where(and(eq(municipalities.countyCode, countyCode), isNull(warnings.resolvedAt)))
    .groupBy(warnings.municipalityCode);
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
