import { z } from "zod";
import { CountyCode, IsoDate } from "./common.js";
import { PersonRef } from "./confidentiality.js";
import { CostItemInput, Year } from "./economy.js";
import { MunicipalityRef, text } from "./fields.js";
import { AgreementAreaCode, AnnualFormPart } from "./annual-forms.js";
import { Answers, AnnualReportStatus, QuestionColumn } from "./annual-reports.js";

/*
 * The county's compilation of its municipalities' annual reports and its forwarding to the agency (R2.4-2, R1-6),
 * and the agency's national compilation. A forwarded compilation is frozen; a later correction is a new version.
 */

export const CompilationParams = z.object({ code: CountyCode, year: Year });
export const CompilationYearParams = z.object({ year: Year });
export const CompilationQuery = z.object({
  part: AnnualFormPart.optional(),
  area: AgreementAreaCode.optional(),
});

export const CompilationRow = z.object({
  municipality: MunicipalityRef,
  status: AnnualReportStatus,
  submittedOn: IsoDate.nullable(),
  late: z.boolean(),
  missing: z.boolean(),
  /** The answers of the latest submission (an unsubmitted draft is not shown to the county). */
  answers: Answers,
  /** The economy part's costs of the same submission (part, category, amount); for the Excel workbook. */
  costs: z.array(CostItemInput).optional(),
});
export type CompilationRow = z.infer<typeof CompilationRow>;

export const CompilationStatus = z.enum(["notForwarded", "forwarded"]);
export type CompilationStatus = z.infer<typeof CompilationStatus>;

export const CompilationVersion = z.object({
  number: z.number().int(),
  forwardedOn: IsoDate,
  forwardedBy: PersonRef.nullable(),
  registrationNumber: z.string(),
  /** Municipalities whose report was missing or not accepted when it was forwarded. */
  notAccepted: z.array(MunicipalityRef.extend({ status: AnnualReportStatus })),
});
export type CompilationVersion = z.infer<typeof CompilationVersion>;

export const CountyCompilation = z.object({
  county: z.object({ code: CountyCode, name: z.string() }),
  year: z.number().int(),
  form: z.object({ id: z.string(), number: z.number().int(), title: z.string() }).nullable(),
  forwardingDeadline: IsoDate.nullable(),
  status: CompilationStatus,
  /** The county's own assessment of the effect of the measures taken (draft until forwarded). */
  assessment: z.string(),
  /** Optimistic lock of the draft assessment; 0 when none is saved. */
  version: z.number().int(),
  /** Forwarded versions, newest first. When forwarded, the rows are the frozen ones of the newest. */
  versions: z.array(CompilationVersion),
  questions: z.array(QuestionColumn),
  rows: z.array(CompilationRow),
  /** Forwarded after the forwarding deadline. */
  late: z.boolean(),
  can: z.object({ edit: z.boolean(), forward: z.boolean() }),
});
export type CountyCompilation = z.infer<typeof CountyCompilation>;

export const CompilationAssessmentPut = z
  .object({ version: z.number().int().min(0), assessment: text(0, 50_000, "bedömningen") })
  .strict();
export const CompilationForward = z
  .object({
    /** The draft assessment's version the county head saw; without it the assessment as it is now is forwarded. */
    version: z.number().int().min(0).optional(),
    registrationNumber: text(3, 60, "diarienumret"),
  })
  .strict();

/** A question's answers summarised: counts per value (yes/no, choices) or sum/mean/min/max (numbers, amounts). */
export const Distribution = z.object({
  answered: z.number().int(),
  counts: z.record(z.string(), z.number().int()).nullable(),
  sum: z.number().nullable(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type Distribution = z.infer<typeof Distribution>;

export const NationalQuestion = QuestionColumn.extend({
  nation: Distribution,
  counties: z.array(z.object({ county: CountyCode, distribution: Distribution })),
  /** Earlier years' national distribution for the same stable key. */
  trend: z.array(z.object({ year: z.number().int(), distribution: Distribution })),
});
export type NationalQuestion = z.infer<typeof NationalQuestion>;

export const NationalCompilation = z.object({
  year: z.number().int(),
  form: z.object({ id: z.string(), number: z.number().int(), title: z.string() }).nullable(),
  counties: z.array(
    z.object({
      county: z.object({ code: CountyCode, name: z.string() }),
      status: CompilationStatus,
      forwardedOn: IsoDate.nullable(),
      version: z.number().int().nullable(),
      registrationNumber: z.string().nullable(),
      municipalities: z.number().int(),
      accepted: z.number().int(),
      late: z.boolean(),
    }),
  ),
  questions: z.array(NationalQuestion),
});
export type NationalCompilation = z.infer<typeof NationalCompilation>;

export const ReportImportResult = z.object({
  imported: z.boolean(),
  errors: z.array(z.object({ sheet: z.string(), cell: z.string(), message: z.string() })),
  /** What the import does (dryRun) or did per municipality row: a re-imported export changes nothing. */
  rows: z
    .array(z.object({ municipality: MunicipalityRef, change: z.enum(["created", "updated", "unchanged"]) }))
    .optional(),
});
export type ReportImportResult = z.infer<typeof ReportImportResult>;
