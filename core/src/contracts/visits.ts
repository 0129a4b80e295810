import { z } from "zod";
import { CountyCode, IsoDate, MunicipalityCode } from "./common.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";
import { AGREEMENT_AREAS, AREA_RESULTS, CRITERION_RESULTS } from "../rules/assessment.js";
import {
  PARTICIPANT_ROLES,
  PARTICIPANT_WARNING_CODES,
  PLANNED_PATTERN,
  VISIT_KINDS,
  VISIT_STATUSES,
} from "../rules/visits.js";
import { isValidIsoDate } from "../rules/calendar.js";
import { ProtocolFieldsInput } from "./protocols.js";

/*
 * Formal follow-up visits (R2.7): the county's visit plan, the visits with their preparation and participants,
 * the criteria chosen and the assessment (R2.8-1). The protocol and action plan follow in their own contracts.
 */

export const VisitKind = z.enum(VISIT_KINDS);
export type VisitKind = z.infer<typeof VisitKind>;
export const VisitStatus = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof VisitStatus>;
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;
export const AgreementArea = z.enum(AGREEMENT_AREAS);
export type AgreementArea = z.infer<typeof AgreementArea>;
export const PeriodId = z.coerce.number().int("Ange mandatperioden som ett år.").min(1900).max(2100);

/** A month (`2028-03`) or a day (`2028-03-12`). */
export const PlannedWhen = z
  .string()
  .regex(PLANNED_PATTERN, "Ange en månad (ÅÅÅÅ-MM) eller ett datum (ÅÅÅÅ-MM-DD).")
  .refine((v) => {
    const [y, m, d] = v.split("-");
    return isValidIsoDate(`${y}-${m}-${d ?? "01"}`);
  }, "Månaden eller datumet finns inte i kalendern.");

export const VisitPlanQuery = z.object({ period: PeriodId.optional() });
export const VisitPlanSettings = z.object({
  /** The county's capacity: visits per year, a setting of the plan. */
  visitsPerYear: z.number().int().min(1, "Minst ett besök per år.").max(200, "Högst 200 besök per år."),
});

export const PlannedVisitView = z.object({
  id: Uuid,
  planned: z.string(),
  /** The day it is due (a month's last day) and the day it counts from (a month's first). */
  dueOn: IsoDate,
  from: IsoDate,
  kind: VisitKind,
  status: VisitStatus,
  reason: z.string(),
  heldOn: IsoDate.nullable(),
});

export const VisitCoverageView = z.object({
  none: z.number().int(),
  one: z.number().int(),
  twoOrMore: z.number().int(),
  held: z.number().int(),
  planned: z.number().int(),
});

export const VisitPlanView = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  period: z.number().int(),
  status: z.enum(["draft", "published"]),
  revision: z.number().int(),
  visitsPerYear: z.number().int(),
  publishedAt: z.string().nullable(),
  coverage: VisitCoverageView,
  items: z.array(z.object({ municipality: MunicipalityRef, visits: z.array(PlannedVisitView) })),
  revisions: z.array(
    z.object({ revision: z.number().int(), at: z.string(), by: z.string().nullable(), reason: z.string() }),
  ),
});
export type VisitPlanView = z.infer<typeof VisitPlanView>;

export const VisitCreate = z.object({
  municipality: MunicipalityCode,
  period: PeriodId,
  planned: PlannedWhen,
  kind: VisitKind,
  reason: text(0, 1000, "skälet").default(""),
});

export const Participant = z.object({
  name: text(1, 200, "deltagarens namn"),
  role: ParticipantRole,
  /** Whether they took part; asked once the visit is held. */
  attended: z.boolean().default(true),
});

export const VisitPreparation = z.object({
  documentsReviewed: z.boolean().default(false),
  preMeetingOn: IsoDate.nullable().default(null),
  preMeetingNotes: text(0, 5000, "anteckningarna").default(""),
  /** R2.10-3: the premises must be suitable for sharing classified information. */
  premisesSuitableForClassified: z.boolean().default(false),
  /** R2.7-5: coordinated with the county's LSO supervision, and its reference. */
  lsoCoordinated: z.boolean().default(false),
  lsoReference: text(0, 100, "tillsynens diarienummer").default(""),
});

export const VisitUpdate = ProtocolFieldsInput.extend({
  /** The version the editor loaded (optimistic locking). */
  version: z.number().int().min(1),
  planned: PlannedWhen.optional(),
  kind: VisitKind.optional(),
  status: VisitStatus.optional(),
  reason: text(0, 1000, "skälet").optional(),
  heldOn: IsoDate.nullable().optional(),
  place: text(0, 300, "platsen").optional(),
  participants: z.array(Participant).max(60, "Högst 60 deltagare.").optional(),
  preparation: VisitPreparation.optional(),
  notes: z
    .object({
      worksWell: text(0, 20000, "texten"),
      deficiencies: text(0, 20000, "texten"),
      goalFulfilment: text(0, 20000, "texten"),
      planning: text(0, 20000, "texten"),
      resources: text(0, 20000, "texten"),
      supportNeeds: text(0, 20000, "texten"),
      ownFunding: text(0, 20000, "texten"),
    })
    .partial()
    .optional(),
});

export const VisitWarning = z.object({
  code: z.enum([...PARTICIPANT_WARNING_CODES, "feedbackBeforeVisit"]),
  severity: z.enum(["warning", "advice"]),
  rule: z.string(),
});

export const VisitCriteriaInput = z.object({
  version: z.number().int().min(1),
  criteria: z.array(text(1, 40, "kriteriets kod")).max(1000),
});

