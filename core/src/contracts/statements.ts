import { z } from "zod";
import { CountyCode, IsoDate, MunicipalityCode, listOf } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";
import { Kronor } from "./economy.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";
import {
  CORRECTION_STATES,
  DETECTED_GROUNDS,
  PRECONDITIONS,
  STATEMENT_GROUNDS,
  STATEMENT_INITIATORS,
  STATEMENT_STATES,
} from "../rules/statements.js";
import { REDUCTION_CASE_STATUSES } from "../rules/reduction-cases.js";

/*
 * The county's statement to the agency (R3.1-1, R3.2-1, R3.2-2, R3.2-3, R3.3-3): the grounds the system finds, the
 * statement drafted from the chosen ones, its preconditions, the county head's approval and the sending with the
 * county's registration number; the chances to correct wrongful use; and a municipality's own notice of savings it
 * cannot use, which the county raises as a statement initiated by the municipality.
 */

export const DetectedGround = z.enum(DETECTED_GROUNDS);
export type DetectedGround = z.infer<typeof DetectedGround>;
export const StatementGround = z.enum(STATEMENT_GROUNDS);
export type StatementGround = z.infer<typeof StatementGround>;
export const StatementState = z.enum(STATEMENT_STATES);
export type StatementState = z.infer<typeof StatementState>;
export const StatementInitiator = z.enum(STATEMENT_INITIATORS);
export const PreconditionKey = z.enum(PRECONDITIONS);
export type PreconditionKey = z.infer<typeof PreconditionKey>;
export const CorrectionState = z.enum(CORRECTION_STATES);

export const StatementEvidence = z.object({ text: z.string(), date: IsoDate.nullable(), link: z.string().nullable() });
export type StatementEvidence = z.infer<typeof StatementEvidence>;

// ---- Grounds from the data (R3.2-2) ----

export const GroundFinding = z.object({
  ground: DetectedGround,
  evidence: z.array(StatementEvidence),
  rule: z.string(),
});
export type GroundFinding = z.infer<typeof GroundFinding>;
export const StatementGroundList = z.object({ items: z.array(GroundFinding) });
export type StatementGroundList = z.infer<typeof StatementGroundList>;

// ---- The statement ----

/** A sent letter that communicated a deficiency: a sent protocol version or a sent written feedback. */
export const CommunicationKind = z.enum(["protocol", "feedback"]);
export const CommunicationRef = z.object({ kind: CommunicationKind, id: Uuid }).strict();
export type CommunicationRef = z.infer<typeof CommunicationRef>;

const ChosenGroundObject = z
  .object({
    ground: StatementGround,
    /** The ground in the officer's words: required for `other`, an addition for the others. */
    text: text(0, 4000, "grunden")
      .nullish()
      .transform((v) => (v ? v : null)),
    communicatedBy: z.array(CommunicationRef).max(20, "Högst 20 kopplade skrivelser per grund.").default([]),
  })
  .strict()
  .refine((g) => g.ground !== "other" || (g.text !== null && g.text.length >= 3), {
    message: "Beskriv grunden med egna ord.",
    path: ["text"],
  });
/** A chosen ground: a detected ground's key alone ("other" needs its words), or with the officer's words and the letters that communicated it. */
export const ChosenGroundInput = z.union([
  DetectedGround.transform((ground) => ({ ground, text: null, communicatedBy: [] as CommunicationRef[] })),
  ChosenGroundObject,
]);
export type ChosenGroundInput = z.output<typeof ChosenGroundInput>;

export const SecretPartInput = z
  .object({ text: text(3, 10_000, "den sekretessbelagda texten"), confidentialBasis: ConfidentialBasis })
  .strict();

const statementFields = {
  grounds: z
    .array(ChosenGroundInput)
    .max(12, "Högst 12 grunder.")
    .default([])
    .refine((gs) => new Set(gs.map((g) => g.ground)).size === gs.length, "Varje grund får bara väljas en gång."),
  /** The statement's text (the body before the generated history). */
  text: text(0, 50_000, "yttrandets text").default(""),
  /** Parts of the statement that are confidential: they go in a secret appendix. */
  secretParts: z.array(SecretPartInput).max(20, "Högst 20 sekretessbelagda delar.").default([]),
  /** The municipality's actions the statement rests on (reasonable time to remedy: their deadlines have passed). */
  actions: z.array(Uuid).max(100, "Högst 100 åtgärder.").default([]),
  /** The chances to correct wrongful use the municipality was given (R3.2-3). */
  correctionOpportunities: z.array(Uuid).max(20, "Högst 20 möjligheter att rätta.").default([]),
};

