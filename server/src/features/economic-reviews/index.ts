import { defineServerFeature } from "../../platform/feature.js";
import { economicReviewsDemo } from "./demo.js";
import { register } from "./routes.js";
import { savingsPlanOwedSource } from "./watch-source.js";

/** Economic reviews of the municipalities (R2.5-1, R2.5-4 … R2.5-6) and their savings plans (R2.6-2). */
export const economicReviewsFeature = defineServerFeature({
  name: "economic-reviews",
  register,
  watchSources: () => ({ savingsPlanOwed: savingsPlanOwedSource }),
  demo: economicReviewsDemo,
});
