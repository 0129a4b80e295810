import { economicReviewsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";
import { economicReviewsEn, economicReviewsSv } from "./strings";

/**
 * Economic reviews (R2.5-1, R2.5-4 … R2.5-6) and savings plans (R2.6-2): their strings and audit labels. Their
 * sections (`EconomicReviewsSection`, `SavingsPlanSection`) are rendered by the economy feature's Ekonomi tab.
 */
export const economicReviewsWebFeature = defineWebFeature({
  name: "economic-reviews",
  strings: { sv: { economicReviews: economicReviewsSv }, en: { economicReviews: economicReviewsEn } },
  labels: labelsOf(economicReviewsFeature, {
    sv: {
      actions: {
        "economicReviews.create": "Ekonomisk granskning registrerad",
        "economicReviews.update": "Ekonomisk granskning ändrad",
        "economicReviews.attach": "Bilaga till ekonomisk granskning tillagd",
        "economicReviews.visitReview": "Ekonomisk granskning vid besök angiven",
        "savingsPlans.create": "Plan för sparande inlämnad",
      },
      entities: {
        economicReview: "Ekonomisk granskning",
        economicReviewFile: "Bilaga till ekonomisk granskning",
        savingsPlan: "Plan för sparande",
      },
    },
    en: {
      actions: {
        "economicReviews.create": "Economic review recorded",
        "economicReviews.update": "Economic review changed",
        "economicReviews.attach": "Attachment added to an economic review",
        "economicReviews.visitReview": "Economic review at a visit set",
        "savingsPlans.create": "Savings plan submitted",
      },
      entities: {
        economicReview: "Economic review",
        economicReviewFile: "Attachment of an economic review",
        savingsPlan: "Savings plan",
      },
    },
  }),
});
