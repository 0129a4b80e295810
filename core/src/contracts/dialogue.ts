import { z } from "zod";
import { CountyCode, IsoDate, MunicipalityCode, Pagination, listOf } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";

/*
 * The continuous dialogue with the municipalities (R2.3-1), early warnings (R2.3-2) and requests for further
 * documents (R2.5-4).
 */

const MunicipalityRef = z.object({ code: MunicipalityCode, name: z.string() });
const Uuid = z.string().uuid("Ogiltigt id.");
const text = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, min <= 1 ? `Skriv ${what}.` : `${what[0]!.toUpperCase()}${what.slice(1)} ska vara minst ${min} tecken.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} får vara högst ${max} tecken.`);

// ---------------------------------------------------------------------------------------------------------------
// National lists

export const DIALOGUE_FORMS = ["phone", "meeting", "videoMeeting", "email", "networkMeeting"] as const;
export const DialogueForm = z.enum(DIALOGUE_FORMS);
export type DialogueForm = z.infer<typeof DialogueForm>;
export const DIALOGUE_FORM_LABELS: Record<DialogueForm, string> = {
  phone: "Telefon",
  meeting: "Möte",
  videoMeeting: "Videomöte",
  email: "E-post",
  networkMeeting: "Nätverksmöte",
};

/** The national list of dialogue subjects; identifiers in the API, Swedish labels in the UI and exports. */
export const DIALOGUE_SUBJECTS = [
  "rsa",
  "planning",
  "geographicResponsibility",
  "trainingAndExercises",
  "economy",
  "savings",
  "civilDefence",
  "other",
] as const;
export const DialogueSubject = z.enum(DIALOGUE_SUBJECTS);
export type DialogueSubject = z.infer<typeof DialogueSubject>;
export const DIALOGUE_SUBJECT_LABELS: Record<DialogueSubject, string> = {
  rsa: "RSA",
  planning: "Planering",
  geographicResponsibility: "Geografiskt områdesansvar",
  trainingAndExercises: "Utbildning och övning",
  economy: "Ekonomi",
  savings: "Sparande",
  civilDefence: "Civilt försvar",
  other: "Övrigt",
};

/** `shared`: the county and the municipalities' users; `countyInternal`: the county only. */
export const DialogueVisibility = z.enum(["shared", "countyInternal"]);
export type DialogueVisibility = z.infer<typeof DialogueVisibility>;
export const DIALOGUE_VISIBILITY_LABELS: Record<DialogueVisibility, string> = {
  shared: "Delad med kommunen",
  countyInternal: "Länsstyrelseintern",
};

export const EARLY_WARNING_KINDS = ["wrongfulUse", "largeSavings", "other"] as const;
export const EarlyWarningKind = z.enum(EARLY_WARNING_KINDS);
export type EarlyWarningKind = z.infer<typeof EarlyWarningKind>;
export const EARLY_WARNING_KIND_LABELS: Record<EarlyWarningKind, string> = {
  wrongfulUse: "Ersättningen kan ha använts felaktigt",
  largeSavings: "Sparandet växer sig stort",
  other: "Annan farhåga",
};

// ---------------------------------------------------------------------------------------------------------------
// Dialogue entries

/** A follow-up item's owner: a user of the system, or a named person outside it. Default: the author. */
export const DialogueFollowUpOwnerInput = z.union([
  z.object({ userId: Uuid }),
  z.object({ name: text(1, 200, "namnet på den ansvariga") }),
]);
export type DialogueFollowUpOwnerInput = z.infer<typeof DialogueFollowUpOwnerInput>;

export const DialogueFollowUpInput = z.object({
  /** On an edit: the existing item this is (its done state is kept). Omitted: a new item. */
  id: Uuid.optional(),
  text: text(1, 2000, "vad som ska följas upp"),
  due: IsoDate,
  /** Omitted: the author (also on an edit: send the owner back to keep it). */
  owner: DialogueFollowUpOwnerInput.optional(),
});
export type DialogueFollowUpInput = z.infer<typeof DialogueFollowUpInput>;

const names = z.array(text(1, 200, "deltagarens namn")).max(50, "Högst 50 deltagare per part.");
export const DialogueParticipants = z.object({
  municipality: names.default([]),
  county: names.default([]),
});
export type DialogueParticipants = z.infer<typeof DialogueParticipants>;

export const EarlyWarningInput = z.object({
  kind: EarlyWarningKind,
  description: text(3, 2000, "beskrivningen av varningen"),
});

