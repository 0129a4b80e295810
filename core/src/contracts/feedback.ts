import { z } from "zod";
import { isValidIsoDate } from "../rules/calendar.js";
import { IsoDate, listOf, MunicipalityCode, plain } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";
import { DocumentTypeId } from "./documents.js";

/** Written feedback (återkoppling) on a document version, its letter, and what still waits for one (R2.3-3). */

/** A real calendar date: 2026-02-30 is refused here, not by the database. */
const CalendarDate = IsoDate.refine(isValidIsoDate, "Ogiltigt datum. Skriv datumet som ÅÅÅÅ-MM-DD.");
const optionalText = (max: number, message: string) =>
  plain()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * Create or replace (PUT) a draft: every field is written; an omitted `countyRegistrationNumber` or
 * `confidentialBasis` is stored as null (not confidential).
 */
export const FeedbackInput = z.object({
  body: plain().trim().min(1, "Skriv återkopplingen.").max(50_000, "Återkopplingen får vara högst 50 000 tecken."),
  /** Länsstyrelsens diarienummer, e.g. 450-1234-2026. */
  countyRegistrationNumber: optionalText(100, "Diarienumret får vara högst 100 tecken."),
  /** The OSL ground when the feedback is confidential; only cleared users read the body and the letter. */
  confidentialBasis: ConfidentialBasis.nullish().transform((v) => v ?? null),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

/** How the letter went out: by Uppsikt's e-mail to the municipality's coordinators, or another way (the default). */
export const FeedbackSendChannel = z.enum(["email", "other"], {
  message: "Välj hur brevet skickades: email (med e-post till kommunens beredskapssamordnare) eller other.",
});
export type FeedbackSendChannel = z.infer<typeof FeedbackSendChannel>;

/**
 * Marks the feedback sent on a date: not in the future, not before the version was received. With
 * `channel: "email"` Uppsikt mails the letter to the municipality's coordinators (as PDF, or only a link when the
 * letter has a confidential part); without it, or with "other", it was sent another way and no mail goes.
 */
export const FeedbackSentInput = z.object({ sentOn: CalendarDate, channel: FeedbackSendChannel.default("other") });
export type FeedbackSentInput = z.infer<typeof FeedbackSentInput>;

/**
 * An officer decides that no feedback will be sent on a version (issue 10.10): it leaves the watch list and the
 * "waited long" list, audited. It is not feedback sent: a rule that requires feedback sent still counts it missing.
 */
export const FeedbackWaiverInput = z.object({
  reason: plain()
    .trim()
    .min(1, "Skriv varför ingen återkoppling skickas.")
    .max(2000, "Skälet får vara högst 2000 tecken."),
});
export type FeedbackWaiverInput = z.infer<typeof FeedbackWaiverInput>;
export const FeedbackWaiver = z.object({
  id: z.string(),
  versionId: z.string(),
  reason: z.string(),
  decidedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});
export type FeedbackWaiver = z.infer<typeof FeedbackWaiver>;

export const FeedbackStatus = z.enum(["draft", "sent"]);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FeedbackView = z.object({
  id: z.string(),
  documentId: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  municipality: z.object({ code: MunicipalityCode, name: z.string() }),
  period: z.number().int(),
  type: DocumentTypeId,
  typeName: z.string(),
  /** null when the feedback is confidential and the reader has no clearance. */
  body: z.string().nullable(),
  countyRegistrationNumber: z.string().nullable(),
  confidential: ConfidentialMark.nullable(),
  status: FeedbackStatus,
  sentOn: IsoDate.nullable(),
  sentBy: PersonRef.nullable(),
  author: PersonRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where to download the letter; null when the reader may not (confidential without clearance). */
  letter: z.object({ docx: z.string(), pdf: z.string() }).nullable(),
});
export type FeedbackView = z.infer<typeof FeedbackView>;
export const FeedbackList = listOf(FeedbackView);

export const FeedbackParams = z.object({ id: z.string().uuid("Ogiltigt id.") });
export const FeedbackListQuery = z.object({ period: z.coerce.number().int().min(1900).max(2200).optional() });
export const LetterQuery = z.object({ format: z.enum(["docx", "pdf"]).default("pdf") });

/** Documents that have waited long for written feedback. */
export const AwaitingFeedbackQuery = z.object({
  /** More than this many days since received; default the server's FEEDBACK_WAIT_DAYS. */
  days: z.coerce.number().int().min(0).max(3650).optional(),
  /** Mandate period (first year); default the current one. */
  period: z.coerce.number().int().min(1900).max(2200).optional(),
});
export const AwaitingFeedbackItem = z.object({
  versionId: z.string(),
  documentId: z.string(),
  municipality: z.object({ code: MunicipalityCode, name: z.string() }),
  responsibleOfficer: PersonRef.nullable(),
  type: DocumentTypeId,
  typeName: z.string(),
  period: z.number().int(),
  versionNo: z.number().int(),
  receivedOn: IsoDate,
  /** Days from received to today. */
  daysWaited: z.number().int(),
  /** A draft exists but has not been sent. */
  hasDraft: z.boolean(),
  /**
   * Higher first. Always 0 for now; the visit plans will raise it where no visit is planned before the
   * period's last year (R2.3-3, R2.7-4).
   */
  priority: z.number().int(),
});
export type AwaitingFeedbackItem = z.infer<typeof AwaitingFeedbackItem>;
export const AwaitingFeedbackList = z.object({
  period: z.number().int(),
  days: z.number().int(),
  /** The rule applied, shown to the user. */
  rule: z.string(),
  items: z.array(AwaitingFeedbackItem),
  total: z.number().int(),
});

/** A recorded reason and agreed date for a document missing from the period's second year (R2.2-4). */
export const FollowUpView = z.object({
  municipality: MunicipalityCode,
  period: z.number().int(),
  type: DocumentTypeId,
  reason: z.string(),
  agreedDate: IsoDate,
  overdue: z.boolean(),
  recordedBy: PersonRef,
  updatedAt: z.string(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;
