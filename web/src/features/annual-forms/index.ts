import { IconForms } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { annualFormsFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage, noSearch } from "../feature";
import { annualFormsEn, annualFormsSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/arsuppfoljning/blanketter",
      validateSearch: noSearch,
      component: lazyPage(() => import("./AnnualFormsPage"), "AnnualFormsPage"),
    }),
  ] as const;

/** The agency's yearly form (R2.4-1): its forms page (import, export, publish, new version, preview). */
export const annualFormsWebFeature = defineWebFeature({
  name: "annual-forms",
  routes,
  menu: [
    {
      key: "annualForms",
      group: "reference",
      order: 25,
      permission: "annualForms.write",
      icon: IconForms,
      label: "annualForms.nav",
      to: "/arsuppfoljning/blanketter",
      match: (p) => p.startsWith("/arsuppfoljning/blanketter"),
    },
  ],
  strings: { sv: { annualForms: annualFormsSv }, en: { annualForms: annualFormsEn } },
  labels: labelsOf(annualFormsFeature, {
    sv: {
      actions: {
        "annualForms.create": "Blankett för årsuppföljning skapad",
        "annualForms.update": "Blankett för årsuppföljning ändrad",
        "annualForms.publish": "Blankett för årsuppföljning publicerad",
        "annualForms.import": "Blankett för årsuppföljning importerad",
      },
      entities: {
        annualForm: "Blankett för årsuppföljning",
      },
    },
    en: {
      actions: {
        "annualForms.create": "Annual follow-up form created",
        "annualForms.update": "Annual follow-up form changed",
        "annualForms.publish": "Annual follow-up form published",
        "annualForms.import": "Annual follow-up form imported",
      },
      entities: {
        annualForm: "Annual follow-up form",
      },
    },
  }),
});
