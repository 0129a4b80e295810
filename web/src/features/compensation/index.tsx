import { IconReceipt } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, lazyPage, noSearch } from "../feature";
import { compensationEn, compensationSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/ersattning",
      validateSearch: noSearch,
      component: lazyPage(() => import("./CompensationPage"), "CompensationPage"),
    }),
  ] as const;

/**
 * The compensation (R1-5): the agency's parts of each agreement and the payout-list import. Its audit actions are
 * declared with the economy (core's economyFeature) and labelled by the economy's web feature.
 */
export const compensationWebFeature = defineWebFeature({
  name: "compensation",
  routes,
  menu: [
    {
      key: "compensation",
      group: "reference",
      order: 35,
      permission: "economy.read",
      // The agency keeps the parts; a county's officers read them when entering costs.
      when: (me) => me.role === "agency" || me.role === "county",
      icon: IconReceipt,
      label: "compensation.nav",
      to: "/ersattning",
      match: (p) => p.startsWith("/ersattning"),
    },
  ],
  strings: { sv: { compensation: compensationSv }, en: { compensation: compensationEn } },
});
