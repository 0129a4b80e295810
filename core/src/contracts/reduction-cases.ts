import { z } from "zod";
import { CountyCode, IsoDate, listOf } from "./common.js";
import { PersonRef } from "./confidentiality.js";
import { DialogueForm } from "./dialogue.js";
import { CompensationStatus, Kronor, PartCode } from "./economy.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";
import { StatementInitiator } from "./statements.js";
import { REDUCTION_CASE_STATUSES, REDUCTION_EFFECTS, REDUCTION_OUTCOMES } from "../rules/reduction-cases.js";

/*
 * The agency's reduction case (R3.3-1, R3.3-2): opened by a statement the agency received; the date received decides
 * by the 30 April rule whether the year's payment is withheld until the decision or stands (then only a repayment can
 * follow); the decision, its notification, the last day of appeal and legal finality; the repayment invoice; the
 * case's own log of its dialogue with the municipality and the county.
 */

export const ReductionEffect = z.enum(REDUCTION_EFFECTS);
export type ReductionEffect = z.infer<typeof ReductionEffect>;
export const ReductionOutcome = z.enum(REDUCTION_OUTCOMES);
export type ReductionOutcome = z.infer<typeof ReductionOutcome>;
export const ReductionCaseStatus = z.enum(REDUCTION_CASE_STATUSES);
export type ReductionCaseStatus = z.infer<typeof ReductionCaseStatus>;

export const ReductionCaseParams = z.object({ id: Uuid });

/** The agency corrects the date received (the effect follows) or enters the day the municipality was notified. */
export const ReductionCaseUpdate = z
  .object({
    version: z.number().int().min(1),
    receivedOn: IsoDate.optional(),
    notifiedOn: IsoDate.nullish(),
  })
  .strict();
export type ReductionCaseUpdate = z.output<typeof ReductionCaseUpdate>;

export const PartAmountInput = z.object({ part: PartCode, amount: Kronor }).strict();

export const ReductionDecisionInput = z
  .object({
    version: z.number().int().min(1).optional(),
    outcome: ReductionOutcome,
    /** The reduction or repayment in whole kronor (0 for no reduction or no repayment). */
    amount: Kronor.default(0),
    /** The amount per compensation part; without it the amount is split over the year's parts by their amounts. */
    parts: z.array(PartAmountInput).max(20).nullish(),
    /** The share of the LEH tasks the municipality has performed, 0–1. */
    performedShare: z
      .number({ error: "Ange andelen som ett tal mellan 0 och 1." })
      .min(0, "Andelen ska vara mellan 0 och 1.")
      .max(1, "Andelen ska vara mellan 0 och 1.")
      .nullish()
      .transform((v) => v ?? null),
    reasoning: text(10, 20_000, "motiveringen"),
    decidedOn: IsoDate,
    /** The day the municipality was notified of the decision; the time to appeal runs from it. */
    notifiedOn: IsoDate.nullish().transform((v) => v ?? null),
  })
  .strict()
  .refine((d) => d.notifiedOn === null || d.notifiedOn >= d.decidedOn, {
    message: "Kommunen kan inte ha underrättats före beslutet.",
    path: ["notifiedOn"],
  });
export type ReductionDecisionInput = z.output<typeof ReductionDecisionInput>;

export const AppealInput = z.object({ version: z.number().int().min(1).optional(), on: IsoDate }).strict();

export const InvoiceSentInput = z
  .object({
    version: z.number().int().min(1).optional(),
    invoiceNumber: text(1, 60, "fakturanumret"),
    sentOn: IsoDate,
  })
  .strict();

export const ReductionDecision = z.object({
  outcome: ReductionOutcome,
  amount: z.number().int(),
  parts: z.array(z.object({ part: z.string(), amount: z.number().int() })),
  performedShare: z.number().nullable(),
  reasoning: z.string(),
  decidedOn: IsoDate,
  notifiedOn: IsoDate.nullable(),
  decidedBy: PersonRef,
});

export const RepaymentInvoice = z.object({
  amount: z.number().int(),
  createdOn: IsoDate,
  invoiceNumber: z.string().nullable(),
  sentOn: IsoDate.nullable(),
});

export const ReductionCase = z.object({
  id: z.string(),
  version: z.number().int(),
  municipality: MunicipalityRef,
  county: z.object({ code: CountyCode, name: z.string() }),
  statement: z.object({
    id: z.string(),
    registrationNumber: z.string(),
    sentOn: IsoDate,
    initiatedBy: StatementInitiator,
  }),
  receivedOn: IsoDate,
  /** The only year the case affects. */
  year: z.number().int(),
  effect: ReductionEffect,
  /** The 30 April rule as applied: the cut-off day of the year, whether it counts as before, its text and source. */
  rule: z.object({
    cutOffOn: IsoDate,
    inclusive: z.boolean(),
    text: z.string(),
    source: z.string().nullable(),
    unverified: z.boolean(),
  }),
  allowedOutcomes: z.array(ReductionOutcome),
  status: ReductionCaseStatus,
  decisionDueOn: IsoDate,
  decision: ReductionDecision.nullable(),
  lastAppealDay: IsoDate.nullable(),
  appeal: z.object({ lodgedOn: IsoDate, decidedOn: IsoDate.nullable() }).nullable(),
  legallyFinalOn: IsoDate.nullable(),
  invoice: RepaymentInvoice.nullable(),
  /** The year's compensation per part as it stands (amounts null without clearance for a confidential part). */
  compensation: z.array(
    z.object({
      part: z.string(),
      name: z.string(),
      amount: z.number().int().nullable(),
      status: CompensationStatus,
      adjustment: z.number().int().nullable(),
    }),
  ),
  can: z.object({ write: z.boolean() }),
  createdAt: z.string(),
});
export type ReductionCase = z.infer<typeof ReductionCase>;

export const ReductionCaseListItem = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  county: z.object({ code: CountyCode, name: z.string() }),
  receivedOn: IsoDate,
  year: z.number().int(),
  effect: ReductionEffect,
  status: ReductionCaseStatus,
  outcome: ReductionOutcome.nullable(),
  decisionDueOn: IsoDate,
  legallyFinalOn: IsoDate.nullable(),
  initiatedBy: StatementInitiator,
});
export type ReductionCaseListItem = z.infer<typeof ReductionCaseListItem>;
export const ReductionCaseList = listOf(ReductionCaseListItem);
export const ReductionCaseListQuery = z.object({
  county: CountyCode.optional(),
  status: ReductionCaseStatus.optional(),
});

// ---- The case's own log (R3.3-1) ----

export const CaseLogParty = z.enum(["municipality", "county"]);
export const CaseLogEntryCreate = z
  .object({
    on: IsoDate,
    form: DialogueForm,
    /** Whom the dialogue was with. */
    with: z.array(CaseLogParty).min(1, "Ange med vem dialogen fördes.").max(2),
    text: text(3, 20_000, "anteckningen"),
  })
  .strict();
export type CaseLogEntryCreate = z.output<typeof CaseLogEntryCreate>;

export const CaseLogEntry = z.object({
  id: z.string(),
  on: IsoDate,
  form: DialogueForm,
  with: z.array(CaseLogParty),
  text: z.string(),
  by: PersonRef,
  createdAt: z.string(),
});
export type CaseLogEntry = z.infer<typeof CaseLogEntry>;
export const CaseLogEntryList = listOf(CaseLogEntry);
