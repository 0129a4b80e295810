import { IconFileText } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { statementsFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage, noSearch } from "../feature";
import { lazyTab } from "../lazyTab";
import { statementsEn, statementsSv } from "./strings";

/** The feature's pages (a function of its own, outside `defineWebFeature`, so the typed links keep their paths). */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/yttranden/$id",
      validateSearch: noSearch,
      component: lazyPage(() => import("./StatementPage"), "StatementPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/yttranden",
      validateSearch: noSearch,
      component: lazyPage(() => import("./CountyStatementsPage"), "CountyStatementsPage"),
    }),
  ] as const;

/** The county's statements to the agency, their grounds and preconditions, and the chances to correct (R3.1, R3.2). */
export const statementsWebFeature = defineWebFeature({
  name: "statements",
  routes,
  menu: [
    {
      key: "countyStatements",
      group: "main",
      order: 28,
      permission: "statements.write",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconFileText,
      label: "statements.nav",
      to: "/lan/$code/yttranden",
      code: (me) => me.county,
      match: (p) => p.endsWith("/yttranden") || p.startsWith("/yttranden/"),
    },
  ],
  countyNav: [
    {
      key: "statements",
      order: 62,
      permission: "statements.read",
      // A county's own statements; the agency reads the sent ones of every county.
      whenCounty: (me, county) => me.role === "agency" || me.county === county,
      to: "/lan/$code/yttranden",
      label: "statements.nav",
    },
  ],
  municipalityTabs: [
    {
      tab: "statements",
      permission: "statements.read",
      label: "statements.tab",
      component: lazyTab(() => import("./StatementsTab"), "StatementsTab"),
    },
  ],
  strings: { sv: { statements: statementsSv }, en: { statements: statementsEn } },
  labels: labelsOf(statementsFeature, {
    sv: {
      actions: {
        "statements.create": "Yttrande till MCF påbörjat",
        "statements.update": "Yttrande till MCF ändrat",
        "statements.approve": "Yttrande till MCF godkänt",
        "statements.send": "Yttrande skickat till MCF",
        "correctionOpportunities.create": "Möjlighet att rätta given",
        "correctionOpportunities.answer": "Svar på möjlighet att rätta",
        "savingsNotices.create": "Kommunen meddelade sparande den inte kan använda",
      },
      entities: {
        statement: "Yttrande till MCF",
        correctionOpportunity: "Möjlighet att rätta",
        savingsNotice: "Meddelande om sparande",
      },
    },
    en: {
      actions: {
        "statements.create": "Statement to the agency started",
        "statements.update": "Statement to the agency changed",
        "statements.approve": "Statement to the agency approved",
        "statements.send": "Statement sent to the agency",
        "correctionOpportunities.create": "Chance to correct given",
        "correctionOpportunities.answer": "Answer to a chance to correct",
        "savingsNotices.create": "The municipality reported savings it cannot use",
      },
      entities: {
        statement: "Statement to the agency",
        correctionOpportunity: "Chance to correct",
        savingsNotice: "Notice of savings",
      },
    },
  }),
});
