import { addDays, daysBetween, stockholmDate } from "./calendar.js";

/**
 * Economic reviews per mandate period (R2.5-1): at least two, preferably before and at each formal visit; where the
 * municipality has only one visit in the period, one review in between.
 *
 * Each planned visit implies a planned review unless the officer said otherwise. Once the visit's date has passed,
 * its implied review counts only if a review linked to it is recorded. A recorded review counts as held when its
 * date is on or before today, as planned after today.
 */

export const ECONOMIC_REVIEW_WARNINGS = ["economicReviewsShort", "reviewBetweenVisitsMissing"] as const;
type EconomicReviewWarning = (typeof ECONOMIC_REVIEW_WARNINGS)[number];

/** Reviews per period the guidance asks for. */
export const REVIEWS_PER_PERIOD = 2;
/** A review "in between" lies more than this many days from the period's only visit. */
export const BETWEEN_VISITS_MIN_DAYS = 90;

export interface ReviewCountVisit {
  id: string;
  /** The held date, else the planned day (a month's visit: its first day). */
  date: string;
  cancelled: boolean;
  /** false when the officer said this visit has no review. */
  impliesReview: boolean;
}

export interface ReviewCountReview {
  id: string;
  reviewedOn: string;
  visitId: string | null;
}

export interface ReviewCount {
  held: number;
  planned: number;
  /** Planned visits whose implied review is counted as planned. */
  impliedByVisits: string[];
  warnings: EconomicReviewWarning[];
}

export function countEconomicReviews(
  visits: ReviewCountVisit[],
  reviews: ReviewCountReview[],
  today: string,
): ReviewCount {
  const live = visits.filter((v) => !v.cancelled);
  const held = reviews.filter((r) => r.reviewedOn <= today).length;
  const recordedPlanned = reviews.filter((r) => r.reviewedOn > today).length;
  const linked = new Set(reviews.map((r) => r.visitId).filter((id): id is string => id !== null));
  const impliedByVisits = live.filter((v) => v.impliesReview && v.date >= today && !linked.has(v.id)).map((v) => v.id);
  const planned = recordedPlanned + impliedByVisits.length;
  const warnings: EconomicReviewWarning[] = [];
  if (held + planned < REVIEWS_PER_PERIOD) warnings.push("economicReviewsShort");
  if (live.length === 1) {
    const visit = live[0]!;
    const between = reviews.some((r) => Math.abs(daysBetween(visit.date, r.reviewedOn)) > BETWEEN_VISITS_MIN_DAYS);
    if (!between) warnings.push("reviewBetweenVisitsMissing");
  }
  return { held, planned, impliedByVisits, warnings };
}

/** The default day a savings plan is owed: a number of days after large savings were detected. */
export const savingsPlanDueOn = (detectedOn: string, days: number) => addDays(detectedOn, days);

/** A savings plan as the owed rule reads it: whether it was submitted, and on which day (Stockholm time). */
export interface SavingsPlanSubmission {
  submitted: boolean;
  /** The day it was submitted (received, for a plan the county recorded), Stockholm time; null when not submitted. */
  submittedOn: string | null;
}

/**
 * Whether a savings plan is owed (R2.6-2): large savings were detected (an open detection) and no plan has been
 * submitted on or after the day of that detection. A plan submitted on the detection day answers it; one submitted
 * the day before (or a draft, or a plan without a submission day) does not. The one rule for the watch list, the
 * county's list of large savings and the municipality's savings plans.
 */
export function savingsPlanOwed(
  detection: { detectedOn: string } | null | undefined,
  plans: readonly SavingsPlanSubmission[],
): boolean {
  if (!detection) return false;
  return !plans.some((p) => p.submitted && p.submittedOn !== null && p.submittedOn >= detection.detectedOn);
}

/** A stored plan's submission for savingsPlanOwed: its submission instant as a day in Stockholm. */
export const savingsPlanSubmission = (plan: {
  submitted: boolean;
  submittedAt: Date | null;
}): SavingsPlanSubmission => ({
  submitted: plan.submitted,
  submittedOn: plan.submitted && plan.submittedAt ? stockholmDate(plan.submittedAt) : null,
});
