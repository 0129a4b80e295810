import { z } from "zod";
import { IsoDate, listOf } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";

/* Requests for further documents (R2.5-4): the county asks, the municipality answers with files. */

export const DocumentRequestStatus = z.enum(["open", "answered", "overdue", "closed"]);
export type DocumentRequestStatus = z.infer<typeof DocumentRequestStatus>;
export const DOCUMENT_REQUEST_STATUS_LABELS: Record<DocumentRequestStatus, string> = {
  open: "Väntar på svar",
  answered: "Besvarad",
  overdue: "Försenad",
  closed: "Avslutad",
};

/** Closed once the county closes it; answered once answered; overdue when unanswered after the reply date. */
/** The rule lives in core's rules (document-requests); re-exported here so that importers keep compiling. */
export { documentRequestStatus } from "../rules/document-requests.js";

export const DocumentRequestCreate = z.object({
  subject: text(3, 200, "rubriken"),
  message: text(1, 10_000, "vad kommunen ska skicka in"),
  /** Reply by this day: today or later. */
  replyBy: IsoDate,
  /** The OSL ground when the subject and message are confidential. */
  confidentialBasis: ConfidentialBasis.nullish().transform((v) => v ?? null),
  /** The agency's reduction case the request belongs to (R3.3-1): required of the agency, never of the county. */
  reductionCase: Uuid.nullish().transform((v) => v ?? null),
});
export type DocumentRequestCreate = z.infer<typeof DocumentRequestCreate>;

/** The text fields of an answer (multipart); the files come as parts named `file`. */
export const DocumentRequestAnswerFields = z.object({
  message: text(1, 10_000, "ett meddelande"),
  /** The OSL ground of the message and files; a confidential request's answer inherits the request's. */
  confidentialBasis: ConfidentialBasis.optional(),
});
export type DocumentRequestAnswerFields = z.infer<typeof DocumentRequestAnswerFields>;

export const DocumentRequestFile = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  confidential: ConfidentialMark.nullable(),
  downloadUrl: z.string(),
});
export const DocumentRequestAnswer = z.object({
  id: z.string(),
  message: z.string().nullable(),
  confidential: ConfidentialMark.nullable(),
  answeredBy: PersonRef,
  answeredAt: z.string(),
  files: z.array(DocumentRequestFile),
});
export const DocumentRequest = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  /** Subject and message are null when confidential and the reader has no clearance. */
  subject: z.string().nullable(),
  message: z.string().nullable(),
  replyBy: IsoDate,
  status: DocumentRequestStatus,
  confidential: ConfidentialMark.nullable(),
  requestedBy: PersonRef,
  requestedAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Who at the county closed it; null while open (and for requests closed before this was recorded). */
  closedBy: PersonRef.nullable(),
  answers: z.array(DocumentRequestAnswer),
  /** The agency's reduction case it belongs to; null for the county's requests. */
  reductionCase: z.object({ id: z.string() }).nullable(),
});
export type DocumentRequest = z.infer<typeof DocumentRequest>;
export const DocumentRequestList = listOf(DocumentRequest);
export const DocumentRequestParams = z.object({ id: Uuid });
export const DocumentRequestListQuery = z.object({ status: DocumentRequestStatus.optional() });
