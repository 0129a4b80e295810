import { defineServerFeature } from "../../platform/feature.js";
import { documentRequestsDemo } from "./demo.js";
import { register } from "./routes.js";
import { documentRequestsSource } from "./watch-source.js";

/** Requests for further documents (R2.5-4). */
export const documentRequestsFeature = defineServerFeature({
  name: "document-requests",
  register,
  watchSources: () => ({ documentRequest: documentRequestsSource }),
  demo: documentRequestsDemo,
});