export const StatementCreate = z
  .object({
    municipality: MunicipalityCode,
    ...statementFields,
    /** A municipality's notice of savings it cannot use (R3.3-3): the statement is then initiated by the municipality. */
    savingsNotice: Uuid.nullish().transform((v) => v ?? null),
  })
  .strict()
  .refine((s) => s.savingsNotice !== null || s.grounds.length > 0, {
    message: "Välj minst en grund för yttrandet.",
    path: ["grounds"],
  });
export type StatementCreate = z.output<typeof StatementCreate>;

export const StatementUpdate = z.object({ version: z.number().int().min(1), ...statementFields }).strict();
export type StatementUpdate = z.output<typeof StatementUpdate>;

/** The version the reader saw (a stale one answers 409); without it the step applies to the statement as it is. */
export const StatementVersion = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .default({});

export const StatementSend = z
  .object({
    version: z.number().int().min(1).optional(),
    /** The county's registration number (diarienummer). */
    registrationNumber: text(3, 60, "diarienumret"),
    /** Default: today. */
    sentOn: IsoDate.optional(),
    /** Sending with a precondition missing: the written reason (audited and printed in the statement). */
    override: z
      .object({ reason: text(10, 4000, "skälet") })
      .strict()
      .nullish(),
  })
  .strict();
export type StatementSend = z.output<typeof StatementSend>;

export const StatementParams = z.object({ id: Uuid });
export const StatementFileParams = z.object({ id: Uuid, format: z.enum(["pdf", "docx"]) });

export const Precondition = z.object({
  key: PreconditionKey,
  applies: z.boolean(),
  met: z.boolean(),
  evidence: z.array(StatementEvidence),
  rule: z.string(),
});
export type Precondition = z.infer<typeof Precondition>;

export const ChosenGround = z.object({
  ground: StatementGround,
  text: z.string().nullable(),
  rule: z.string(),
  communicatedBy: z.array(
    z.object({
      kind: CommunicationKind,
      id: z.string(),
      label: z.string(),
      date: IsoDate.nullable(),
      link: z.string().nullable(),
    }),
  ),
});
export type ChosenGround = z.infer<typeof ChosenGround>;

export const SecretPart = z.object({
  /** null without clearance. */
  text: z.string().nullable(),
  confidential: ConfidentialMark,
});

export const LinkedAction = z.object({
  id: z.string(),
  /** null when the action is confidential and the reader lacks clearance. */
  text: z.string().nullable(),
  due: IsoDate,
  status: z.string(),
  link: z.string(),
});

export const Statement = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  county: z.object({ code: CountyCode, name: z.string() }),
  period: z.number().int(),
  status: StatementState,
  initiatedBy: StatementInitiator,
  savingsNotice: z.object({ id: z.string(), text: z.string(), createdOn: IsoDate }).nullable(),
  grounds: z.array(ChosenGround),
  text: z.string(),
  secretParts: z.array(SecretPart),
  actions: z.array(LinkedAction),
  correctionOpportunities: z.array(z.object({ id: z.string(), description: z.string(), state: CorrectionState })),
  preconditions: z.array(Precondition),
  /** The keys of the preconditions not met. */
  missing: z.array(PreconditionKey),
  draftedBy: PersonRef,
  approvedBy: PersonRef.nullable(),
  approvedOn: IsoDate.nullable(),
  sentBy: PersonRef.nullable(),
  sentOn: IsoDate.nullable(),
  registrationNumber: z.string().nullable(),
  /** Sent with preconditions missing: the reason and what was missing. */
  override: z.object({ reason: z.string(), missing: z.array(PreconditionKey) }).nullable(),
  /** The agency's case, once sent. */
  reductionCase: z.object({ id: z.string(), status: z.enum(REDUCTION_CASE_STATUSES) }).nullable(),
  hasSecretAppendix: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), approve: z.boolean(), send: z.boolean() }),
});
export type Statement = z.infer<typeof Statement>;