/** Raised with an entry: one warning per municipality (by default every municipality of the entry). */
export const EntryEarlyWarningInput = EarlyWarningInput.extend({
  municipalities: z.array(MunicipalityCode).min(1).max(60).optional(),
});

const uniqueCodes = (codes: string[]) => new Set(codes).size === codes.length;

const entryFields = {
  municipalities: z
    .array(MunicipalityCode)
    .min(1, "Ange minst en kommun.")
    .max(60, "Högst 60 kommuner per anteckning.")
    .refine(uniqueCodes, "Samma kommun finns med två gånger."),
  /** The day of the contact: not in the future. */
  date: IsoDate,
  form: DialogueForm,
  subjects: z
    .array(DialogueSubject)
    .min(1, "Välj minst ett ämne.")
    .max(DIALOGUE_SUBJECTS.length)
    .refine((s) => new Set(s).size === s.length, "Samma ämne finns med två gånger."),
  notes: z.string().trim().max(20_000, "Anteckningarna får vara högst 20 000 tecken.").default(""),
  participants: DialogueParticipants.default({ municipality: [], county: [] }),
  visibility: DialogueVisibility.default("shared"),
  followUps: z.array(DialogueFollowUpInput).max(50, "Högst 50 uppföljningspunkter per anteckning.").default([]),
  /** The OSL ground when the notes, participants and follow-up texts are confidential. */
  confidentialBasis: ConfidentialBasis.nullish().transform((v) => v ?? null),
};

export const DialogueEntryCreate = z.object({
  ...entryFields,
  warnings: z.array(EntryEarlyWarningInput).max(10).default([]),
});
export type DialogueEntryCreate = z.infer<typeof DialogueEntryCreate>;

/** An edit by the author replaces the entry; the earlier version is kept. */
export const DialogueEntryUpdate = z.object({
  ...entryFields,
  /** The version being edited; when given and no longer current, 409 (someone edited in between). */
  version: z.number().int().min(1).optional(),
});
export type DialogueEntryUpdate = z.infer<typeof DialogueEntryUpdate>;

export const DialogueFollowUpOwner = z.object({
  /** null: a named person outside the system. */
  userId: z.string().nullable(),
  name: z.string(),
});

export const DialogueFollowUp = z.object({
  id: z.string(),
  entryId: z.string(),
  /** null when the entry is confidential and the reader has no clearance. */
  text: z.string().nullable(),
  due: IsoDate,
  owner: DialogueFollowUpOwner,
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: PersonRef.nullable(),
  /** Not done and past its due date (the due date itself is in time). */
  overdue: z.boolean(),
});
export type DialogueFollowUp = z.infer<typeof DialogueFollowUp>;

