import { countyDialoguesFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";

/** The agency's dialogues with the counties (R1-7). */
export const countyDialoguesWebFeature = defineWebFeature({
  name: "county-dialogues",
  labels: labelsOf(countyDialoguesFeature, {
    sv: {
      actions: {
        "countyDialogues.create": "Dialog med län registrerad",
        "countyDialogues.followUpDone": "Uppföljningspunkt från dialog med län klar",
      },
      entities: {
        countyDialogue: "Dialog med län",
        countyDialogueFollowUp: "Uppföljningspunkt från dialog med län",
      },
    },
    en: {
      actions: {
        "countyDialogues.create": "County dialogue recorded",
        "countyDialogues.followUpDone": "County dialogue follow-up item done",
      },
      entities: {
        countyDialogue: "County dialogue",
        countyDialogueFollowUp: "County dialogue follow-up item",
      },
    },
  }),
});
