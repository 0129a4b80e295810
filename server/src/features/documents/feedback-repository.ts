import { and, asc, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import {
  counties,
  criteria,
  criteriaAreas,
  documentFeedback,
  documentFeedbackWaivers,
  documentReviewItems,
  documentReviews,
  documentTypes,
  documentVersions,
  documents,
  municipalities,
  users,
} from "../../db/schema/index.js";

/** A version with what a feedback letter needs: its document, municipality, county board and type. */
export async function findVersionForFeedback(db: Executor, versionId: string) {
  const [row] = await db
    .select({
      version: documentVersions,
      document: documents,
      municipalityName: municipalities.name,
      countyCode: municipalities.countyCode,
      typeName: documentTypes.name,
    })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(eq(documentVersions.id, versionId))
    .limit(1);
  return row;
}

const author = alias(users, "author");
const sender = alias(users, "sender");

const feedbackSelection = {
  feedback: documentFeedback,
  version: {
    id: documentVersions.id,
    versionNo: documentVersions.versionNo,
    decidedBy: documentVersions.decidedBy,
    decidedOn: documentVersions.decidedOn,
    receivedOn: documentVersions.receivedOn,
    registrationNumber: documentVersions.registrationNumber,
    countyRegistrationNumber: documentVersions.countyRegistrationNumber,
    confidentialBasis: documentVersions.confidentialBasis,
  },
  document: {
    id: documents.id,
    municipalityCode: documents.municipalityCode,
    period: documents.period,
    typeId: documents.typeId,
  },
  municipalityName: municipalities.name,
  countyCode: municipalities.countyCode,
  countyBoard: counties.board,
  typeName: documentTypes.name,
  authorName: author.name,
  sentByName: sender.name,
};

function feedbackQuery(db: Executor) {
  return db
    .select(feedbackSelection)
    .from(documentFeedback)
    .innerJoin(documentVersions, eq(documentVersions.id, documentFeedback.versionId))
    .innerJoin(documents, eq(documents.id, documentFeedback.documentId))
    .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .innerJoin(author, eq(author.id, documentFeedback.authorId))
    .leftJoin(sender, eq(sender.id, documentFeedback.sentBy));
}
export type FeedbackRow = NonNullable<Awaited<ReturnType<typeof findFeedback>>>;

export async function findFeedback(db: Executor, id: string) {
  const [row] = await feedbackQuery(db).where(eq(documentFeedback.id, id)).limit(1);
  return row;
}

/** One municipality's feedback in a period, newest first; drafts only when asked for. */
export function findMunicipalityFeedback(
  db: Executor,
  q: { municipalityCode: string; period: number; includeDrafts: boolean },
) {
  return feedbackQuery(db)
    .where(
      and(
        eq(documents.municipalityCode, q.municipalityCode),
        eq(documents.period, q.period),
        q.includeDrafts ? undefined : isNotNull(documentFeedback.sentOn),
      ),
    )
    .orderBy(desc(documentFeedback.createdAt), asc(documentFeedback.id));
}

export async function insertFeedback(tx: Executor, values: typeof documentFeedback.$inferInsert) {
  const [row] = await tx.insert(documentFeedback).values(values).returning({ id: documentFeedback.id });
  return row!.id;
}

/** Changes a draft; the `sent_on is null` guard keeps a concurrent "sent" from being overwritten. */
export async function updateDraft(
  tx: Executor,
  id: string,
  values: Pick<
    typeof documentFeedback.$inferInsert,
    "body" | "countyRegistrationNumber" | "confidentialBasis" | "updatedAt"
  >,
): Promise<boolean> {
  const rows = await tx
    .update(documentFeedback)
    .set(values)
    .where(and(eq(documentFeedback.id, id), isNull(documentFeedback.sentOn)))
    .returning({ id: documentFeedback.id });
  return rows.length === 1;
}

export async function markSent(
  tx: Executor,
  id: string,
  values: { sentOn: string; sentBy: string; updatedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(documentFeedback)
    .set(values)
    .where(and(eq(documentFeedback.id, id), isNull(documentFeedback.sentOn)))
    .returning({ id: documentFeedback.id });
  return rows.length === 1;
}

/**
 * The county's finished review of a version (R2.2-3), item by item in library order; empty when there is none or
 * it is not finished (a review in progress is the county's own work and never goes into a letter).
 */
export function findReviewItems(db: Executor, versionId: string) {
  return db
    .select({
      code: criteria.code,
      text: criteria.text,
      result: documentReviewItems.result,
      comment: documentReviewItems.comment,
    })
    .from(documentReviews)
    .innerJoin(documentReviewItems, eq(documentReviewItems.reviewId, documentReviews.id))
    .innerJoin(criteria, eq(criteria.id, documentReviewItems.criterionId))
    .innerJoin(criteriaAreas, eq(criteriaAreas.id, criteria.areaId))
    .where(and(eq(documentReviews.versionId, versionId), isNotNull(documentReviews.completedAt)))
    .orderBy(asc(criteriaAreas.position), asc(criteria.position), asc(criteria.code));
}

/** Which latest versions to read: by county and period (the county's list) or by scope (the watch list). */
export interface FeedbackFactsFilter {
  counties?: string[];
  municipalities?: string[];
  /** Only this period's documents… */
  period?: number;
  /** …or, with `period`, also an earlier period's versions received on or after this day. */
  orReceivedFrom?: string;
  /** Only versions received before this day (exclusive): the rule's boundary, computed in core. */
  receivedBefore?: string;
  /** The document types that expect feedback in the national rules in force (a pre-filter; the rule decides). */
  typeIds: readonly string[];
}

/**
 * The facts the feedback-owed rule (core `isFeedbackOwed`, R2.3-3) reads, for the latest version of each
 * document: when it was received, whether its type expects feedback, whether feedback on it has been sent (and
 * whether a draft exists, whether an officer decided none will be sent). For speed the query already leaves out types that expect no feedback and versions with
 * sent feedback; the rule then decides, so the listing and the watch list cannot disagree.
 */
export function findFeedbackFacts(db: Executor, q: FeedbackFactsFilter) {
  if (q.counties?.length === 0 || q.municipalities?.length === 0 || q.typeIds.length === 0) return Promise.resolve([]);
  const officer = alias(users, "officer");
  const latest = db
    .select({ documentId: documentVersions.documentId, max: sql<number>`max(${documentVersions.versionNo})`.as("max") })
    .from(documentVersions)
    .groupBy(documentVersions.documentId)
    .as("latest");
  const feedbackOn = (sent: boolean) =>
    db
      .select({ one: sql`1` })
      .from(documentFeedback)
      .where(
        and(
          eq(documentFeedback.versionId, documentVersions.id),
          sent ? isNotNull(documentFeedback.sentOn) : isNull(documentFeedback.sentOn),
        ),
      );
  const waived = db
    .select({ one: sql`1` })
    .from(documentFeedbackWaivers)
    .where(eq(documentFeedbackWaivers.versionId, documentVersions.id));
  const inPeriod =
    q.period === undefined
      ? undefined
      : q.orReceivedFrom === undefined
        ? eq(documents.period, q.period)
        : or(eq(documents.period, q.period), gte(documentVersions.receivedOn, q.orReceivedFrom));
  return db
    .select({
      versionId: documentVersions.id,
      versionNo: documentVersions.versionNo,
      receivedOn: documentVersions.receivedOn,
      documentId: documents.id,
      typeId: documents.typeId,
      typeName: documentTypes.name,
      typePosition: documentTypes.position,
      period: documents.period,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
      countyCode: municipalities.countyCode,
      officerId: officer.id,
      officerName: officer.name,
      hasDraft: sql<boolean>`${exists(feedbackOn(false))}`,
      hasSentFeedback: sql<boolean>`${exists(feedbackOn(true))}`,
      waived: sql<boolean>`${exists(waived)}`,
    })
    .from(documentVersions)
    .innerJoin(
      latest,
      and(eq(latest.documentId, documentVersions.documentId), eq(latest.max, documentVersions.versionNo)),
    )
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
    .leftJoin(officer, eq(officer.id, municipalities.responsibleOfficerId))
    .where(
      and(
        q.counties ? inArray(municipalities.countyCode, q.counties) : undefined,
        q.municipalities ? inArray(municipalities.code, q.municipalities) : undefined,
        inPeriod,
        q.receivedBefore === undefined ? undefined : lt(documentVersions.receivedOn, q.receivedBefore),
        // Pre-filters for speed only: the rule decides on the returned facts.
        inArray(documents.typeId, [...q.typeIds]),
        sql`not ${exists(feedbackOn(true))}`,
        sql`not ${exists(waived)}`,
      ),
    )
    .orderBy(asc(documentVersions.receivedOn), asc(municipalities.code), asc(documentTypes.position));
}

/** Facts for deciding that no feedback will be sent on a version (issue 10.10). */
export async function findWaiverFacts(db: Executor, versionId: string, documentId: string) {
  const [row] = await db
    .select({
      latestNo: sql<number>`(select max(${documentVersions.versionNo}) from ${documentVersions} where ${documentVersions.documentId} = ${documentId})`,
      hasSentFeedback: sql<boolean>`${exists(
        db
          .select({ one: sql`1` })
          .from(documentFeedback)
          .where(and(eq(documentFeedback.versionId, versionId), isNotNull(documentFeedback.sentOn))),
      )}`,
      waivedOn: sql<
        string | null
      >`(select ${documentFeedbackWaivers.createdAt}::text from ${documentFeedbackWaivers} where ${documentFeedbackWaivers.versionId} = ${versionId})`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

/** Records the decision; null when one already exists for the version (a concurrent decision won). */
export async function insertWaiver(tx: Executor, values: typeof documentFeedbackWaivers.$inferInsert) {
  const rows = await tx
    .insert(documentFeedbackWaivers)
    .values(values)
    .onConflictDoNothing({ target: documentFeedbackWaivers.versionId })
    .returning({ id: documentFeedbackWaivers.id });
  return rows[0]?.id ?? null;
}
