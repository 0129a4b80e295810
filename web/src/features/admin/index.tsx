import { IconApi, IconUsers } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { parseUsersSearch } from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, lazyPage } from "../feature";
import { adminEn, adminSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/anvandare",
      validateSearch: parseUsersSearch,
      component: lazyPage(() => import("./UsersPage"), "UsersPage"),
    }),
  ] as const;

/** User administration, and the link to the API documentation. */
export const adminWebFeature = defineWebFeature({
  name: "admin",
  routes,
  menu: [
    {
      key: "users",
      group: "admin",
      order: 10,
      permission: "users.manage",
      icon: IconUsers,
      label: "nav.users",
      to: "/anvandare",
      match: (p) => p.startsWith("/anvandare"),
    },
    {
      key: "api",
      group: "admin",
      order: 50,
      permission: "apiDocs.read",
      icon: IconApi,
      label: "nav.apiDocs",
      to: "/api/v1/docs",
      href: true,
    },
  ],
  strings: { sv: { admin: adminSv }, en: { admin: adminEn } },
});
