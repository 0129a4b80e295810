import { IconBook, IconGavel } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { criteriaFeature } from "@uppsikt/core";
import { parseCriteriaSearch } from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, noSearch, lazyPage } from "../feature";
import { criteriaEn, criteriaSv, oslEn, oslSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/kriterier",
      validateSearch: parseCriteriaSearch,
      component: lazyPage(() => import("./CriteriaPage"), "CriteriaPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/osl-grunder",
      validateSearch: noSearch,
      component: lazyPage(() => import("./OslGroundsPage"), "OslGroundsPage"),
    }),
  ] as const;

/** The national support: the assessment criteria library and the OSL grounds. */
export const criteriaWebFeature = defineWebFeature({
  name: "criteria",
  routes,
  menu: [
    {
      key: "criteria",
      group: "reference",
      order: 10,
      permission: "criteria.read",
      icon: IconBook,
      label: "nav.criteria",
      to: "/kriterier",
      match: (p) => p.startsWith("/kriterier"),
    },
    {
      key: "osl",
      group: "reference",
      order: 20,
      permission: "oslGrounds.write",
      icon: IconGavel,
      label: "nav.oslGrounds",
      to: "/osl-grunder",
      match: (p) => p.startsWith("/osl-grunder"),
    },
  ],
  strings: { sv: { criteria: criteriaSv, osl: oslSv }, en: { criteria: criteriaEn, osl: oslEn } },
  labels: labelsOf(criteriaFeature, {
    sv: {
      actions: {
        "criteria.import": "Kriteriebibliotek importerat",
        "criteria.activate": "Kriteriebibliotek aktiverat",
      },
      entities: { criteriaLibraryVersion: "Kriteriebibliotek" },
    },
    en: {
      actions: { "criteria.import": "Criteria library imported", "criteria.activate": "Criteria library activated" },
      entities: { criteriaLibraryVersion: "Criteria library" },
    },
  }),
});
