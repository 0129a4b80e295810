import { IconBuildingCommunity, IconMap2 } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { parseCountySearch, parseMunicipalitySearch } from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, lazyPage } from "../feature";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code",
      validateSearch: parseCountySearch,
      component: lazyPage(() => import("./CountyPage"), "CountyPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/kommun/$code",
      validateSearch: parseMunicipalitySearch,
      component: lazyPage(() => import("./MunicipalityPage"), "MunicipalityPage"),
    }),
  ] as const;

/** Counties and municipalities: the agency's and the county's lists, a municipality's page and its tabs. */
export const municipalitiesWebFeature = defineWebFeature({
  name: "municipalities",
  routes,
  menu: [
    {
      key: "counties",
      group: "main",
      order: 10,
      permission: "counties.browse",
      when: (me) => me.role === "agency",
      icon: IconMap2,
      label: "nav.counties",
      to: "/",
      match: (p) => p === "/" || p.startsWith("/lan/") || p.startsWith("/kommun/"),
    },
    {
      key: "municipalities",
      group: "main",
      order: 10,
      permission: "municipalities.read",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconBuildingCommunity,
      label: "nav.municipalities",
      to: "/lan/$code",
      code: (me) => me.county,
      match: (p, me) => {
        const countyPath = `/lan/${me.county}`;
        return p === countyPath || p.startsWith("/kommun/") || (p.startsWith("/lan/") && !p.startsWith(countyPath));
      },
    },
    {
      key: "mine",
      group: "main",
      order: 10,
      permission: "municipalities.read",
      when: (me) => me.role === "municipality" && !!me.municipality,
      icon: IconBuildingCommunity,
      label: "nav.myMunicipality",
      to: "/kommun/$code",
      code: (me) => me.municipality,
      match: (p) => p.startsWith("/kommun/"),
    },
  ],
  countyNav: [
    {
      key: "municipalities",
      order: 10,
      permission: "municipalities.read",
      to: "/lan/$code",
      label: "countyDocuments.countyNav.municipalities",
    },
  ],
});
