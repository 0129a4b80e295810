import { IconHistory } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { platformFeature } from "@uppsikt/core";
import { parseAuditSearch } from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage } from "../feature";
import { auditEn, auditSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/logg",
      validateSearch: parseAuditSearch,
      component: lazyPage(() => import("./AuditPage"), "AuditPage"),
    }),
  ] as const;

/** The audit log (logg), which also labels the platform's own events: sign-ins, users, reference data. */
export const auditWebFeature = defineWebFeature({
  name: "audit",
  routes,
  menu: [
    {
      key: "audit",
      group: "admin",
      order: 30,
      permission: "audit.read",
      icon: IconHistory,
      label: "nav.audit",
      to: "/logg",
      match: (p) => p.startsWith("/logg"),
    },
  ],
  strings: { sv: { audit: auditSv }, en: { audit: auditEn } },
  labels: labelsOf(platformFeature, {
    sv: {
      actions: {
        "sessions.create": "Inloggning",
        "sessions.delete": "Utloggning",
        "sessions.reject": "Misslyckad inloggning",
        "loginThrottles.start": "Inloggning spärrad en stund",
        "loginThrottles.lift": "Inloggningsspärr hävd",
        "users.create": "Användare skapad",
        "users.update": "Användare ändrad",
        "municipalities.assignOfficer": "Ansvarig handläggare ändrad",
        "agreements.create": "Överenskommelse skapad",
        "agreements.update": "Överenskommelse ändrad",
        "reference.load": "Referensdata inlästa",
        "demo.seed": "Demodata skapade",
        "confidential.read": "Sekretessbelagd uppgift läst",
      },
      entities: {
        user: "Användare",
        session: "Session",
        loginThrottle: "Inloggningsspärr",
        municipality: "Kommun",
        county: "Län",
        agreement: "Överenskommelse",
        reference: "Referensdata",
      },
    },
    en: {
      actions: {
        "sessions.create": "Sign-in",
        "sessions.delete": "Sign-out",
        "sessions.reject": "Failed sign-in",
        "loginThrottles.start": "Sign-in throttled for a while",
        "loginThrottles.lift": "Sign-in throttle lifted",
        "users.create": "User created",
        "users.update": "User changed",
        "municipalities.assignOfficer": "Responsible officer changed",
        "agreements.create": "Agreement created",
        "agreements.update": "Agreement changed",
        "reference.load": "Reference data loaded",
        "demo.seed": "Demo data created",
        "confidential.read": "Confidential information read",
      },
      entities: {
        user: "User",
        session: "Session",
        loginThrottle: "Sign-in throttle",
        municipality: "Municipality",
        county: "County",
        agreement: "Agreement",
        reference: "Reference data",
      },
    },
  }),
});
