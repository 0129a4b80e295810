import { defineServerFeature } from "../../platform/feature.js";
import { register } from "./routes.js";

/** Early warnings (R2.3-2). Their demo rows are raised with the dialogue's demo entries (see dialogue/demo.ts). */
export const earlyWarningsFeature = defineServerFeature({ name: "early-warnings", register });
