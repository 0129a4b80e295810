import { visitsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";

/**
 * Formal follow-up visits (R2.7): the labels of the log so far; the visit plan and visit pages follow (issue 11).
 */
export const visitsWebFeature = defineWebFeature({
  name: "visits",
  labels: labelsOf(visitsFeature, {
    sv: {
      actions: {
        "visitPlans.update": "Besöksplanens inställningar ändrade",
        "visitPlans.propose": "Besöksplan föreslagen",
        "visitPlans.publish": "Besöksplan publicerad",
        "visitPlans.updateTemplate": "Mall för informationsbrev ändrad",
        "visits.create": "Besök planerat",
        "visits.update": "Besök ändrat",
        "visits.selectCriteria": "Besökets kriterier valda",
        "visits.assess": "Besök bedömt",
      },
      entities: {
        visitPlan: "Besöksplan",
        visit: "Uppföljningsbesök",
        visitLetterTemplate: "Mall för informationsbrev",
      },
    },
    en: {
      actions: {
        "visitPlans.update": "Visit plan settings changed",
        "visitPlans.propose": "Visit plan proposed",
        "visitPlans.publish": "Visit plan published",
        "visitPlans.updateTemplate": "Information letter template changed",
        "visits.create": "Visit planned",
        "visits.update": "Visit changed",
        "visits.selectCriteria": "Visit criteria selected",
        "visits.assess": "Visit assessed",
      },
      entities: {
        visitPlan: "Visit plan",
        visit: "Follow-up visit",
        visitLetterTemplate: "Information letter template",
      },
    },
  }),
});
