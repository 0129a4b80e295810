import { IconMessageSearch } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { dialogueFeature } from "@uppsikt/core";
import { parseDialogueSearchSearch } from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage } from "../feature";
import { lazyTab } from "../lazyTab";
import { dialogueEn, dialogueSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/sok-dialog",
      validateSearch: parseDialogueSearchSearch,
      component: lazyPage(() => import("./DialogueSearchPage"), "DialogueSearchPage"),
    }),
  ] as const;

/** The continuous dialogue between the county and a municipality (R2.3-1): the Dialog tab and the county's search. */
export const dialogueWebFeature = defineWebFeature({
  name: "dialogue",
  routes,
  menu: [
    {
      key: "dialogueSearch",
      group: "main",
      order: 30,
      permission: "dialogue.search",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconMessageSearch,
      label: "dialogue.search.nav",
      to: "/lan/$code/sok-dialog",
      code: (me) => me.county,
      match: (p, me) => p === `/lan/${me.county}/sok-dialog`,
    },
  ],
  municipalityTabs: [
    {
      tab: "dialogue",
      permission: "dialogue.read",
      label: "municipality.tabs.dialogue",
      component: lazyTab(() => import("./DialogueTab"), "DialogueTab"),
    },
  ],
  strings: { sv: { dialogue: dialogueSv }, en: { dialogue: dialogueEn } },
  labels: labelsOf(dialogueFeature, {
    sv: {
      actions: {
        "dialogue.create": "Dialogpost skapad",
        "dialogue.update": "Dialogpost ändrad",
        "dialogue.followUpDone": "Uppföljningspunkt klar",
      },
      entities: { dialogueEntry: "Dialogpost", dialogueFollowUp: "Uppföljningspunkt", dialogue: "Dialog" },
    },
    en: {
      actions: {
        "dialogue.create": "Dialogue entry created",
        "dialogue.update": "Dialogue entry changed",
        "dialogue.followUpDone": "Follow-up item done",
      },
      entities: { dialogueEntry: "Dialogue entry", dialogueFollowUp: "Follow-up item", dialogue: "Dialogue" },
    },
  }),
});
