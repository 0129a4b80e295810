import { IconKey } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { clearancesFeature } from "@uppsikt/core";
import { parseClearancesSearch } from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { can } from "../auth/permissions";
import { defineWebFeature, labelsOf, lazyPage } from "../feature";
import { clearancesEn, clearancesSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/behorigheter",
      validateSearch: parseClearancesSearch,
      component: lazyPage(() => import("./ClearancesPage"), "ClearancesPage"),
    }),
  ] as const;

/** Clearances for confidential information (behörigheter) and the OSL grounds they rest on. */
export const clearancesWebFeature = defineWebFeature({
  name: "clearances",
  routes,
  menu: [
    {
      // Managers see everyone's clearances (their own included); county and municipal users see their own.
      key: "clearances",
      group: "admin",
      altGroup: { unless: "clearances.read", group: "account" },
      order: 20,
      permission: "counties.read",
      when: (me) => can(me, "clearances.read") || me.role === "county" || me.role === "municipality",
      icon: IconKey,
      label: "nav.myClearances",
      altLabel: { permission: "clearances.read", label: "nav.clearances" },
      to: "/behorigheter",
      match: (p) => p.startsWith("/behorigheter"),
    },
  ],
  strings: { sv: { clearances: clearancesSv }, en: { clearances: clearancesEn } },
  labels: labelsOf(clearancesFeature, {
    sv: {
      actions: {
        "clearances.grant": "Behörighet given",
        "clearances.withdraw": "Behörighet återkallad",
        "oslGrounds.create": "Sekretessgrund tillagd",
        "oslGrounds.update": "Sekretessgrund ändrad",
      },
      entities: { clearance: "Behörighet", oslGround: "Sekretessgrund" },
    },
    en: {
      actions: {
        "clearances.grant": "Clearance granted",
        "clearances.withdraw": "Clearance withdrawn",
        "oslGrounds.create": "Confidentiality ground added",
        "oslGrounds.update": "Confidentiality ground changed",
      },
      entities: { clearance: "Clearance", oslGround: "Confidentiality ground" },
    },
    // What a clearance covers, named in `confidential.read` events.
    otherEntities: {
      sv: { feedback: "Återkoppling", document: "Dokument", protocol: "Protokoll" },
      en: { feedback: "Feedback", document: "Document", protocol: "Protocol" },
    },
  }),
});
