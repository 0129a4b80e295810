import { createRoute } from "@tanstack/react-router";
import { supportNeedsFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage } from "../feature";
import { parseSupportSearch } from "./search";
import { supportNeedsEn, supportNeedsSv } from "./strings";

const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/stod",
      validateSearch: parseSupportSearch,
      component: lazyPage(() => import("./SupportNeedsPage"), "SupportNeedsPage"),
    }),
  ] as const;

/** Who needs support (R2.4-3, R2.2-6). */
export const supportNeedsWebFeature = defineWebFeature({
  name: "support-needs",
  routes,
  countyNav: [
    {
      key: "supportNeeds",
      order: 58,
      permission: "supportNeeds.read",
      whenCounty: (me, county) => me.role === "agency" || me.county === county,
      to: "/lan/$code/stod",
      label: "supportNeeds.nav",
    },
  ],
  strings: { sv: { supportNeeds: supportNeedsSv }, en: { supportNeeds: supportNeedsEn } },
  labels: labelsOf(supportNeedsFeature, {
    sv: {
      actions: {},
      entities: {},
    },
    en: {
      actions: {},
      entities: {},
    },
  }),
});
