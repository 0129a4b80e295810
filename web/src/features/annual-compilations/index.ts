import { annualCompilationsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";

/** The county's and the nation's compilations (R2.4-2, R1-6). */
export const annualCompilationsWebFeature = defineWebFeature({
  name: "annual-compilations",
  labels: labelsOf(annualCompilationsFeature, {
    sv: {
      actions: {
        "annualCompilations.update": "Länets bedömning ändrad",
        "annualCompilations.forward": "Länets sammanställning lämnad till MCF",
      },
      entities: {
        annualCompilation: "Länets sammanställning av årsuppföljningen",
      },
    },
    en: {
      actions: {
        "annualCompilations.update": "The county's assessment changed",
        "annualCompilations.forward": "The county's compilation forwarded to the agency",
      },
      entities: {
        annualCompilation: "The county's compilation of the annual follow-up",
      },
    },
  }),
});
