import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";
import { dialogueDemo } from "./demo.js";
import { dialogueFollowUpsSource } from "./watch.js";

/** The continuous dialogue with the municipalities (R2.3-1). */
export const dialogueFeature = defineServerFeature({
  name: "dialogue",
  register,
  watchSources: () => ({ dialogueFollowUp: dialogueFollowUpsSource }),
  demo: dialogueDemo,
});
