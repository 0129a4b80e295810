import { earlyWarningsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";
import { warningsEn, warningsSv } from "./strings";

/** Early warnings (tidiga varningar, R2.3-2): shown on the Dialog tab and in the county's list, for the county only. */
export const earlyWarningsWebFeature = defineWebFeature({
  name: "early-warnings",
  strings: { sv: { warnings: warningsSv }, en: { warnings: warningsEn } },
  labels: labelsOf(earlyWarningsFeature, {
    sv: {
      actions: { "warnings.raise": "Tidig varning lyft", "warnings.resolve": "Tidig varning åtgärdad" },
      entities: { warning: "Tidig varning" },
    },
    en: {
      actions: { "warnings.raise": "Early warning raised", "warnings.resolve": "Early warning resolved" },
      entities: { warning: "Early warning" },
    },
  }),
});
