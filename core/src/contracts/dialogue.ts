import { z } from "zod";
import { CountyCode, IsoDate, listOf, MunicipalityCode, Pagination, plain } from "./common.js";
import { ConfidentialBasis, ConfidentialMark, PersonRef } from "./confidentiality.js";
import { EarlyWarning, EntryEarlyWarningInput } from "./early-warnings.js";
import { MunicipalityRef, Uuid, text } from "./fields.js";

/*
 * The continuous dialogue with the municipalities (R2.3-1). Early warnings (R2.3-2) are in `early-warnings.ts`,
 * requests for further documents (R2.5-4) in `document-requests.ts`.
 */

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
  notes: plain().trim().max(20_000, "Anteckningarna får vara högst 20 000 tecken.").default(""),
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
  /** The version being edited (required): when it is no longer current, 409 with the current one. */
  version: z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? "Ange vilken version av anteckningen du ändrar (version)."
          : "Versionen ska vara ett heltal.",
    })
    .int("Versionen ska vara ett heltal.")
    .min(1, "Versionen ska vara minst 1."),
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
  q: plain().trim().min(2, "Sök på minst två tecken.").max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const DialogueSearchHit = DialogueEntry.extend({
  /** The notes around the hit, hits between «»; null when the hit was not in readable notes. */
  excerpt: z.string().nullable(),
});
export const DialogueSearchResult = listOf(DialogueSearchHit);

// ---------------------------------------------------------------------------------------------------------------
// Who can own a follow-up item

export const FollowUpOwnerQuery = z.object({
  /** Comma-separated municipality codes of the entry; their users are offered when the entry is shared. */
  municipalities: plain()
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
