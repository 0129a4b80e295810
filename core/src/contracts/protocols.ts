import { z } from "zod";
import { IsoDate } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";
import { Uuid, text } from "./fields.js";
import { PROTOCOL_STATES } from "../rules/protocols.js";

/*
 * The protocol after a visit (R2.7-7, R2.9-1, R2.10-1): what works well, the deficiencies, the measures the
 * municipality should take (each with a deadline and how the county follows it up), other notes and the action
 * plan's deadline. Any part can be confidential with an OSL ground; those parts go to the secret appendix.
 */

export const ProtocolState = z.enum(PROTOCOL_STATES);
export type ProtocolState = z.infer<typeof ProtocolState>;

const Basis = ConfidentialBasis.nullable().optional();
export const ProtocolPartInput = z.object({ text: text(1, 10_000, "texten"), confidentialBasis: Basis });
export const ProtocolMeasureInput = z.object({
  text: text(1, 5000, "åtgärden"),
  due: IsoDate,
  followUp: text(1, 2000, "hur länsstyrelsen följer upp åtgärden"),
  confidentialBasis: Basis,
});
export type ProtocolMeasureInput = z.infer<typeof ProtocolMeasureInput>;

/** The protocol's fields, as `PUT /visits/:id` takes them (each optional: only what is sent changes). */
export const ProtocolFieldsInput = z.object({
  worksWell: text(0, 20_000, "det som fungerar väl").optional(),
  deficiencies: z.array(ProtocolPartInput).max(100, "Högst 100 brister.").optional(),
  measures: z.array(ProtocolMeasureInput).max(100, "Högst 100 åtgärder.").optional(),
  otherNotes: z.array(ProtocolPartInput).max(100, "Högst 100 noteringar.").optional(),
  actionPlanDue: IsoDate.nullable().optional(),
});
export type ProtocolFieldsInput = z.infer<typeof ProtocolFieldsInput>;

/** A part as a reader sees it: the text is null when it is confidential and the reader has no clearance. */
export const ProtocolPartView = z.object({ text: z.string().nullable(), confidential: ConfidentialMark.nullable() });
export const ProtocolMeasureView = ProtocolPartView.extend({
  due: IsoDate,
  followUp: z.string().nullable(),
});

export const ProtocolComment = z.object({
  id: Uuid,
  author: PersonRef,
  text: z.string(),
  at: z.string(),
  /** Which factual review round (1, 2 …) the comment answered. */
  round: z.number().int(),
});

export const ProtocolSentVersion = z.object({
  versionNo: z.number().int(),
  registrationNumber: z.string(),
  sentOn: IsoDate,
  sentBy: PersonRef,
  approvedBy: PersonRef.nullable(),
  /** What a correction corrects; null for the first version. */
  corrects: z.string().nullable(),
  hasSecretAppendix: z.boolean(),
});

export const ProtocolView = z.object({
  visitId: Uuid,
  municipality: z.object({ code: z.string(), name: z.string() }),
  state: ProtocolState,
  /** What the reader sees: the county's working draft, or (outside the county) the latest sent version. */
  showing: z.enum(["draft", "sent"]),
  /** The draft's version (optimistic locking of its edits). */
  version: z.number().int(),
  /** The number the draft will be sent as (1, or the next after a correction). */
  versionNo: z.number().int(),
  worksWell: z.string(),
  deficiencies: z.array(ProtocolPartView),
  measures: z.array(ProtocolMeasureView),
  otherNotes: z.array(ProtocolPartView),
  actionPlanDue: IsoDate.nullable(),
  hasSecretAppendix: z.boolean(),
  factualReview: z.object({ replyBy: IsoDate, sentAt: z.string(), round: z.number().int() }).nullable(),
  comments: z.array(ProtocolComment),
  approved: z.object({ by: PersonRef, at: z.string() }).nullable(),
  corrects: z.string().nullable(),
  sent: z.array(ProtocolSentVersion),
});
export type ProtocolView = z.infer<typeof ProtocolView>;

export const ProtocolFactualReviewBody = z.object({
  /** The municipality's reply date; the national default (21 days) when left out. */
  replyBy: IsoDate.optional(),
});
export const ProtocolApproveBody = z.object({ version: z.number().int().min(1).optional() });
export const ProtocolSendBody = z.object({
  registrationNumber: text(1, 100, "diarienumret"),
  sentOn: IsoDate,
});
export const ProtocolCorrectionBody = z.object({ reason: text(1, 2000, "vad rättelsen rättar") });
export const ProtocolCommentBody = z.object({ text: text(1, 10_000, "synpunkten") });
export const ProtocolFileQuery = z.object({
  /** A sent version's number; the current one (the draft for the county) when left out. */
  version: z.coerce.number().int().min(1).max(1000).optional(),
});

export const ProtocolTemplate = z.object({
  intro: z.string(),
  closing: z.string(),
  /** 0 while the county uses the default texts. */
  version: z.number().int(),
  isDefault: z.boolean(),
});
export type ProtocolTemplate = z.infer<typeof ProtocolTemplate>;
export const ProtocolTemplateUpdate = z.object({
  intro: text(1, 5000, "inledningen"),
  closing: text(0, 3000, "avslutningen"),
  /** The version edited; 0 when starting from the default texts. */
  version: z.number().int().min(0),
});
