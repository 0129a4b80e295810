import { documentRequestsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";
import { requestsEn, requestsSv } from "./strings";

/** Document requests (begäran om underlag, R2.5-4): a section of the Dialog tab, answered by the municipality. */
export const documentRequestsWebFeature = defineWebFeature({
  name: "document-requests",
  strings: { sv: { documentRequests: requestsSv }, en: { documentRequests: requestsEn } },
  labels: labelsOf(documentRequestsFeature, {
    sv: {
      actions: {
        "documentRequests.create": "Begäran om underlag skickad",
        "documentRequests.answer": "Begäran om underlag besvarad",
        "documentRequests.close": "Begäran om underlag avslutad",
      },
      entities: {
        documentRequest: "Begäran om underlag",
        documentRequestAnswer: "Svar på begäran",
        documentRequestFile: "Fil i svar på begäran",
      },
    },
    en: {
      actions: {
        "documentRequests.create": "Request for documents sent",
        "documentRequests.answer": "Request for documents answered",
        "documentRequests.close": "Request for documents closed",
      },
      entities: {
        documentRequest: "Request for documents",
        documentRequestAnswer: "Answer to a request",
        documentRequestFile: "File in an answer to a request",
      },
    },
  }),
});
