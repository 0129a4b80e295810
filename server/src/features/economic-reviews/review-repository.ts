import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  documentRequests,
  economicReviewFiles,
  economicReviewRequests,
  economicReviews,
  municipalities,
  users,
  visitReviewExemptions,
  visits,
} from "../../db/schema/index.js";

export type ReviewInsert = typeof economicReviews.$inferInsert;

/** Reviews with their municipality, creator and visit; linked requests and file metadata (never content). */
export async function findReviews(db: Executor, f: { id?: string; municipality?: string; period?: number }) {
  const reviews = await db
    .select({
      review: economicReviews,
      countyCode: municipalities.countyCode,
      municipalityName: municipalities.name,
      createdByName: users.name,
      visitPlanned: visits.planned,
      visitHeldOn: visits.heldOn,
    })
    .from(economicReviews)
    .innerJoin(municipalities, eq(municipalities.code, economicReviews.municipalityCode))
    .innerJoin(users, eq(users.id, economicReviews.createdBy))
    .leftJoin(visits, eq(visits.id, economicReviews.visitId))
    .where(
      and(
        f.id ? eq(economicReviews.id, f.id) : undefined,
        f.municipality ? eq(economicReviews.municipalityCode, f.municipality) : undefined,
        f.period !== undefined ? eq(economicReviews.period, f.period) : undefined,
      ),
    )
    .orderBy(desc(economicReviews.reviewedOn), desc(economicReviews.id));
  const ids = reviews.map((r) => r.review.id);
  const requests = ids.length
    ? await db
        .select({ reviewId: economicReviewRequests.reviewId, request: documentRequests })
        .from(economicReviewRequests)
        .innerJoin(documentRequests, eq(documentRequests.id, economicReviewRequests.requestId))
        .where(inArray(economicReviewRequests.reviewId, ids))
        .orderBy(asc(documentRequests.requestedAt))
    : [];
  const files = ids.length
    ? await db
        .select({
          id: economicReviewFiles.id,
          reviewId: economicReviewFiles.reviewId,
          kind: economicReviewFiles.kind,
          fileName: economicReviewFiles.fileName,
          mediaType: economicReviewFiles.mediaType,
          sizeBytes: economicReviewFiles.sizeBytes,
        })
        .from(economicReviewFiles)
        .where(inArray(economicReviewFiles.reviewId, ids))
        .orderBy(asc(economicReviewFiles.createdAt), asc(economicReviewFiles.id))
    : [];
  return { reviews, requests, files };
}
export type ReviewsData = Awaited<ReturnType<typeof findReviews>>;

/** The review's municipality and county (for scope), or undefined. */
export async function findReviewTarget(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: economicReviews.id,
      municipalityCode: economicReviews.municipalityCode,
      countyCode: municipalities.countyCode,
      version: economicReviews.version,
    })
    .from(economicReviews)
    .innerJoin(municipalities, eq(municipalities.code, economicReviews.municipalityCode))
    .where(eq(economicReviews.id, id))
    .limit(1);
  return row;
}

export async function insertReview(tx: Executor, row: ReviewInsert): Promise<string> {
  const [r] = await tx.insert(economicReviews).values(row).returning({ id: economicReviews.id });
  return r!.id;
}

/** Updates when the version matches; false on a stale version. */
export async function updateReview(
  tx: Executor,
  id: string,
  version: number,
  set: Omit<Partial<ReviewInsert>, "id" | "version">,
): Promise<boolean> {
  const rows = await tx
    .update(economicReviews)
    .set({ ...set, version: version + 1 })
    .where(and(eq(economicReviews.id, id), eq(economicReviews.version, version)))
    .returning({ id: economicReviews.id });
  return rows.length === 1;
}

export async function replaceRequestLinks(tx: Executor, reviewId: string, requestIds: readonly string[]) {
  await tx.delete(economicReviewRequests).where(eq(economicReviewRequests.reviewId, reviewId));
  if (requestIds.length)
    await tx.insert(economicReviewRequests).values(requestIds.map((requestId) => ({ reviewId, requestId })));
}

/** A visit with its municipality and county (for scope). */
export async function findVisit(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: visits.id,
      municipalityCode: visits.municipalityCode,
      countyCode: municipalities.countyCode,
      planned: visits.planned,
      heldOn: visits.heldOn,
      status: visits.status,
      exemptedAt: visitReviewExemptions.createdAt,
    })
    .from(visits)
    .innerJoin(municipalities, eq(municipalities.code, visits.municipalityCode))
    .leftJoin(visitReviewExemptions, eq(visitReviewExemptions.visitId, visits.id))
    .where(eq(visits.id, id))
    .limit(1);
  return row;
}

export async function findRequestMunicipalities(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: documentRequests.id, municipalityCode: documentRequests.municipalityCode })
    .from(documentRequests)
    .where(inArray(documentRequests.id, [...ids]));
}

export async function insertExemption(tx: Executor, visitId: string, createdBy: string, createdAt: Date) {
  const rows = await tx
    .insert(visitReviewExemptions)
    .values({ visitId, createdBy, createdAt })
    .onConflictDoNothing()
    .returning({ visitId: visitReviewExemptions.visitId });
  return rows.length === 1;
}

export async function deleteExemption(tx: Executor, visitId: string) {
  const rows = await tx
    .delete(visitReviewExemptions)
    .where(eq(visitReviewExemptions.visitId, visitId))
    .returning({ visitId: visitReviewExemptions.visitId });
  return rows.length === 1;
}

export async function insertFile(tx: Executor, row: typeof economicReviewFiles.$inferInsert): Promise<string> {
  const [r] = await tx.insert(economicReviewFiles).values(row).returning({ id: economicReviewFiles.id });
  return r!.id;
}

/** A file with what decides who may read it. */
export async function findFile(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: economicReviewFiles.id,
      reviewId: economicReviewFiles.reviewId,
      fileName: economicReviewFiles.fileName,
      mediaType: economicReviewFiles.mediaType,
      content: economicReviewFiles.content,
      municipalityCode: economicReviews.municipalityCode,
      countyCode: municipalities.countyCode,
    })
    .from(economicReviewFiles)
    .innerJoin(economicReviews, eq(economicReviews.id, economicReviewFiles.reviewId))
    .innerJoin(municipalities, eq(municipalities.code, economicReviews.municipalityCode))
    .where(eq(economicReviewFiles.id, id))
    .limit(1);
  return row;
}
