import { IconCalendarDue } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { watchFeature } from "@uppsikt/core";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, noSearch, lazyPage } from "../feature";
import { watchAdminEn, watchAdminSv } from "./admin-strings";
import { watchEn, watchSv } from "./strings";

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/bevakning",
      validateSearch: noSearch,
      component: lazyPage(() => import("./WatchPage"), "WatchPage"),
    }),
  ] as const;

/** The watch list (bevakning, R1-3), its reminders and calendar feed, and the county head's hand-over. */
export const watchWebFeature = defineWebFeature({
  name: "watch",
  routes,
  menu: [
    {
      key: "watch",
      group: "main",
      order: 20,
      permission: "watch.read",
      icon: IconCalendarDue,
      label: "watch.title",
      to: "/bevakning",
      match: (p) => p === "/bevakning",
    },
  ],
  strings: { sv: { watch: watchSv, watchAdmin: watchAdminSv }, en: { watch: watchEn, watchAdmin: watchAdminEn } },
  labels: labelsOf(watchFeature, {
    sv: {
      actions: {
        "watch.handOver": "Ansvar överlämnat",
        "reminderPreferences.update": "Val för påminnelser ändrade",
        "calendarFeed.create": "Kalenderadress skapad",
        "calendarFeed.revoke": "Kalenderadress återkallad",
      },
      entities: { calendarToken: "Kalenderadress" },
    },
    en: {
      actions: {
        "watch.handOver": "Responsibility handed over",
        "reminderPreferences.update": "Reminder choices changed",
        "calendarFeed.create": "Calendar address created",
        "calendarFeed.revoke": "Calendar address revoked",
      },
      entities: { calendarToken: "Calendar address" },
    },
  }),
});
