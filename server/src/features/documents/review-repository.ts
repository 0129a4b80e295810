import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client.js";
import {
  criteria,
  criteriaAreas,
  documentReviewItems,
  documentReviews,
  documentVersions,
  documents,
  municipalities,
  users,
} from "../../db/schema/index.js";

/** A version with what the review needs: its status, document type and place in the county/municipality tree. */
export async function findReviewTarget(db: Executor, versionId: string) {
  const [row] = await db
    .select({
      versionId: documentVersions.id,
      status: documentVersions.status,
      /** The version's secrecy ground: the review's comments and summary follow it (R2.10-2). */
      confidentialBasis: documentVersions.confidentialBasis,
      typeId: documents.typeId,
      municipality: documents.municipalityCode,
      county: municipalities.countyCode,
    })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
    .where(eq(documentVersions.id, versionId))
    .limit(1);
  return row;
}
export type ReviewTarget = NonNullable<Awaited<ReturnType<typeof findReviewTarget>>>;

/** Serializes saves of one version's review. */
export async function lockVersion(tx: Tx, versionId: string) {
  await tx
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .where(eq(documentVersions.id, versionId))
    .for("update");
}

export async function findReview(db: Executor, versionId: string) {
  const [row] = await db
    .select({ review: documentReviews, reviewerName: users.name })
    .from(documentReviews)
    .innerJoin(users, eq(users.id, documentReviews.reviewerId))
    .where(eq(documentReviews.versionId, versionId))
    .limit(1);
  return row;
}

export const findReviewItems = (db: Executor, reviewId: string) =>
  db.select().from(documentReviewItems).where(eq(documentReviewItems.reviewId, reviewId));

/** The criteria of a library version that apply to a document type, in library order. */
export const findCriteriaForType = (db: Executor, libraryVersionId: string, typeId: string) =>
  db
    .select({
      id: criteria.id,
      code: criteria.code,
      tier: criteria.tier,
      text: criteria.text,
      help: criteria.help,
      areaCode: criteriaAreas.code,
      areaTitle: criteriaAreas.title,
    })
    .from(criteria)
    .innerJoin(criteriaAreas, eq(criteriaAreas.id, criteria.areaId))
    .where(
      and(
        eq(criteriaAreas.libraryVersionId, libraryVersionId),
        sql`${criteria.documentTypes} @> ${JSON.stringify([typeId])}::jsonb`,
      ),
    )
    .orderBy(asc(criteriaAreas.position), asc(criteria.position));
export type ReviewCriterionRow = Awaited<ReturnType<typeof findCriteriaForType>>[number];

/** Inserts the version's review or updates the one it has (one review per version). */
export async function upsertReview(
  tx: Tx,
  values: {
    versionId: string;
    libraryVersionId: string;
    reviewerId: string;
    outcome: string | null;
    summary: string | null;
    now: Date;
  },
) {
  const completedAt = values.outcome ? values.now : null;
  const [row] = await tx
    .insert(documentReviews)
    .values({
      versionId: values.versionId,
      libraryVersionId: values.libraryVersionId,
      reviewerId: values.reviewerId,
      outcome: values.outcome,
      summary: values.summary,
      createdAt: values.now,
      updatedAt: values.now,
      completedAt,
    })
    .onConflictDoUpdate({
      target: documentReviews.versionId,
      set: {
        reviewerId: values.reviewerId,
        outcome: values.outcome,
        summary: values.summary,
        updatedAt: values.now,
        completedAt,
      },
    })
    .returning();
  return row!;
}

/** The review's items become exactly these. */
export async function replaceItems(
  tx: Tx,
  reviewId: string,
  items: { criterionId: string; result: string; comment: string | null }[],
) {
  await tx.delete(documentReviewItems).where(eq(documentReviewItems.reviewId, reviewId));
  if (items.length) await tx.insert(documentReviewItems).values(items.map((i) => ({ ...i, reviewId })));
}

export async function setVersionStatus(tx: Tx, versionId: string, status: string) {
  await tx.update(documentVersions).set({ status }).where(eq(documentVersions.id, versionId));
}
