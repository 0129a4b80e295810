import { statementsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";
import { statementsEn, statementsSv } from "./strings";

/** The county's statements to the agency, their grounds and preconditions, and the chances to correct (R3.1, R3.2). */
export const statementsWebFeature = defineWebFeature({
  name: "statements",
  strings: { sv: { statements: statementsSv }, en: { statements: statementsEn } },
  labels: labelsOf(statementsFeature, {
    sv: {
      actions: {
        "statements.create": "Yttrande till MCF påbörjat",
        "statements.update": "Yttrande till MCF ändrat",
        "statements.approve": "Yttrande till MCF godkänt",
        "statements.send": "Yttrande skickat till MCF",
        "correctionOpportunities.create": "Möjlighet att rätta given",
        "correctionOpportunities.answer": "Svar på möjlighet att rätta",
        "savingsNotices.create": "Kommunen meddelade sparande den inte kan använda",
      },
      entities: {
        statement: "Yttrande till MCF",
        correctionOpportunity: "Möjlighet att rätta",
        savingsNotice: "Meddelande om sparande",
      },
    },
    en: {
      actions: {
        "statements.create": "Statement to the agency started",
        "statements.update": "Statement to the agency changed",
        "statements.approve": "Statement to the agency approved",
        "statements.send": "Statement sent to the agency",
        "correctionOpportunities.create": "Chance to correct given",
        "correctionOpportunities.answer": "Answer to a chance to correct",
        "savingsNotices.create": "The municipality reported savings it cannot use",
      },
      entities: {
        statement: "Statement to the agency",
        correctionOpportunity: "Chance to correct",
        savingsNotice: "Notice of savings",
      },
    },
  }),
});
