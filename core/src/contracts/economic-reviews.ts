import { z } from "zod";
import { IsoDate } from "./common.js";
import { PersonRef } from "./confidentiality.js";
import { Uuid, text } from "./fields.js";
import { EconomicReviewWarning, Kronor, Year } from "./economy.js";

/*
 * Economic reviews (R2.5-1, R2.5-4 … R2.5-6) and savings plans (R2.6-2).
 */

export const ECONOMIC_REVIEW_FILE_KINDS = ["ownAudit", "externalAudit", "other"] as const;
export const EconomicReviewFileKind = z.enum(ECONOMIC_REVIEW_FILE_KINDS);

export const RemainingFundsDecision = z
  .object({
    amount: Kronor,
    reasoning: text(3, 5000, "motiveringen"),
    decidedOn: IsoDate,
  })
  .strict();

export const EconomicReviewCreate = z
  .object({
    /** The day it was held; a later day records a planned review. */
    reviewedOn: IsoDate,
    fromYear: Year,
    toYear: Year,
    findings: text(0, 20_000, "iakttagelserna").default(""),
    /** The visit it belongs to (a review before or at a visit). */
    visitId: Uuid.nullable().default(null),
    documentRequestIds: z.array(Uuid).max(20).default([]),
    /** Where it applies (R2.5-5): the municipality may use remaining funds for other work linked to the agreements. */
    remainingFunds: RemainingFundsDecision.nullable().default(null),
  })
  .strict()
  .refine((r) => r.toYear >= r.fromYear, { message: "Sista året får inte vara före första året.", path: ["toYear"] });
export type EconomicReviewCreate = z.infer<typeof EconomicReviewCreate>;
export const EconomicReviewUpdate = z
  .object({
    version: z.number().int().min(1),
    reviewedOn: IsoDate,
    fromYear: Year,
    toYear: Year,
    findings: text(0, 20_000, "iakttagelserna"),
    visitId: Uuid.nullable(),
    documentRequestIds: z.array(Uuid).max(20),
    remainingFunds: RemainingFundsDecision.nullable(),
  })
  .strict()
  .refine((r) => r.toYear >= r.fromYear, { message: "Sista året får inte vara före första året.", path: ["toYear"] });
export const EconomicReviewParams = z.object({ id: Uuid });

export const EconomicReviewFile = z.object({
  id: z.string(),
  kind: EconomicReviewFileKind,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  downloadUrl: z.string(),
});

export const EconomicReview = z.object({
  id: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  period: z.number().int(),
  reviewedOn: IsoDate,
  held: z.boolean(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  findings: z.string(),
  visit: z.object({ id: z.string(), label: z.string() }).nullable(),
  documentRequests: z.array(z.object({ id: z.string(), subject: z.string(), status: z.string() })),
  remainingFunds: RemainingFundsDecision.nullable(),
  files: z.array(EconomicReviewFile),
  createdBy: PersonRef,
  version: z.number().int(),
});
export type EconomicReview = z.infer<typeof EconomicReview>;
export const EconomicReviewList = z.object({
  items: z.array(EconomicReview),
  period: z.number().int(),
  held: z.number().int(),
  planned: z.number().int(),
  /** Planned visits whose implied review is counted as planned. */
  impliedByVisits: z.array(z.object({ id: z.string(), label: z.string() })),
  warnings: z.array(EconomicReviewWarning),
  /** The period's (not cancelled) visits the officer said have no economic review of their own; undone by PUT. */
  exemptVisits: z.array(z.object({ visitId: z.string(), label: z.string(), date: IsoDate })),
});
export type EconomicReviewList = z.infer<typeof EconomicReviewList>;
export const EconomicReviewQuery = z.object({ period: z.coerce.number().int().min(1900).max(2100).optional() });
/** The officer says a planned visit has no economic review of its own. */
export const VisitReviewPut = z.object({ impliesReview: z.boolean() }).strict();
export const VisitIdParams = z.object({ id: Uuid });

// ---- Savings plans ----

export const SavingsPlanYear = z
  .object({
    year: Year,
    /** Planned use of the accumulated savings this year, whole kronor. */
    plannedSavingsUse: Kronor,
    /** Planned use of the year's coming compensation. */
    plannedCompensationUse: Kronor,
    activities: text(1, 5000, "aktiviteterna"),
  })
  .strict();
export const SavingsPlanCreate = z
  .object({
    years: z.array(SavingsPlanYear).min(1, "Ange minst ett år.").max(10),
    note: text(0, 5000, "kommentaren").default(""),
    /** Submitted to the county now (a municipality user), or recorded as received (the county). */
    submit: z.boolean().default(true),
  })
  .strict()
  .refine((p) => new Set(p.years.map((y) => y.year)).size === p.years.length, {
    message: "Varje år får bara finnas en gång.",
    path: ["years"],
  });
export type SavingsPlanCreate = z.infer<typeof SavingsPlanCreate>;
export const SavingsPlanParams = z.object({
  code: z.string().regex(/^\d{4}$/, "Kommunkoden ska vara fyra siffror, t.ex. 0180."),
  id: Uuid,
});

export const SavingsPlanOutcomeYear = z.object({
  year: z.number().int(),
  planned: z.number().int(),
  /** Σ closing(y − 1) − Σ closing(y); null until both years' savings are known (or without clearance). */
  used: z.number().int().nullable(),
  deviation: z.boolean(),
});
export const SavingsPlan = z.object({
  id: z.string(),
  number: z.number().int(),
  years: z.array(SavingsPlanYear),
  note: z.string(),
  submittedAt: z.string().nullable(),
  createdBy: PersonRef,
  createdAt: z.string(),
  outcome: z.array(SavingsPlanOutcomeYear),
});
export type SavingsPlan = z.infer<typeof SavingsPlan>;
export const SavingsPlanList = z.object({
  items: z.array(SavingsPlan),
  /** The plan's tolerance, from the national rules. */
  tolerance: z.object({ value: z.number(), source: z.string().nullable(), unverified: z.boolean() }),
  /** Large savings were detected (an open detection): a plan is asked for. */
  required: z.boolean(),
  /** Required and not yet answered by a plan submitted on or after the detection day (core's savingsPlanOwed). */
  owed: z.boolean(),
  dueOn: IsoDate.nullable(),
});
export type SavingsPlanList = z.infer<typeof SavingsPlanList>;

// ---- Added with the server routes (additive) ----

export const EconomicReviewFileParams = z.object({ id: Uuid, fileId: Uuid });
export const EconomicReviewFileQuery = z.object({
  kind: EconomicReviewFileKind.default("other").describe(
    "ownAudit (kommunens egen granskning), externalAudit eller other",
  ),
});
/** Whether a visit implies an economic review of its own (after PUT /visits/:id/economic-review). */
export const VisitReview = z.object({ visitId: z.string(), date: IsoDate, impliesReview: z.boolean() });
export type VisitReview = z.infer<typeof VisitReview>;
