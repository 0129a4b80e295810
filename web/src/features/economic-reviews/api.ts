import { type QueryClient, queryOptions } from "@tanstack/react-query";
import {
  EconomicReview,
  EconomicReviewList,
  SavingsPlan,
  SavingsPlanList,
  type EconomicReviewCreate,
  type EconomicReviewFileKind,
  type EconomicReviewUpdate,
  type SavingsPlanCreate,
} from "@uppsikt/core";
import { z } from "zod";
import { apiRequest, queryString } from "../../api/client";

/** Economic reviews and savings plans of a municipality (features/economic-reviews). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const economicReviewKeys = {
  all: ["economicReviews"] as const,
  list: (code: string, period?: number) => ["economicReviews", "list", code, period ?? "current"] as const,
  plans: (code: string) => ["economicReviews", "savingsPlans", code] as const,
};

// Reviews
export const listEconomicReviews = (code: string, period?: number) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/economic-reviews${queryString({ period })}`, {
    schema: EconomicReviewList,
  });
export const createEconomicReview = (code: string, body: z.output<typeof EconomicReviewCreate>) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/economic-reviews`, { method: "POST", body, schema: EconomicReview });
export const updateEconomicReview = (id: string, body: z.output<typeof EconomicReviewUpdate>) =>
  apiRequest(`${V1}/economic-reviews/${enc(id)}`, { method: "PUT", body, schema: EconomicReview });
/** Attachments: one part named `file` per file, all of the one kind. The answer is not read (the list refetches). */
export const attachReviewFiles = (id: string, kind: z.infer<typeof EconomicReviewFileKind>, form: FormData) =>
  apiRequest(`${V1}/economic-reviews/${enc(id)}/files${queryString({ kind })}`, {
    method: "POST",
    form,
    schema: z.unknown(),
  });
/** The officer says a planned visit has no economic review of its own (or has one again). */
export const putVisitReview = (visitId: string, impliesReview: boolean) =>
  apiRequest(`${V1}/visits/${enc(visitId)}/economic-review`, {
    method: "PUT",
    body: { impliesReview },
    schema: z.unknown(),
  });

export const economicReviewsQuery = (code: string, period?: number) =>
  queryOptions({
    queryKey: economicReviewKeys.list(code, period),
    queryFn: () => listEconomicReviews(code, period),
  });

// Savings plans
export const listSavingsPlans = (code: string) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/savings-plans`, { schema: SavingsPlanList });
export const createSavingsPlan = (code: string, body: z.output<typeof SavingsPlanCreate>) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/savings-plans`, { method: "POST", body, schema: SavingsPlan });
export const savingsPlansQuery = (code: string) =>
  queryOptions({ queryKey: economicReviewKeys.plans(code), queryFn: () => listSavingsPlans(code) });

/**
 * After a write: the reviews and plans, the economy's views that show review counts and plan status, and the watch
 * list (a submitted plan ends "savings plan owed").
 */
export function invalidateEconomicReviews(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: economicReviewKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["economy"] });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
}
