import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** The watch list (bevakning, R1-3), hand-over, reminder preferences and the calendar feed. Other features bring the dates. */
export const watchFeature = defineServerFeature({ name: "watch", register });