export const StatementListItem = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  county: z.object({ code: CountyCode, name: z.string() }),
  status: StatementState,
  initiatedBy: StatementInitiator,
  grounds: z.array(StatementGround),
  draftedBy: PersonRef,
  sentOn: IsoDate.nullable(),
  registrationNumber: z.string().nullable(),
  reductionCase: z.object({ id: z.string(), status: z.enum(REDUCTION_CASE_STATUSES) }).nullable(),
  updatedAt: z.string(),
});
export type StatementListItem = z.infer<typeof StatementListItem>;
export const StatementList = listOf(StatementListItem);
export const StatementListQuery = z.object({
  county: CountyCode.optional(),
  municipality: MunicipalityCode.optional(),
  status: StatementState.optional(),
});

// ---- The chance to correct wrongful use (R3.2-3) ----

export const CorrectionOpportunityCreate = z
  .object({
    /** What the county found and what the municipality may correct. */
    description: text(3, 4000, "beskrivningen"),
    offeredOn: IsoDate,
    /** The last day to answer; the chance has lapsed the day after. */
    lapsesOn: IsoDate,
  })
  .strict()
  .refine((o) => o.lapsesOn >= o.offeredOn, {
    message: "Sista dag att svara kan inte vara före den dag möjligheten gavs.",
    path: ["lapsesOn"],
  });
export type CorrectionOpportunityCreate = z.output<typeof CorrectionOpportunityCreate>;

export const CorrectionOpportunityAnswer = z
  .object({
    text: text(3, 4000, "svaret"),
    /** Default: today. The county records an answer that came outside the system with its date. */
    answeredOn: IsoDate.optional(),
  })
  .strict();

export const CorrectionOpportunity = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  description: z.string(),
  offeredOn: IsoDate,
  lapsesOn: IsoDate,
  state: CorrectionState,
  answer: z.object({ text: z.string(), answeredOn: IsoDate, by: PersonRef }).nullable(),
  createdBy: PersonRef,
  createdAt: z.string(),
});
export type CorrectionOpportunity = z.infer<typeof CorrectionOpportunity>;
export const CorrectionOpportunityList = listOf(CorrectionOpportunity);
export const CorrectionOpportunityParams = z.object({ id: Uuid });

// ---- A municipality's savings it cannot use (R3.3-3) ----

export const SavingsNoticeCreate = z
  .object({
    text: text(10, 4000, "meddelandet"),
    /** The savings the municipality cannot use, if it gives an amount. */
    amount: Kronor.nullish().transform((v) => v ?? null),
  })
  .strict();
export type SavingsNoticeCreate = z.output<typeof SavingsNoticeCreate>;

export const SavingsNotice = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  text: z.string(),
  amount: z.number().int().nullable(),
  createdOn: IsoDate,
  createdBy: PersonRef,
  /** The statement the county raised from it. */
  statement: z.object({ id: z.string(), status: StatementState }).nullable(),
});
export type SavingsNotice = z.infer<typeof SavingsNotice>;
export const SavingsNoticeList = listOf(SavingsNotice);

// ---- What a statement can be linked to (the officer's choices in the form) ----

export const StatementOptions = z.object({
  /** Sent protocols and sent written feedback to the municipality: what can have communicated a deficiency. */
  communications: z.array(
    z.object({
      kind: CommunicationKind,
      id: z.string(),
      label: z.string(),
      date: IsoDate.nullable(),
      link: z.string().nullable(),
    }),
  ),
  /** The municipality's actions in the period. */
  actions: z.array(LinkedAction),
  correctionOpportunities: z.array(z.object({ id: z.string(), description: z.string(), state: CorrectionState })),
  /** Notices of savings the municipality cannot use that no statement has been raised from. */
  savingsNotices: z.array(z.object({ id: z.string(), text: z.string(), createdOn: IsoDate })),
});
export type StatementOptions = z.infer<typeof StatementOptions>;