const CriterionResult = z.enum([...CRITERION_RESULTS.crisisPreparedness, ...CRITERION_RESULTS.civilDefence]);
const AreaResult = z.enum([...AREA_RESULTS.crisisPreparedness, "started", "partlyStarted", "notStarted"]);

export const Evidence = z.object({
  kind: z.enum(["documentVersion", "documentReview", "dialogueEntry", "annualReport"]),
  id: Uuid,
});
/** A piece of evidence with its label (type, version and date; never its content). */
export const EvidenceOption = Evidence.extend({ label: z.string() });
export type EvidenceOption = z.infer<typeof EvidenceOption>;
export const EvidenceOptions = z.object({ items: z.array(EvidenceOption) });

export const VisitAssessmentInput = z.object({
  version: z.number().int().min(1),
  items: z
    .array(
      z.object({
        criterion: text(1, 40, "kriteriets kod"),
        result: CriterionResult,
        note: text(0, 5000, "anteckningen").default(""),
        evidence: z.array(Evidence).max(50).default([]),
      }),
    )
    .max(1000),
  overrides: z
    .array(
      z
        .object({
          area: text(1, 40, "områdets kod").optional(),
          agreementArea: AgreementArea.optional(),
          result: AreaResult,
          reason: text(1, 2000, "skälet till avsteget"),
        })
        .refine((o) => (o.area === undefined) !== (o.agreementArea === undefined), {
          message: "Ange antingen ett område eller en överenskommelsedel.",
          path: ["area"],
        }),
    )
    .max(200)
    .default([]),
});

export const ComputedResultView = z.object({ computed: AreaResult, result: AreaResult, reason: z.string().nullable() });
export const VisitAssessmentView = z.object({
  areas: z.array(z.object({ area: z.string(), agreementArea: AgreementArea }).extend(ComputedResultView.shape)),
  overall: z.object({ crisisPreparedness: ComputedResultView, civilDefence: ComputedResultView }),
});

export const VisitParams = z.object({ id: Uuid });
export const MunicipalityVisitsQuery = z.object({ period: PeriodId.optional() });
export const VisitPlanBody = z.object({ period: PeriodId.optional() });
export const VisitPlanProposalBody = z.object({
  period: PeriodId.optional(),
  visitsPerYear: VisitPlanSettings.shape.visitsPerYear.optional(),
});
export const VisitPlanSettingsBody = VisitPlanSettings.extend({
  period: PeriodId.optional(),
  version: z.number().int().min(1),
  reason: text(0, 1000, "skälet").optional(),
});
export const VisitPlanPublishBody = z.object({
  period: PeriodId.optional(),
  reason: text(0, 1000, "skälet").optional(),
});

const AssessmentItemView = z.object({
  criterion: z.string(),
  result: z.string(),
  note: z.string(),
  evidence: z.array(EvidenceOption),
});

export const VisitView = z.object({
  id: Uuid,
  municipality: MunicipalityRef,
  county: z.string(),
  period: z.number().int(),
  planned: z.string(),
  dueOn: IsoDate,
  from: IsoDate,
  kind: VisitKind,
  status: VisitStatus,
  reason: z.string(),
  heldOn: IsoDate.nullable(),
  place: z.string(),
  participants: z.array(z.object({ name: z.string(), role: ParticipantRole, attended: z.boolean() })),
  preparation: VisitPreparation,
  /** The county's judgement: null for readers who do not see it (the municipality's users). */
  notes: z.record(z.string(), z.string()).nullable(),
  warnings: z.array(VisitWarning),
  libraryVersion: z.object({ id: z.string(), version: z.string() }).nullable(),
  criteria: z.array(z.string()).nullable(),
  untouchedAreas: z.array(z.string()).nullable(),
  assessment: z
    .object({
      items: z.array(AssessmentItemView),
      overrides: z.array(
        z.object({
          area: z.string().optional(),
          agreementArea: AgreementArea.optional(),
          result: z.string(),
          reason: z.string(),
        }),
      ),
      results: VisitAssessmentView,
      /** The previous held visit of the municipality, matched by criterion and area code. */
      previous: z
        .object({
          visitId: Uuid,
          heldOn: IsoDate.nullable(),
          items: z.array(z.object({ criterion: z.string(), result: z.string() })),
          results: VisitAssessmentView,
        })
        .nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type VisitView = z.infer<typeof VisitView>;
export const VisitList = z.object({ period: z.number().int(), items: z.array(VisitView) });
export const CriteriaProposalView = z.object({ kind: VisitKind, criteria: z.array(z.string()) });
export const NationalVisitCoverage = z.object({
  period: z.number().int(),
  nation: VisitCoverageView,
  counties: z.array(z.object({ county: z.string(), published: z.boolean(), coverage: VisitCoverageView })),
});

export const VisitLetterTemplate = z.object({
  purpose: z.string(),
  process: z.string(),
  closing: z.string(),
  /** 0 while the county uses the default texts. */
  version: z.number().int(),
  isDefault: z.boolean(),
});
export type VisitLetterTemplate = z.infer<typeof VisitLetterTemplate>;
export const VisitLetterTemplateUpdate = z.object({
  purpose: text(1, 5000, "syftet"),
  process: text(1, 5000, "processen"),
  closing: text(0, 3000, "avslutningen"),
  /** The version edited; 0 when starting from the default texts. */
  version: z.number().int().min(0),
});
export const VisitLetterParams = z.object({ code: CountyCode, municipality: MunicipalityCode });
export const VisitLetterQuery = z.object({
  period: PeriodId.optional(),
  format: z.enum(["docx", "pdf"]).default("pdf"),
});
