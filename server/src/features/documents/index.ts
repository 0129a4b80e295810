import type { App, Deps } from "../../platform/http/types.js";
import { defineServerFeature } from "../../platform/feature.js";
import { documentsDemo } from "./demo.js";
import * as feedback from "./feedback-routes.js";
import * as matrixExport from "./matrix-export-routes.js";
import * as reviews from "./review-routes.js";
import * as rsaCheck from "./rsa-check-routes.js";
import * as documents from "./routes.js";
import { documentWatchSources } from "./watch-source.js";
import * as yearTwo from "./year-two-routes.js";

const ROUTES = [documents, feedback, yearTwo, matrixExport, reviews, rsaCheck];

/** Steering documents (R2.2): registration, review, feedback, year two, the matrix, the RSA check. */
export const documentsFeature = defineServerFeature({
  name: "documents",
  register(app: App, deps: Deps) {
    for (const routes of ROUTES) routes.register(app, deps);
  },
  watchSources: ({ config }) => documentWatchSources(config),
  demo: documentsDemo,
});
