import { IconCoins } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { economyFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage } from "../feature";
import { lazyTab } from "../lazyTab";
import { parseEconomySearch } from "./search";
import { economyEn, economySv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/ekonomi",
      validateSearch: parseEconomySearch,
      component: lazyPage(() => import("./CountyEconomyPage"), "CountyEconomyPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/ekonomi",
      validateSearch: parseEconomySearch,
      component: lazyPage(() => import("./NationalEconomyPage"), "NationalEconomyPage"),
    }),
  ] as const;

/**
 * The economy (R1-5, R2.5-2, R2.5-3, R2.6-1, R4-1): the municipality's Ekonomi tab (figures per year and part,
 * charts, flagged costs, the county's costs editor), the county's economy page and the agency's national page.
 */
export const economyWebFeature = defineWebFeature({
  name: "economy",
  routes,
  menu: [
    {
      key: "economyCounty",
      group: "main",
      order: 27,
      permission: "economy.read",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconCoins,
      label: "economy.nav.county",
      to: "/lan/$code/ekonomi",
      code: (me) => me.county,
      match: (p) => p.endsWith("/ekonomi"),
    },
    {
      key: "economyNational",
      group: "main",
      order: 27,
      permission: "economy.national",
      when: (me) => me.role === "agency",
      icon: IconCoins,
      label: "economy.nav.national",
      to: "/ekonomi",
      match: (p) => p.startsWith("/ekonomi"),
    },
  ],
  countyNav: [
    {
      key: "economy",
      order: 55,
      permission: "economy.read",
      // The agency reads every county's economy; a county its own.
      whenCounty: (me, county) => me.role === "agency" || me.county === county,
      to: "/lan/$code/ekonomi",
      label: "economy.nav.county",
    },
  ],
  municipalityTabs: [
    {
      tab: "economy",
      permission: "economy.read",
      label: "economy.tab",
      component: lazyTab(() => import("./EconomyTab"), "EconomyTab"),
    },
  ],
  strings: { sv: { economy: economySv }, en: { economy: economyEn } },
  labels: labelsOf(economyFeature, {
    sv: {
      actions: {
        "compensationParts.create": "Ersättningsdel tillagd",
        "compensationParts.update": "Ersättningsdel ändrad",
        "compensation.import": "Utbetalningslista importerad",
        "compensation.update": "Ersättningsbelopp ändrat",
        "costs.replace": "Kostnader angivna",
        "openingBalances.update": "Ingående sparande ändrat",
        "largeSavings.detect": "Stort sparande upptäckt",
        "largeSavings.clear": "Stort sparande upphört",
        "largeSavings.updateDue": "Datum för plan för sparande ändrat",
      },
      entities: {
        compensationPart: "Ersättningsdel",
        compensationAmount: "Ersättningsbelopp",
        costSet: "Kostnader för ett år",
        openingBalance: "Ingående sparande",
        largeSavings: "Stort sparande",
      },
    },
    en: {
      actions: {
        "compensationParts.create": "Compensation part added",
        "compensationParts.update": "Compensation part changed",
        "compensation.import": "Payout list imported",
        "compensation.update": "Compensation amount changed",
        "costs.replace": "Costs entered",
        "openingBalances.update": "Opening savings changed",
        "largeSavings.detect": "Large savings detected",
        "largeSavings.clear": "Large savings ended",
        "largeSavings.updateDue": "Savings plan due date changed",
      },
      entities: {
        compensationPart: "Compensation part",
        compensationAmount: "Compensation amount",
        costSet: "Costs of a year",
        openingBalance: "Opening savings",
        largeSavings: "Large savings",
      },
    },
  }),
});
