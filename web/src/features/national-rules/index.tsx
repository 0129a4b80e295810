import { IconScale } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { nationalRulesFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage, noSearch } from "../feature";
import { nationalRulesEn, nationalRulesSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/nationella-regler",
      validateSearch: noSearch,
      component: lazyPage(() => import("./NationalRulesPage"), "NationalRulesPage"),
    }),
  ] as const;

/** The national rules as versioned data, kept by the agency (R1-2, R4-1). */
export const nationalRulesWebFeature = defineWebFeature({
  name: "national-rules",
  routes,
  menu: [
    {
      key: "nationalRules",
      group: "reference",
      order: 30,
      permission: "nationalRules.write",
      icon: IconScale,
      label: "nationalRules.nav",
      to: "/nationella-regler",
      match: (p) => p.startsWith("/nationella-regler"),
    },
  ],
  strings: { sv: { nationalRules: nationalRulesSv }, en: { nationalRules: nationalRulesEn } },
  labels: labelsOf(nationalRulesFeature, {
    sv: {
      actions: {
        "nationalRules.create": "Version av nationella regler skapad",
        "nationalRules.update": "Version av nationella regler ändrad",
        "nationalRules.import": "Nationella regler importerade",
      },
      entities: { nationalRuleVersion: "Nationella regler" },
    },
    en: {
      actions: {
        "nationalRules.create": "National rules version created",
        "nationalRules.update": "National rules version changed",
        "nationalRules.import": "National rules imported",
      },
      entities: { nationalRuleVersion: "National rules" },
    },
  }),
});
