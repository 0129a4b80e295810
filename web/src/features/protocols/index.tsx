import { protocolsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";
import { lazyTab } from "../lazyTab";
import { protocolsEn, protocolsSv } from "./strings";

/** The protocol after a visit (R2.7-7, R2.10-1): its audit labels; the protocol's section lives on the visit page. */
export const protocolsWebFeature = defineWebFeature({
  name: "protocols",
  municipalityTabs: [
    {
      tab: "actions",
      permission: "actions.read",
      label: "protocols.actions.tab",
      component: lazyTab(() => import("./ActionsTab"), "ActionsTab"),
    },
  ],
  strings: { sv: { protocols: protocolsSv }, en: { protocols: protocolsEn } },
  labels: labelsOf(protocolsFeature, {
    sv: {
      actions: {
        "protocols.update": "Protokoll ändrat",
        "protocols.factualReview": "Protokoll skickat på sakgranskning",
        "protocols.comment": "Synpunkt på protokoll lämnad",
        "protocols.approve": "Protokoll godkänt",
        "protocols.send": "Protokoll skickat",
        "protocols.correct": "Rättelse av protokoll påbörjad",
        "protocols.updateTemplate": "Mall för protokoll ändrad",
        "actions.create": "Åtgärd tillagd",
        "actions.update": "Åtgärd ändrad",
        "actions.report": "Åtgärd rapporterad som genomförd",
      },
      entities: {
        visitProtocol: "Protokoll",
        protocolTemplate: "Mall för protokoll",
        action: "Åtgärd",
        actionFile: "Fil till åtgärd",
      },
    },
    en: {
      actions: {
        "protocols.update": "Protocol changed",
        "protocols.factualReview": "Protocol sent for factual review",
        "protocols.comment": "Comment on protocol given",
        "protocols.approve": "Protocol approved",
        "protocols.send": "Protocol sent",
        "protocols.correct": "Protocol correction started",
        "protocols.updateTemplate": "Protocol template changed",
        "actions.create": "Action added",
        "actions.update": "Action changed",
        "actions.report": "Action reported done",
      },
      entities: {
        visitProtocol: "Protocol",
        protocolTemplate: "Protocol template",
        action: "Action",
        actionFile: "File of an action",
      },
    },
  }),
});
