import { z } from "zod";
import { IsoDate, MunicipalityCode, plain } from "./common.js";
import { PersonRef } from "./confidentiality.js";
import { CostItemInput, Year } from "./economy.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";
import { AgreementAreaCode, AnnualFormPart, QuestionKey, QuestionType } from "./annual-forms.js";

/*
 * The municipality's annual report (R2.4-2): filled by its coordinators on the year's form, submitted to the county,
 * returned for completion with comments per question (every round kept) or accepted. The economy part's costs become
 * the municipality's costs for the year (source `annualReport`) when the county accepts the report.
 */

export const ANNUAL_REPORT_STATUSES = ["notStarted", "draft", "submitted", "returned", "accepted"] as const;
export const AnnualReportStatus = z.enum(ANNUAL_REPORT_STATUSES);
export type AnnualReportStatus = z.infer<typeof AnnualReportStatus>;

const Scalar = z.union([z.boolean(), z.number().finite(), plain().max(20_000)]);
/** One answer: yes/no → boolean; single choice → the choice's value; multiple → values; number/amount → number;
 * text → string; date → YYYY-MM-DD; group → one object per row, keyed by the group's field keys. */
export const AnswerValue = z.union([
  Scalar,
  z.array(plain().max(60)).max(30),
  z.array(z.record(QuestionKey, Scalar.nullable())).max(200),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const Answers = z.record(QuestionKey, AnswerValue.nullable());
export type Answers = z.infer<typeof Answers>;

export const AnnualReportParams = z.object({ code: MunicipalityCode, year: Year });

export const AnnualReportPut = z
  .object({
    /** The report's version the editor started from; 0 when not started. */
    version: z.number().int().min(0),
    answers: Answers,
    /** The economy part: costs per part and cost category (compensation received is the agency's, read-only). */
    costs: z.array(CostItemInput).max(200, "Högst 200 kostnadsposter.").default([]),
  })
  .strict()
  .refine((c) => new Set(c.costs.map((i) => `${i.part}|${i.category}`)).size === c.costs.length, {
    message: "Varje kombination av del och kostnadsslag får bara finnas en gång.",
    path: ["costs"],
  });
export type AnnualReportPut = z.infer<typeof AnnualReportPut>;

/** The report's version the reader saw (a stale one answers 409); without it the step applies to the report as it is. */
export const AnnualReportVersion = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .default({});

export const QuestionComment = z
  .object({ questionKey: z.union([QuestionKey, z.literal("economy")]), text: text(1, 5000, "kommentaren") })
  .strict();
export type QuestionComment = z.infer<typeof QuestionComment>;

export const AnnualReportReturn = z
  .object({
    version: z.number().int().min(1).optional(),
    /** What is to be completed, per question (at least one), and an optional message on the whole. */
    comments: z.array(QuestionComment).min(1, "Skriv minst en kommentar om vad som ska kompletteras.").max(200),
    message: text(0, 5000, "meddelandet").default(""),
  })
  .strict();
export type AnnualReportReturn = z.infer<typeof AnnualReportReturn>;

export const AnnualReportRound = z.object({
  number: z.number().int(),
  submittedAt: z.string(),
  submittedBy: PersonRef.nullable(),
  /** Set when the county returned it in this round. */
  returnedAt: z.string().nullable(),
  returnedBy: PersonRef.nullable(),
  comments: z.array(QuestionComment),
  message: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedBy: PersonRef.nullable(),
  /** The answers as submitted in this round. */
  answers: Answers,
});
export type AnnualReportRound = z.infer<typeof AnnualReportRound>;

export const AnnualReportFile = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  downloadUrl: z.string(),
});

export const AnnualReportCompensation = z.object({
  part: z.string(),
  name: z.string(),
  /** null without clearance for a confidential part. */
  amount: z.number().int().nullable(),
});

export const AnnualReport = z.object({
  municipality: MunicipalityRef,
  year: z.number().int(),
  /** null when the agency has published no form for the year. */
  form: z.object({ id: z.string(), number: z.number().int(), title: z.string(), example: z.boolean() }).nullable(),
  /** A newer published version of the year's form the report can move to (upgrade), else null. */
  newerForm: z.object({ id: z.string(), number: z.number().int() }).nullable().optional(),
  status: AnnualReportStatus,
  /** The day the status was reached (Stockholm date), null for notStarted. */
  statusOn: IsoDate.nullable(),
  deadline: IsoDate.nullable(),
  /** The Stockholm date of the first submission. */
  submittedOn: IsoDate.nullable(),
  /** The first submission came after the deadline (the deadline day is in time). */
  late: z.boolean(),
  /** Nothing submitted and the deadline has passed. */
  missing: z.boolean(),
  /** Optimistic lock; 0 when not started. */
  version: z.number().int(),
  answers: Answers,
  costs: z.array(CostItemInput),
  compensation: z.array(AnnualReportCompensation),
  rounds: z.array(AnnualReportRound),
  files: z.array(AnnualReportFile),
  updatedAt: z.string().nullable(),
  updatedBy: PersonRef.nullable(),
  /** What the reader may do now (the permission table and the status together). */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

/** Submitting with required answers missing: 400 with `details.missing`. */
export const MissingAnswer = z.object({
  questionKey: z.string(),
  label: z.string(),
  part: AnnualFormPart,
  /** For a group: the row (0-based) and field. */
  row: z.number().int().optional(),
  field: z.string().optional(),
});
export type MissingAnswer = z.infer<typeof MissingAnswer>;

/** The county's list of its municipalities' reports for a year. */
export const AnnualReportListItem = z.object({
  municipality: MunicipalityRef,
  status: AnnualReportStatus,
  statusOn: IsoDate.nullable(),
  submittedOn: IsoDate.nullable(),
  late: z.boolean(),
  missing: z.boolean(),
  rounds: z.number().int(),
});
export const AnnualReportList = z.object({
  year: z.number().int(),
  deadline: IsoDate.nullable(),
  items: z.array(AnnualReportListItem),
});
export type AnnualReportList = z.infer<typeof AnnualReportList>;

/** A flattened question, for columns (compilations, Excel). */
export const QuestionColumn = z.object({
  key: z.string(),
  label: z.string(),
  part: AnnualFormPart,
  section: z.string(),
  area: AgreementAreaCode.nullable(),
  type: QuestionType,
});
export type QuestionColumn = z.infer<typeof QuestionColumn>;

export const AnnualReportFileParams = z.object({ code: MunicipalityCode, year: Year, fileId: Uuid });
