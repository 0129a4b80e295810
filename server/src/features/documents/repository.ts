import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  documentFiles,
  documentFollowUps,
  documentTypes,
  documentVersions,
  documents,
  municipalities,
  users,
} from "../../db/schema/index.js";

export const findDocumentTypes = (db: Executor) => db.select().from(documentTypes).orderBy(asc(documentTypes.position));
export type DocumentTypeRow = Awaited<ReturnType<typeof findDocumentTypes>>[number];

const fileColumns = {
  id: documentFiles.id,
  versionId: documentFiles.versionId,
  fileName: documentFiles.fileName,
  mediaType: documentFiles.mediaType,
  sizeBytes: documentFiles.sizeBytes,
  textStatus: documentFiles.textStatus,
  headings: documentFiles.headings,
  confidentialBasis: documentFiles.confidentialBasis,
};

/** Documents, versions (newest first) and file metadata of some municipalities in a period: three queries, no loops. */
export async function findDocumentsWithVersions(db: Executor, municipalityCodes: string[], period: number) {
  if (municipalityCodes.length === 0) return { docs: [], versions: [], files: [], followUps: [] };
  const docs = await db
    .select()
    .from(documents)
    .where(and(eq(documents.period, period), inArray(documents.municipalityCode, municipalityCodes)));
  const docIds = docs.map((d) => d.id);
  const versions = docIds.length
    ? await db
        .select({ version: documentVersions, creatorName: users.name })
        .from(documentVersions)
        .innerJoin(users, eq(users.id, documentVersions.createdBy))
        .where(inArray(documentVersions.documentId, docIds))
        .orderBy(desc(documentVersions.versionNo))
    : [];
  const versionIds = versions.map((v) => v.version.id);
  const files = versionIds.length
    ? await db
        .select(fileColumns)
        .from(documentFiles)
        .where(inArray(documentFiles.versionId, versionIds))
        .orderBy(asc(documentFiles.position))
    : [];
  const followUps = await db
    .select({ followUp: documentFollowUps, recordedByName: users.name })
    .from(documentFollowUps)
    .innerJoin(users, eq(users.id, documentFollowUps.recordedBy))
    .where(and(eq(documentFollowUps.period, period), inArray(documentFollowUps.municipalityCode, municipalityCodes)));
  return { docs, versions, files, followUps };
}
export type DocumentsData = Awaited<ReturnType<typeof findDocumentsWithVersions>>;

const DOCUMENT_LOCK_CLASS = 7_311_006;

export async function findOrCreateDocument(
  tx: Executor,
  municipalityCode: string,
  period: number,
  typeId: string,
  now: Date,
) {
  // Versions of one document are numbered one after the other: concurrent uploads of the same document wait here
  // for each other until the transaction ends (otherwise two would take the same number).
  await tx.execute(
    sql`select pg_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, hashtext(${`${municipalityCode}:${period}:${typeId}`}))`,
  );
  await tx.insert(documents).values({ municipalityCode, period, typeId, createdAt: now }).onConflictDoNothing();
  const [doc] = await tx
    .select()
    .from(documents)
    .where(
      and(eq(documents.municipalityCode, municipalityCode), eq(documents.period, period), eq(documents.typeId, typeId)),
    );
  return doc!;
}

