import { defineServerFeature } from "../../platform/feature.js";
import { annualReportsDemo } from "./demo.js";
import { register } from "./routes.js";
import { annualReportDueSource, annualReportReturnedSource, annualReportReviewSource } from "./watch-source.js";

/** The municipalities' annual reports and the county's review (R2.4-2). */
export const annualReportsFeature = defineServerFeature({
  name: "annual-reports",
  register,
  watchSources: () => ({
    annualReportDue: annualReportDueSource,
    annualReportReturned: annualReportReturnedSource,
    annualReportReview: annualReportReviewSource,
  }),
  demo: annualReportsDemo,
});
