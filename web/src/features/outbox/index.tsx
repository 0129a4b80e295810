import { IconMail } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, noSearch, lazyPage } from "../feature";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/utgaende-post",
      validateSearch: noSearch,
      component: lazyPage(() => import("./OutboxPage"), "OutboxPage"),
    }),
  ] as const;

/** The admin's view of the mail outbox (reminders and notices the system has sent or will send). */
export const outboxWebFeature = defineWebFeature({
  name: "outbox",
  routes,
  menu: [
    {
      key: "outbox",
      group: "admin",
      order: 40,
      permission: "outbox.read",
      icon: IconMail,
      label: "watchAdmin.outbox.title",
      to: "/utgaende-post",
      match: (p) => p.startsWith("/utgaende-post"),
    },
  ],
});
