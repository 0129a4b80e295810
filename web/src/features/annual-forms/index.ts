import { annualFormsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";

/** The agency's yearly form (R2.4-1). */
export const annualFormsWebFeature = defineWebFeature({
  name: "annual-forms",
  labels: labelsOf(annualFormsFeature, {
    sv: {
      actions: {
        "annualForms.create": "Blankett för årsuppföljning skapad",
        "annualForms.update": "Blankett för årsuppföljning ändrad",
        "annualForms.publish": "Blankett för årsuppföljning publicerad",
        "annualForms.import": "Blankett för årsuppföljning importerad",
      },
      entities: {
        annualForm: "Blankett för årsuppföljning",
      },
    },
    en: {
      actions: {
        "annualForms.create": "Annual follow-up form created",
        "annualForms.update": "Annual follow-up form changed",
        "annualForms.publish": "Annual follow-up form published",
        "annualForms.import": "Annual follow-up form imported",
      },
      entities: {
        annualForm: "Annual follow-up form",
      },
    },
  }),
});
