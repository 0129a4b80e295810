import { IconReportAnalytics } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { annualCompilationsFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage } from "../feature";
import { parseCompilationSearch } from "./search";
import { annualCompilationsEn, annualCompilationsSv } from "./strings";

const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/arsuppfoljning",
      validateSearch: parseCompilationSearch,
      component: lazyPage(() => import("./CountyCompilationPage"), "CountyCompilationPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/arsuppfoljning",
      validateSearch: parseCompilationSearch,
      component: lazyPage(() => import("./NationalCompilationPage"), "NationalCompilationPage"),
    }),
  ] as const;

/** The county's and the nation's compilations (R2.4-2, R1-6). */
export const annualCompilationsWebFeature = defineWebFeature({
  name: "annual-compilations",
  routes,
  menu: [
    {
      key: "annualCompilationCounty",
      group: "main",
      order: 28,
      permission: "annualCompilations.read",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconReportAnalytics,
      label: "annualCompilations.nav.county",
      to: "/lan/$code/arsuppfoljning",
      code: (me) => me.county,
      match: (p) => p.endsWith("/arsuppfoljning"),
    },
    {
      key: "annualCompilationNational",
      group: "main",
      order: 28,
      permission: "annualCompilations.national",
      when: (me) => me.role === "agency",
      icon: IconReportAnalytics,
      label: "annualCompilations.nav.national",
      to: "/arsuppfoljning",
      // Not the forms pages below it (`/arsuppfoljning/blanketter`), which have their own entry.
      match: (p) => p === "/arsuppfoljning",
    },
  ],
  countyNav: [
    {
      key: "annualCompilation",
      order: 57,
      permission: "annualCompilations.read",
      // The agency reads every county's compilation; a county its own.
      whenCounty: (me, county) => me.role === "agency" || me.county === county,
      to: "/lan/$code/arsuppfoljning",
      label: "annualCompilations.nav.county",
    },
  ],
  strings: { sv: { annualCompilations: annualCompilationsSv }, en: { annualCompilations: annualCompilationsEn } },
  labels: labelsOf(annualCompilationsFeature, {
    sv: {
      actions: {
        "annualCompilations.update": "Länets bedömning ändrad",
        "annualCompilations.forward": "Länets sammanställning lämnad till MCF",
      },
      entities: {
        annualCompilation: "Länets sammanställning av årsuppföljningen",
      },
    },
    en: {
      actions: {
        "annualCompilations.update": "The county's assessment changed",
        "annualCompilations.forward": "The county's compilation forwarded to the agency",
      },
      entities: {
        annualCompilation: "The county's compilation of the annual follow-up",
      },
    },
  }),
});
