import type { DialogueEntry, DialogueFollowUpInput } from "@uppsikt/core";

/** Who owns a follow-up item in the form: the author (default), a user of the system, or a named person. */
export type OwnerChoice = { kind: "author" } | { kind: "user"; userId: string; name: string } | { kind: "name" };

export interface FollowUpDraft {
  /** Stable key for React; the item's id when it exists on the server. */
  key: string;
  id?: string;
  text: string;
  due: string;
  owner: OwnerChoice;
  /** The named person's name when `owner.kind === "name"`. */
  ownerName: string;
  done: boolean;
}

export interface EntryDraft {
  municipalities: string[];
  date: string;
  form: string;
  subjects: string[];
  fromMunicipality: string;
  fromCounty: string;
  notes: string;
  visibility: string;
  followUps: FollowUpDraft[];
  confidential: boolean;
  basis: string;
}

let counter = 0;
export const newKey = () => `new-${++counter}`;

export const emptyFollowUp = (due: string): FollowUpDraft => ({
  key: newKey(),
  text: "",
  due,
  owner: { kind: "author" },
  ownerName: "",
  done: false,
});

export function newDraft(code: string, today: string): EntryDraft {
  return {
    municipalities: [code],
    date: today,
    form: "meeting",
    subjects: [],
    fromMunicipality: "",
    fromCounty: "",
    notes: "",
    visibility: "shared",
    followUps: [],
    confidential: false,
    basis: "",
  };
}

/** The form's state for editing an entry the author can read in full. */
export function draftOf(entry: DialogueEntry, authorId: string): EntryDraft {
  return {
    municipalities: entry.municipalities.map((m) => m.code),
    date: entry.date,
    form: entry.form,
    subjects: [...entry.subjects],
    fromMunicipality: (entry.participants?.municipality ?? []).join("\n"),
    fromCounty: (entry.participants?.county ?? []).join("\n"),
    notes: entry.notes ?? "",
    visibility: entry.visibility,
    followUps: entry.followUps.map((f) => ({
      key: f.id,
      id: f.id,
      text: f.text ?? "",
      due: f.due,
      owner:
        f.owner.userId === null
          ? { kind: "name" }
          : f.owner.userId === authorId
            ? { kind: "author" }
            : { kind: "user", userId: f.owner.userId, name: f.owner.name },
      ownerName: f.owner.userId === null ? f.owner.name : "",
      done: f.done,
    })),
    confidential: entry.confidential !== null,
    basis: entry.confidential?.basis ?? "",
  };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The request body's fields (validated by the caller with the core schema). */
export function inputOf(draft: EntryDraft) {
  return {
    municipalities: draft.municipalities,
    date: draft.date,
    form: draft.form,
    subjects: draft.subjects,
    notes: draft.notes,
    participants: { municipality: lines(draft.fromMunicipality), county: lines(draft.fromCounty) },
    visibility: draft.visibility,
    followUps: draft.followUps.map((f): Record<keyof DialogueFollowUpInput, unknown> => ({
      id: f.id,
      text: f.text,
      due: f.due,
      owner:
        f.owner.kind === "user"
          ? { userId: f.owner.userId }
          : f.owner.kind === "name"
            ? { name: f.ownerName }
            : undefined,
    })),
    confidentialBasis: draft.confidential ? draft.basis : null,
  };
}

/** Contract paths whose field is a list of choices: a message on one of them (`subjects.1`) belongs to the list. */
const CHOICE_LISTS = new Set(["municipalities", "subjects"]);

/** The form's field for a contract path the names do not match (`participants.county`, `followUps.0.owner` …). */
export function entryFieldFor(path: string, values: EntryDraft): string | undefined {
  const [key, index, field] = path.split(".");
  if (CHOICE_LISTS.has(key ?? "")) return key;
  if (key === "participants") return index === "county" ? "fromCounty" : "fromMunicipality";
  if (key === "confidentialBasis") return "basis";
  if (key === "warnings") return "warningText";
  if (key === "followUps") {
    if (index === undefined || !field || field === "id") return "form";
    if (field === "owner")
      return values.followUps[Number(index)]?.owner.kind === "name"
        ? `followUps.${index}.ownerName`
        : `followUps.${index}.owner`;
    return `followUps.${index}.${field}`;
  }
  return undefined;
}
