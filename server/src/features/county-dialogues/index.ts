import { defineServerFeature } from "../../platform/feature.js";
import { countyDialoguesDemo } from "./demo.js";
import { register } from "./routes.js";
import { countyDialogueFollowUpSource } from "./watch-source.js";

/** The agency's follow-up dialogues with the counties (R1-7). */
export const countyDialoguesFeature = defineServerFeature({
  name: "county-dialogues",
  register,
  watchSources: () => ({ countyDialogueFollowUp: countyDialogueFollowUpSource }),
  demo: countyDialoguesDemo,
});
