import { IconFileDollar } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { reductionCasesFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage, noSearch } from "../feature";
import { parseCaseListSearch } from "./search";
import { reductionCasesEn, reductionCasesSv } from "./strings";

const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/arenden",
      validateSearch: parseCaseListSearch,
      component: lazyPage(() => import("./ReductionCasesPage"), "ReductionCasesPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/arenden/$id",
      validateSearch: noSearch,
      component: lazyPage(() => import("./ReductionCasePage"), "ReductionCasePage"),
    }),
  ] as const;

/** The agency's reduction cases: the 30 April rule, the decision, legal finality and the invoice (R3.3). */
export const reductionCasesWebFeature = defineWebFeature({
  name: "reduction-cases",
  routes,
  menu: [
    {
      key: "reductionCases",
      group: "main",
      order: 29,
      permission: "reductionCases.write",
      when: (me) => me.role === "agency",
      icon: IconFileDollar,
      label: "reductionCases.nav",
      to: "/arenden",
      match: (p) => p.startsWith("/arenden"),
    },
  ],
  strings: { sv: { reductionCases: reductionCasesSv }, en: { reductionCases: reductionCasesEn } },
  labels: labelsOf(reductionCasesFeature, {
    sv: {
      actions: {
        "reductionCases.open": "Ärende om ersättning öppnat",
        "reductionCases.update": "Ärende om ersättning ändrat",
        "reductionCases.decide": "Beslut i ärende om ersättning",
        "reductionCases.appealLodged": "Beslut överklagat",
        "reductionCases.appealDecided": "Överklagat beslut vann laga kraft",
        "reductionCases.invoice": "Faktura om återbetalning skapad",
        "reductionCases.invoiceSent": "Faktura om återbetalning skickad",
        "reductionCases.logEntry": "Anteckning i ärendets logg",
      },
      entities: {
        reductionCase: "Ärende om ersättning",
        reductionCaseLogEntry: "Anteckning i ärende",
        repaymentInvoice: "Faktura om återbetalning",
      },
    },
    en: {
      actions: {
        "reductionCases.open": "Compensation case opened",
        "reductionCases.update": "Compensation case changed",
        "reductionCases.decide": "Decision in a compensation case",
        "reductionCases.appealLodged": "Decision appealed",
        "reductionCases.appealDecided": "Appealed decision became legally final",
        "reductionCases.invoice": "Repayment invoice made",
        "reductionCases.invoiceSent": "Repayment invoice sent",
        "reductionCases.logEntry": "Entry in the case's log",
      },
      entities: {
        reductionCase: "Compensation case",
        reductionCaseLogEntry: "Case log entry",
        repaymentInvoice: "Repayment invoice",
      },
    },
  }),
});
