import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { documentFollowUps, documentVersions, documents, municipalities, users } from "../../db/schema/index.js";

/** Which (municipality, type) pairs of a county have at least one version in the period. */
export async function findPresentDocuments(db: Executor, q: { municipalityCodes: string[]; period: number }) {
  if (q.municipalityCodes.length === 0) return [];
  return db
    .selectDistinct({ municipalityCode: documents.municipalityCode, typeId: documents.typeId })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(and(eq(documents.period, q.period), inArray(documents.municipalityCode, q.municipalityCodes)));
}

export async function hasVersion(
  db: Executor,
  q: { municipalityCode: string; period: number; typeId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(
      and(
        eq(documents.municipalityCode, q.municipalityCode),
        eq(documents.period, q.period),
        eq(documents.typeId, q.typeId),
      ),
    );
  return Number(row?.n ?? 0) > 0;
}

const followUpColumns = { followUp: documentFollowUps, recordedByName: users.name };

/** The reasons and agreed dates recorded for a county's municipalities in a period. */
export function findCountyFollowUps(db: Executor, q: { countyCode: string; period: number }) {
  return db
    .select(followUpColumns)
    .from(documentFollowUps)
    .innerJoin(municipalities, eq(municipalities.code, documentFollowUps.municipalityCode))
    .innerJoin(users, eq(users.id, documentFollowUps.recordedBy))
    .where(and(eq(municipalities.countyCode, q.countyCode), eq(documentFollowUps.period, q.period)));
}

export async function findFollowUp(db: Executor, q: { municipalityCode: string; period: number; typeId: string }) {
  const [row] = await db
    .select(followUpColumns)
    .from(documentFollowUps)
    .innerJoin(users, eq(users.id, documentFollowUps.recordedBy))
    .where(
      and(
        eq(documentFollowUps.municipalityCode, q.municipalityCode),
        eq(documentFollowUps.period, q.period),
        eq(documentFollowUps.typeId, q.typeId),
      ),
    )
    .limit(1);
  return row;
}

/** One row per municipality, period and type: a second recording replaces the first. */
export async function upsertFollowUp(tx: Executor, values: typeof documentFollowUps.$inferInsert) {
  await tx
    .insert(documentFollowUps)
    .values(values)
    .onConflictDoUpdate({
      target: [documentFollowUps.municipalityCode, documentFollowUps.period, documentFollowUps.typeId],
      set: {
        reason: values.reason,
        agreedDate: values.agreedDate,
        recordedBy: values.recordedBy,
        updatedAt: values.updatedAt,
      },
    });
}
