import { IconCalendarEvent, IconChartDots } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { visitsFeature } from "@uppsikt/core";
import { parseVisitPlanSearch } from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage, noSearch } from "../feature";
import { lazyTab } from "../lazyTab";
import { visitsEn, visitsSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/besoksplan",
      validateSearch: parseVisitPlanSearch,
      component: lazyPage(() => import("./VisitPlanPage"), "VisitPlanPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/besokstackning",
      validateSearch: parseVisitPlanSearch,
      component: lazyPage(() => import("./NationalCoveragePage"), "NationalCoveragePage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/besok/$id",
      validateSearch: noSearch,
      component: lazyPage(() => import("./VisitPage"), "VisitPage"),
    }),
  ] as const;

/**
 * Formal follow-up visits (R2.7, R2.8-1): the county's visit plan with its coverage, the agency's national coverage,
 * the municipality's Besök tab and the visit page (preparation, participants, notes, criteria and assessment).
 */
export const visitsWebFeature = defineWebFeature({
  name: "visits",
  routes,
  menu: [
    {
      key: "visitPlan",
      group: "main",
      order: 25,
      permission: "visitPlans.read",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconCalendarEvent,
      label: "visits.nav.plan",
      to: "/lan/$code/besoksplan",
      code: (me) => me.county,
      match: (p) => p.endsWith("/besoksplan") || p.startsWith("/besok/"),
    },
    {
      key: "visitCoverage",
      group: "main",
      order: 25,
      permission: "visits.nationalCoverage",
      when: (me) => me.role === "agency",
      icon: IconChartDots,
      label: "visits.nav.coverage",
      to: "/besokstackning",
      match: (p) => p.startsWith("/besokstackning"),
    },
  ],
  countyNav: [
    {
      key: "visitPlan",
      order: 50,
      permission: "visitPlans.read",
      // The agency reads every county's published plan; a county its own.
      whenCounty: (me, county) => me.role === "agency" || me.county === county,
      to: "/lan/$code/besoksplan",
      label: "visits.nav.plan",
    },
  ],
  municipalityTabs: [
    {
      tab: "visits",
      permission: "visits.read",
      label: "visits.tab",
      component: lazyTab(() => import("./VisitsTab"), "VisitsTab"),
    },
  ],
  strings: { sv: { visits: visitsSv }, en: { visits: visitsEn } },
  labels: labelsOf(visitsFeature, {
    sv: {
      actions: {
        "visitPlans.update": "Besöksplanens inställningar ändrade",
        "visitPlans.propose": "Besöksplan föreslagen",
        "visitPlans.publish": "Besöksplan publicerad",
        "visitPlans.updateTemplate": "Mall för informationsbrev ändrad",
        "visits.create": "Besök planerat",
        "visits.update": "Besök ändrat",
        "visits.selectCriteria": "Besökets kriterier valda",
        "visits.assess": "Besök bedömt",
      },
      entities: {
        visitPlan: "Besöksplan",
        visit: "Uppföljningsbesök",
        visitLetterTemplate: "Mall för informationsbrev",
      },
    },
    en: {
      actions: {
        "visitPlans.update": "Visit plan settings changed",
        "visitPlans.propose": "Visit plan proposed",
        "visitPlans.publish": "Visit plan published",
        "visitPlans.updateTemplate": "Information letter template changed",
        "visits.create": "Visit planned",
        "visits.update": "Visit changed",
        "visits.selectCriteria": "Visit criteria selected",
        "visits.assess": "Visit assessed",
      },
      entities: {
        visitPlan: "Visit plan",
        visit: "Follow-up visit",
        visitLetterTemplate: "Information letter template",
      },
    },
  }),
});
