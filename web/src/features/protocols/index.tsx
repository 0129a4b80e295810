import { protocolsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";

/** The protocol after a visit (R2.7-7, R2.10-1): its audit labels; the protocol's section lives on the visit page. */
export const protocolsWebFeature = defineWebFeature({
  name: "protocols",
  labels: labelsOf(protocolsFeature, {
    sv: {
      actions: {
        "protocols.update": "Protokoll ändrat",
        "protocols.factualReview": "Protokoll skickat på sakgranskning",
        "protocols.comment": "Synpunkt på protokoll lämnad",
        "protocols.approve": "Protokoll godkänt",
        "protocols.send": "Protokoll skickat",
        "protocols.correct": "Rättelse av protokoll påbörjad",
      },
      entities: { visitProtocol: "Protokoll" },
    },
    en: {
      actions: {
        "protocols.update": "Protocol changed",
        "protocols.factualReview": "Protocol sent for factual review",
        "protocols.comment": "Comment on protocol given",
        "protocols.approve": "Protocol approved",
        "protocols.send": "Protocol sent",
        "protocols.correct": "Protocol correction started",
      },
      entities: { visitProtocol: "Protocol" },
    },
  }),
});
