import { type SQL, and, eq, exists, gte, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  documentFollowUps,
  documentTypes,
  documentVersions,
  documents,
  municipalities,
  users,
} from "../../db/schema/index.js";
import type { WatchQuery } from "../../platform/watch/registry.js";

/*
 * The facts the documents' watch sources read (R1-3). The queries return facts (whether a version has come in,
 * the agreed date); the rules in core decide what is watched and when it falls due.
 */

/** Limits a query to the counties and municipalities asked for; null when the answer is empty anyway. */
function scopeOf(q: Pick<WatchQuery, "counties" | "municipalities">): SQL | undefined | null {
  if (q.counties?.length === 0 || q.municipalities?.length === 0) return null;
  return and(
    q.counties ? inArray(municipalities.countyCode, q.counties) : undefined,
    q.municipalities ? inArray(municipalities.code, q.municipalities) : undefined,
  );
}

const officerColumns = { officerId: users.id, officerName: users.name };

/** Whether the municipality has any version of the type in the period (correlated on the outer row). */
function versionExists(db: Executor, municipality: SQL | typeof municipalities.code, period: SQL | number, type: SQL) {
  return db
    .select({ one: sql`1` })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(and(eq(documents.municipalityCode, municipality), eq(documents.period, period), eq(documents.typeId, type)));
}

/**
 * Every required document of the period for the municipalities in scope: whether a version has come in and the
 * date agreed for it (R2.2-4), if any.
 */
export async function findRequiredDocumentFacts(db: Executor, q: WatchQuery & { period: number }) {
  const scope = scopeOf(q);
  if (scope === null) return [];
  const agreed = db
    .select({ agreedDate: documentFollowUps.agreedDate })
    .from(documentFollowUps)
    .where(
      and(
        eq(documentFollowUps.municipalityCode, municipalities.code),
        eq(documentFollowUps.period, q.period),
        eq(documentFollowUps.typeId, documentTypes.id),
      ),
    );
  return db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      county: municipalities.countyCode,
      typeId: documentTypes.id,
      typeName: documentTypes.name,
      hasVersion: sql<boolean>`${exists(versionExists(db, municipalities.code, q.period, sql`${documentTypes.id}`))}`,
      agreedDate: sql<string | null>`(${agreed})`,
      ...officerColumns,
    })
    .from(municipalities)
    .crossJoin(documentTypes)
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(scope);
}

/**
 * The dates agreed for missing documents (R2.2-4) of the given period, or of an earlier one when the date falls
 * on or after `agreedFrom`; each with whether a version has come in since.
 */
export async function findAgreedDateFacts(db: Executor, q: WatchQuery & { period: number; agreedFrom: string }) {
  const scope = scopeOf(q);
  if (scope === null) return [];
  return db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      county: municipalities.countyCode,
      period: documentFollowUps.period,
      typeId: documentFollowUps.typeId,
      typeName: documentTypes.name,
      agreedDate: documentFollowUps.agreedDate,
      hasVersion: sql<boolean>`${exists(
        versionExists(
          db,
          sql`${documentFollowUps.municipalityCode}`,
          sql`${documentFollowUps.period}`,
          sql`${documentFollowUps.typeId}`,
        ),
      )}`,
      ...officerColumns,
    })
    .from(documentFollowUps)
    .innerJoin(municipalities, eq(municipalities.code, documentFollowUps.municipalityCode))
    .innerJoin(documentTypes, eq(documentTypes.id, documentFollowUps.typeId))
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(and(scope, or(eq(documentFollowUps.period, q.period), gte(documentFollowUps.agreedDate, q.agreedFrom))));
}
