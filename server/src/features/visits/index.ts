import { defineServerFeature } from "../../platform/feature.js";
import { visitsDemo } from "./demo.js";
import { register } from "./routes.js";
import { feedbackBeforeVisitSource, plannedVisitsSource } from "./watch-source.js";

/** Formal follow-up visits: the visit plan, the visits, their criteria and assessment (R2.7, R2.8-1). */
export const visitsFeature = defineServerFeature({
  name: "visits",
  register,
  watchSources: () => ({ visit: plannedVisitsSource, feedbackBeforeVisit: feedbackBeforeVisitSource }),
  demo: visitsDemo,
});