export const EarlyWarning = z.object({
  id: z.string(),
  municipality: MunicipalityRef,
  kind: EarlyWarningKind,
  /** null when raised from a confidential entry and the reader has no clearance for the municipality. */
  description: z.string().nullable(),
  confidential: ConfidentialMark.nullable(),
  entryId: z.string().nullable(),
  entryDate: IsoDate.nullable(),
  raisedBy: PersonRef,
  raisedAt: z.string(),
  open: z.boolean(),
  resolvedBy: PersonRef.nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export type EarlyWarning = z.infer<typeof EarlyWarning>;
export const EarlyWarningList = listOf(EarlyWarning);

export const DialogueEntry = z.object({
  id: z.string(),
  county: CountyCode,
  municipalities: z.array(MunicipalityRef),
  date: IsoDate,
  form: DialogueForm,
  subjects: z.array(DialogueSubject),
  /** null when confidential and the reader has no clearance (for every municipality of the entry). */
  notes: z.string().nullable(),
  participants: z.object({ municipality: z.array(z.string()), county: z.array(z.string()) }).nullable(),
  visibility: DialogueVisibility,
  /** Who may read it: users cleared for every municipality of the entry. */
  confidential: ConfidentialMark.nullable(),
  author: PersonRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The current version; earlier ones are in the entry's detail. */
  version: z.number().int(),
  followUps: z.array(DialogueFollowUp),
  /** Warnings raised from the entry: only for the county (absent for the municipality's users). */
  warnings: z.array(EarlyWarning).optional(),
});
export type DialogueEntry = z.infer<typeof DialogueEntry>;
export const DialogueEntryList = listOf(DialogueEntry);

/** An earlier version of an entry, as it was written. */
export const DialogueEntryVersion = z.object({
  version: z.number().int(),
  date: IsoDate,
  form: DialogueForm,
  subjects: z.array(DialogueSubject),
  notes: z.string().nullable(),
  participants: z.object({ municipality: z.array(z.string()), county: z.array(z.string()) }).nullable(),
  visibility: DialogueVisibility,
  municipalities: z.array(MunicipalityRef),
  followUps: z.array(
    z.object({ text: z.string().nullable(), due: IsoDate, owner: DialogueFollowUpOwner, done: z.boolean() }),
  ),
  confidential: ConfidentialMark.nullable(),
  /** Who wrote this version and when. */
  editedBy: PersonRef,
  editedAt: z.string(),
});
export type DialogueEntryVersion = z.infer<typeof DialogueEntryVersion>;

export const DialogueEntryDetail = DialogueEntry.extend({
  /** Earlier versions, newest first. */
  versions: z.array(DialogueEntryVersion),
});
export type DialogueEntryDetail = z.infer<typeof DialogueEntryDetail>;

export const DialogueEntryParams = z.object({ id: Uuid });
export const DialogueFollowUpParams = z.object({ id: Uuid });

export const DialogueListQuery = Pagination.extend({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  subject: DialogueSubject.optional(),
});
export type DialogueListQuery = z.infer<typeof DialogueListQuery>;
export const DialogueExportQuery = DialogueListQuery.omit({ limit: true, offset: true });

export const DialogueSearchQuery = z.object({
  q: z.string().trim().min(2, "Sök på minst två tecken.").max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const DialogueSearchHit = DialogueEntry.extend({
  /** The notes around the hit, hits between «»; null when the hit was not in readable notes. */
  excerpt: z.string().nullable(),
});
export const DialogueSearchResult = listOf(DialogueSearchHit);

// ---------------------------------------------------------------------------------------------------------------
// Early warnings

export const EarlyWarningCreate = EarlyWarningInput.extend({
  /** The dialogue entry the warning comes from; it must concern the municipality. */
  entryId: Uuid.optional(),
});
export type EarlyWarningCreate = z.infer<typeof EarlyWarningCreate>;
export const EarlyWarningParams = z.object({ id: Uuid });
export const EarlyWarningListQuery = z.object({
  /** true: open only; false: resolved only; absent: all. */
  open: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
});
export const EarlyWarningResolve = z.object({ note: text(3, 2000, "anteckningen om hur varningen lösts") });
export const EarlyWarningSummary = z.object({
  items: z.array(z.object({ municipality: MunicipalityRef, open: z.number().int() })),
});

// ---------------------------------------------------------------------------------------------------------------
// Document requests

export const DocumentRequestStatus = z.enum(["open", "answered", "overdue", "closed"]);
export type DocumentRequestStatus = z.infer<typeof DocumentRequestStatus>;
export const DOCUMENT_REQUEST_STATUS_LABELS: Record<DocumentRequestStatus, string> = {
  open: "Väntar på svar",
  answered: "Besvarad",
  overdue: "Försenad",
  closed: "Avslutad",
};

/** The rule lives in core's rules (document-requests); re-exported here so that importers keep compiling. */
export { documentRequestStatus } from "../rules/document-requests.js";

export const DocumentRequestCreate = z.object({
  subject: text(3, 200, "rubriken"),
  message: text(1, 10_000, "vad kommunen ska skicka in"),
  /** Reply by this day: today or later. */
  replyBy: IsoDate,
  /** The OSL ground when the subject and message are confidential. */
  confidentialBasis: ConfidentialBasis.nullish().transform((v) => v ?? null),
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
});
export type DocumentRequest = z.infer<typeof DocumentRequest>;
export const DocumentRequestList = listOf(DocumentRequest);
export const DocumentRequestParams = z.object({ id: Uuid });
export const DocumentRequestListQuery = z.object({ status: DocumentRequestStatus.optional() });

// ---------------------------------------------------------------------------------------------------------------
// Who can own a follow-up item

export const FollowUpOwnerQuery = z.object({
  /** Comma-separated municipality codes of the entry; their users are offered when the entry is shared. */
  municipalities: z
    .string()
    .max(60 * 5, "Högst 60 kommuner.")
    .optional()
    .transform((v) => (v ? [...new Set(v.split(",").map((c) => c.trim()))].filter(Boolean) : []))
    .pipe(z.array(MunicipalityCode).max(60, "Högst 60 kommuner.")),
});
export const FollowUpOwnerCandidate = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(["county", "municipality"]),
  /** The municipality of a municipal user; null for the county's officers. */
  municipality: MunicipalityRef.nullable(),
});
export type FollowUpOwnerCandidate = z.infer<typeof FollowUpOwnerCandidate>;
export const FollowUpOwnerCandidates = z.object({ items: z.array(FollowUpOwnerCandidate) });
