import { supportNeedsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";

/** Who needs support (R2.4-3, R2.2-6). */
export const supportNeedsWebFeature = defineWebFeature({
  name: "support-needs",
  labels: labelsOf(supportNeedsFeature, {
    sv: {
      actions: {},
      entities: {},
    },
    en: {
      actions: {},
      entities: {},
    },
  }),
});
