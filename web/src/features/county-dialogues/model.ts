import { compareSwedish, type CountyDialogue, type DialogueForm } from "@uppsikt/core";

/** Pure helpers of the county dialogues (form values, order); no React, so they are unit tested. */

export interface FollowUpValues {
  text: string;
  dueOn: string;
}

export interface DialogueValues extends Record<string, unknown> {
  heldOn: string;
  form: DialogueForm;
  participants: string[];
  subjects: string[];
  conclusions: string;
  followUps: FollowUpValues[];
}

export const emptyFollowUp = (): FollowUpValues => ({ text: "", dueOn: "" });

export const dialogueFormValues = (today: string): DialogueValues => ({
  heldOn: today,
  form: "meeting",
  participants: [],
  subjects: [],
  conclusions: "",
  followUps: [],
});

/** The contract's input: texts trimmed, empty follow-up rows (neither text nor date) left out. */
export function dialogueInput(county: string, v: DialogueValues) {
  return {
    county,
    heldOn: v.heldOn,
    form: v.form,
    participants: v.participants.map((p) => p.trim()).filter(Boolean),
    subjects: v.subjects.map((s) => s.trim()).filter(Boolean),
    conclusions: v.conclusions.trim(),
    followUps: v.followUps
      .filter((f) => f.text.trim() || f.dueOn)
      .map((f) => ({ text: f.text.trim(), dueOn: f.dueOn, ownerId: null })),
  };
}

/** Newest first by the day held, then by when written. */
export const newestFirst = (items: readonly CountyDialogue[]): CountyDialogue[] =>
  [...items].sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt));

/** Open follow-ups first by due date, then the done ones. */
export const followUpOrder = (items: CountyDialogue["followUps"]): CountyDialogue["followUps"] =>
  [...items].sort(
    (a, b) =>
      Number(a.doneAt !== null) - Number(b.doneAt !== null) ||
      a.dueOn.localeCompare(b.dueOn) ||
      compareSwedish(a.text, b.text),
  );

/** A follow-up item is overdue when open and its due day has passed. */
export const isOverdue = (f: { doneAt: string | null; dueOn: string }, today: string) =>
  f.doneAt === null && f.dueOn < today;
