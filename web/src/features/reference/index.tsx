import { IconFileCertificate } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { parseAgreementsSearch } from "../../routeSearch";
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
      path: "/overenskommelser",
      validateSearch: parseAgreementsSearch,
      component: lazyPage(() => import("./AgreementsPage"), "AgreementsPage"),
    }),
  ] as const;

/** National reference data: the agreements between the state and SKR. */
export const referenceWebFeature = defineWebFeature({
  name: "reference",
  routes,
  menu: [
    {
      key: "agreements",
      group: "reference",
      order: 30,
      permission: "agreements.read",
      when: (me) => me.role === "agency" || me.role === "admin",
      icon: IconFileCertificate,
      label: "nav.agreements",
      to: "/overenskommelser",
      match: (p) => p.startsWith("/overenskommelser"),
    },
  ],
});