export async function nextVersionNo(tx: Executor, documentId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${documentVersions.versionNo}), 0)` })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertVersion(tx: Executor, values: typeof documentVersions.$inferInsert) {
  const [row] = await tx.insert(documentVersions).values(values).returning({ id: documentVersions.id });
  return row!.id;
}

export async function insertFile(tx: Executor, values: typeof documentFiles.$inferInsert) {
  const [row] = await tx.insert(documentFiles).values(values).returning({ id: documentFiles.id });
  return row!.id;
}

/** A file with what decides who may read it. */
export async function findFile(db: Executor, fileId: string) {
  const [row] = await db
    .select({
      id: documentFiles.id,
      fileName: documentFiles.fileName,
      mediaType: documentFiles.mediaType,
      content: documentFiles.content,
      fileBasis: documentFiles.confidentialBasis,
      versionBasis: documentVersions.confidentialBasis,
      versionId: documentVersions.id,
      municipalityCode: documents.municipalityCode,
    })
    .from(documentFiles)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(eq(documentFiles.id, fileId))
    .limit(1);
  return row;
}

/** A file's extracted text (read after the file's read policy has allowed it). */
export async function findFileText(db: Executor, fileId: string) {
  const [row] = await db
    .select({ textStatus: documentFiles.textStatus, text: documentFiles.textContent })
    .from(documentFiles)
    .where(eq(documentFiles.id, fileId))
    .limit(1);
  return row;
}

/** A version with its document's municipality, period and type. */
export async function findVersionContext(db: Executor, versionId: string) {
  const [row] = await db
    .select({ version: documentVersions, document: documents })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(eq(documentVersions.id, versionId))
    .limit(1);
  return row;
}

/** Latest versions still marked received, for the municipalities an officer is responsible for (or a whole county). */
export async function findReceivedLatestVersions(db: Executor, filter: { officerId?: string; countyCode?: string }) {
  const latest = db
    .select({ documentId: documentVersions.documentId, max: sql<number>`max(${documentVersions.versionNo})`.as("max") })
    .from(documentVersions)
    .groupBy(documentVersions.documentId)
    .as("latest");
  return db
    .select({ version: documentVersions, document: documents, municipalityName: municipalities.name })
    .from(documentVersions)
    .innerJoin(
      latest,
      and(eq(latest.documentId, documentVersions.documentId), eq(latest.max, documentVersions.versionNo)),
    )
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
    .where(
      and(
        eq(documentVersions.status, "received"),
        filter.officerId ? eq(municipalities.responsibleOfficerId, filter.officerId) : undefined,
        filter.countyCode ? eq(municipalities.countyCode, filter.countyCode) : undefined,
      ),
    )
    .orderBy(asc(documentVersions.receivedOn), asc(municipalities.name));
}

/**
 * Full-text search (Swedish configuration) over a county's extracted text. Confidential files and versions
 * are left out unless their municipality is in `clearedCodes`: not even a hit's existence reaches the uncleared.
 */
export async function searchFiles(
  db: Executor,
  q: { countyCode: string; text: string; period?: number; clearedCodes: string[]; limit: number; offset: number },
) {
  const query = sql`websearch_to_tsquery('swedish', ${q.text})`;
  const cleared = q.clearedCodes.length
    ? sql`${documents.municipalityCode} in (${sql.join(
        q.clearedCodes.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql`false`;
  const where = and(
    eq(municipalities.countyCode, q.countyCode),
    q.period ? eq(documents.period, q.period) : undefined,
    sql`${documentFiles.searchVector} @@ ${query}`,
    sql`((${documentFiles.confidentialBasis} is null and ${documentVersions.confidentialBasis} is null) or ${cleared})`,
  );
  const base = db
    .select({
      fileId: documentFiles.id,
      fileName: documentFiles.fileName,
      fileBasis: documentFiles.confidentialBasis,
      versionBasis: documentVersions.confidentialBasis,
      versionId: documentVersions.id,
      municipalityCode: documents.municipalityCode,
      municipalityName: municipalities.name,
      typeId: documents.typeId,
      period: documents.period,
      rank: sql<number>`ts_rank(${documentFiles.searchVector}, ${query})`,
      excerpt: sql<string>`ts_headline('swedish', coalesce(${documentFiles.textContent}, ''), ${query}, 'StartSel=«, StopSel=», MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter= … ')`,
    })
    .from(documentFiles)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
    .where(where);
  const [rows, [total]] = await Promise.all([
    base
      .orderBy(desc(sql`ts_rank(${documentFiles.searchVector}, ${query})`), asc(documentFiles.id))
      .limit(q.limit)
      .offset(q.offset),
    db
      .select({ n: sql<number>`count(*)` })
      .from(documentFiles)
      .innerJoin(documentVersions, eq(documentVersions.id, documentFiles.versionId))
      .innerJoin(documents, eq(documents.id, documentVersions.documentId))
      .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}
