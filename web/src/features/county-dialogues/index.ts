import { IconMessages } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { countyDialoguesFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage, noSearch } from "../feature";
import { countyDialoguesEn, countyDialoguesSv } from "./strings";

const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/dialoger-mcf",
      validateSearch: noSearch,
      component: lazyPage(() => import("./CountyDialoguesPage"), "CountyDialoguesPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/dialoger-med-lan",
      validateSearch: noSearch,
      component: lazyPage(() => import("./OverviewPage"), "CountyDialoguesOverviewPage"),
    }),
  ] as const;

/** The agency's dialogues with the counties (R1-7). */
export const countyDialoguesWebFeature = defineWebFeature({
  name: "county-dialogues",
  routes,
  menu: [
    {
      key: "countyDialoguesOverview",
      group: "main",
      order: 29,
      permission: "countyDialogues.write",
      when: (me) => me.role === "agency",
      icon: IconMessages,
      label: "countyDialogues.overview.nav",
      to: "/dialoger-med-lan",
      match: (p) => p.startsWith("/dialoger-med-lan") || p.endsWith("/dialoger-mcf"),
    },
  ],
  countyNav: [
    {
      key: "countyDialogues",
      order: 59,
      permission: "countyDialogues.read",
      // The agency talks with every county; a county reads the entries about itself only.
      whenCounty: (me, county) => me.role === "agency" || me.county === county,
      to: "/lan/$code/dialoger-mcf",
      label: "countyDialogues.nav",
    },
  ],
  strings: { sv: { countyDialogues: countyDialoguesSv }, en: { countyDialogues: countyDialoguesEn } },
  labels: labelsOf(countyDialoguesFeature, {
    sv: {
      actions: {
        "countyDialogues.create": "Dialog med län registrerad",
        "countyDialogues.followUpDone": "Uppföljningspunkt från dialog med län klar",
      },
      entities: {
        countyDialogue: "Dialog med län",
        countyDialogueFollowUp: "Uppföljningspunkt från dialog med län",
      },
    },
    en: {
      actions: {
        "countyDialogues.create": "County dialogue recorded",
        "countyDialogues.followUpDone": "County dialogue follow-up item done",
      },
      entities: {
        countyDialogue: "County dialogue",
        countyDialogueFollowUp: "County dialogue follow-up item",
      },
    },
  }),
});
