import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { economicReviews, visitReviewExemptions, visits } from "../../db/schema/index.js";

/** The period's visits of the municipalities, with whether the officer exempted them from an implied review. */
export async function findCountingVisits(db: Executor, codes: readonly string[], period: number) {
  if (codes.length === 0) return [];
  return db
    .select({
      id: visits.id,
      municipalityCode: visits.municipalityCode,
      planned: visits.planned,
      status: visits.status,
      heldOn: visits.heldOn,
      exemptedAt: visitReviewExemptions.createdAt,
    })
    .from(visits)
    .leftJoin(visitReviewExemptions, eq(visitReviewExemptions.visitId, visits.id))
    .where(and(inArray(visits.municipalityCode, [...codes]), eq(visits.period, period)));
}
export type CountingVisitRow = Awaited<ReturnType<typeof findCountingVisits>>[number];

/** The period's economic reviews of the municipalities (what counting needs). */
export async function findCountingReviews(db: Executor, codes: readonly string[], period: number) {
  if (codes.length === 0) return [];
  return db
    .select({
      id: economicReviews.id,
      municipalityCode: economicReviews.municipalityCode,
      reviewedOn: economicReviews.reviewedOn,
      visitId: economicReviews.visitId,
    })
    .from(economicReviews)
    .where(and(inArray(economicReviews.municipalityCode, [...codes]), eq(economicReviews.period, period)));
}
export type CountingReviewRow = Awaited<ReturnType<typeof findCountingReviews>>[number];
