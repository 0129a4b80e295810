import { defineServerFeature } from "../../platform/feature.js";
import { annualCompilationsDemo } from "./demo.js";
import { register } from "./routes.js";
import { compilationForwardingSource } from "./watch-source.js";

/** The county's and the nation's compilations of the annual reports (R2.4-2, R1-6). */
export const annualCompilationsFeature = defineServerFeature({
  name: "annual-compilations",
  register,
  watchSources: () => ({ compilationForwarding: compilationForwardingSource }),
  demo: annualCompilationsDemo,
});
