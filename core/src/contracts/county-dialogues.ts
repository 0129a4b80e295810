import { z } from "zod";
import { CountyCode, IsoDate, plain } from "./common.js";
import { PersonRef } from "./confidentiality.js";
import { DialogueForm } from "./dialogue.js";
import { Uuid, text } from "./fields.js";

/*
 * The agency's follow-up dialogues with the counties (R1-7): date, participants, subjects, conclusions and
 * follow-up items with due dates. The county's users read the entries about their county.
 */

export const CountyDialogueFollowUpInput = z
  .object({
    text: text(3, 1000, "uppföljningspunkten"),
    dueOn: IsoDate,
    /** The agency officer responsible; default: the one who writes the entry. */
    ownerId: Uuid.nullable().default(null),
  })
  .strict();

export const CountyDialogueCreate = z
  .object({
    county: CountyCode,
    heldOn: IsoDate,
    form: DialogueForm,
    participants: z
      .array(text(2, 200, "deltagaren"))
      .min(1, "Ange minst en deltagare.")
      .max(50),
    subjects: z
      .array(text(2, 200, "ämnet"))
      .min(1, "Ange minst ett ämne.")
      .max(30),
    conclusions: text(0, 20_000, "slutsatserna").default(""),
    followUps: z.array(CountyDialogueFollowUpInput).max(30).default([]),
  })
  .strict();
export type CountyDialogueCreate = z.infer<typeof CountyDialogueCreate>;

export const CountyDialogueFollowUp = z.object({
  id: z.string(),
  text: z.string(),
  dueOn: IsoDate,
  owner: PersonRef.nullable(),
  doneAt: z.string().nullable(),
  doneBy: PersonRef.nullable(),
});
export const CountyDialogue = z.object({
  id: z.string(),
  county: z.object({ code: CountyCode, name: z.string() }),
  heldOn: IsoDate,
  form: DialogueForm,
  participants: z.array(z.string()),
  subjects: z.array(z.string()),
  conclusions: z.string(),
  followUps: z.array(CountyDialogueFollowUp),
  createdAt: z.string(),
  createdBy: PersonRef.nullable(),
});
export type CountyDialogue = z.infer<typeof CountyDialogue>;
export const CountyDialogueList = z.object({ items: z.array(CountyDialogue) });
export const CountyDialogueFollowUpParams = z.object({ id: Uuid });
export const CountyDialogueFollowUpDone = z.object({ note: plain().max(2000).default("") }).strict();
