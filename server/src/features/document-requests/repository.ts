import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import {
  documentRequestAnswers,
  documentRequestFiles,
  documentRequests,
  municipalities,
  reductionCases,
  users,
} from "../../db/schema/index.js";

const closers = alias(users, "closer_users");

/** Requests with their municipality, requester and closer; answers and file metadata (never content) alongside. */
export async function findRequests(
  db: Executor,
  f: { id?: string; municipality?: string; reductionCase?: string; onlyCases?: boolean },
) {
  const requests = await db
    .select({
      request: documentRequests,
      countyCode: municipalities.countyCode,
      municipalityName: municipalities.name,
      requestedByName: users.name,
      closedByName: closers.name,
    })
    .from(documentRequests)
    .innerJoin(municipalities, eq(municipalities.code, documentRequests.municipalityCode))
    .innerJoin(users, eq(users.id, documentRequests.requestedBy))
    .leftJoin(closers, eq(closers.id, documentRequests.closedBy))
    .where(
      and(
        f.id ? eq(documentRequests.id, f.id) : undefined,
        f.municipality ? eq(documentRequests.municipalityCode, f.municipality) : undefined,
        f.reductionCase ? eq(documentRequests.reductionCaseId, f.reductionCase) : undefined,
        f.onlyCases ? isNotNull(documentRequests.reductionCaseId) : undefined,
      ),
    )
    .orderBy(desc(documentRequests.requestedAt), desc(documentRequests.id));
  const ids = requests.map((r) => r.request.id);
  const answers = ids.length
    ? await db
        .select({ answer: documentRequestAnswers, answeredByName: users.name })
        .from(documentRequestAnswers)
        .innerJoin(users, eq(users.id, documentRequestAnswers.answeredBy))
        .where(inArray(documentRequestAnswers.requestId, ids))
        .orderBy(asc(documentRequestAnswers.answeredAt), asc(documentRequestAnswers.id))
    : [];
  const answerIds = answers.map((a) => a.answer.id);
  const files = answerIds.length
    ? await db
        .select({
          id: documentRequestFiles.id,
          answerId: documentRequestFiles.answerId,
          fileName: documentRequestFiles.fileName,
          mediaType: documentRequestFiles.mediaType,
          sizeBytes: documentRequestFiles.sizeBytes,
          confidentialBasis: documentRequestFiles.confidentialBasis,
        })
        .from(documentRequestFiles)
        .where(inArray(documentRequestFiles.answerId, answerIds))
        .orderBy(asc(documentRequestFiles.position))
    : [];
  return { requests, answers, files };
}
export type RequestsData = Awaited<ReturnType<typeof findRequests>>;

export async function insertRequest(tx: Executor, values: typeof documentRequests.$inferInsert): Promise<string> {
  const [row] = await tx.insert(documentRequests).values(values).returning({ id: documentRequests.id });
  return row!.id;
}

export async function insertAnswer(tx: Executor, values: typeof documentRequestAnswers.$inferInsert): Promise<string> {
  const [row] = await tx.insert(documentRequestAnswers).values(values).returning({ id: documentRequestAnswers.id });
  return row!.id;
}

export async function insertFile(tx: Executor, values: typeof documentRequestFiles.$inferInsert): Promise<string> {
  const [row] = await tx.insert(documentRequestFiles).values(values).returning({ id: documentRequestFiles.id });
  return row!.id;
}

/** Marks the request answered at its first answer and returns whether it is still open (not closed). */
export async function markAnswered(tx: Executor, id: string, at: Date): Promise<boolean> {
  const [row] = await tx
    .select({ answeredAt: documentRequests.answeredAt, closedAt: documentRequests.closedAt })
    .from(documentRequests)
    .where(eq(documentRequests.id, id))
    .for("update");
  if (!row || row.closedAt) return false;
  if (!row.answeredAt) await tx.update(documentRequests).set({ answeredAt: at }).where(eq(documentRequests.id, id));
  return true;
}

/** Closes an open request; false when it already was closed (a concurrent request). */
export async function closeRequest(tx: Executor, id: string, at: Date, by: string): Promise<boolean> {
  const rows = await tx
    .update(documentRequests)
    .set({ closedAt: at, closedBy: by })
    .where(and(eq(documentRequests.id, id), isNull(documentRequests.closedAt)))
    .returning({ id: documentRequests.id });
  return rows.length > 0;
}

/** A file with what decides who may read it. */
export async function findFile(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: documentRequestFiles.id,
      fileName: documentRequestFiles.fileName,
      mediaType: documentRequestFiles.mediaType,
      content: documentRequestFiles.content,
      confidentialBasis: documentRequestFiles.confidentialBasis,
      requestId: documentRequests.id,
      reductionCaseId: documentRequests.reductionCaseId,
      municipalityCode: documentRequests.municipalityCode,
      countyCode: municipalities.countyCode,
    })
    .from(documentRequestFiles)
    .innerJoin(documentRequestAnswers, eq(documentRequestAnswers.id, documentRequestFiles.answerId))
    .innerJoin(documentRequests, eq(documentRequests.id, documentRequestAnswers.requestId))
    .innerJoin(municipalities, eq(municipalities.code, documentRequests.municipalityCode))
    .where(eq(documentRequestFiles.id, id))
    .limit(1);
  return row;
}

const officers = alias(users, "officer_users");

/** Requests not answered and not closed, for the watch list. */
export async function findUnansweredRequests(db: Executor, f: { counties?: string[]; municipalities?: string[] }) {
  if (f.counties?.length === 0 || f.municipalities?.length === 0) return [];
  return db
    .select({
      id: documentRequests.id,
      subject: documentRequests.subject,
      replyBy: documentRequests.replyBy,
      confidentialBasis: documentRequests.confidentialBasis,
      municipalityCode: documentRequests.municipalityCode,
      municipalityName: municipalities.name,
      countyCode: municipalities.countyCode,
      officerId: officers.id,
      officerName: officers.name,
      requestedBy: documentRequests.requestedBy,
      requestedByName: users.name,
      answeredAt: documentRequests.answeredAt,
      closedAt: documentRequests.closedAt,
    })
    .from(documentRequests)
    .innerJoin(municipalities, eq(municipalities.code, documentRequests.municipalityCode))
    .innerJoin(users, eq(users.id, documentRequests.requestedBy))
    .leftJoin(officers, eq(officers.id, municipalities.responsibleOfficerId))
    .where(
      and(
        // A pre-filter for speed only: the watch source decides with core's `isAwaitingAnswer`.
        isNull(documentRequests.answeredAt),
        isNull(documentRequests.closedAt),
        // The agency's requests in a reduction case are watched as `caseDocumentRequest` (the reduction cases).
        isNull(documentRequests.reductionCaseId),
        f.counties ? inArray(municipalities.countyCode, f.counties) : undefined,
        f.municipalities ? inArray(documentRequests.municipalityCode, f.municipalities) : undefined,
      ),
    );
}

/** A reduction case's municipality, for the agency's request in it (R3.3-1). */
export async function findReductionCase(db: Executor, id: string) {
  const [row] = await db
    .select({ id: reductionCases.id, municipalityCode: reductionCases.municipalityCode })
    .from(reductionCases)
    .where(eq(reductionCases.id, id));
  return row;
}
