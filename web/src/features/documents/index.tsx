import { IconCalendarDue, IconMailFast, IconSearch, IconTable } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { documentsFeature } from "@uppsikt/core";
import {
  parseAwaitingFeedbackSearch,
  parseDocumentMatrixSearch,
  parseDocumentSearchSearch,
  parseReviewPageSearch,
  parseYearTwoSearch,
} from "../../routeSearch";
import type { SignedInRoute } from "../../routes/signedIn";
import { defineWebFeature, labelsOf, lazyPage } from "../feature";
import { lazyTab } from "../lazyTab";
import { countyDocumentsEn, countyDocumentsSv } from "./county/strings";
import { documentsEn, documentsSv } from "./strings";

const ownCountyPage = (path: string) => (p: string, me: { county: string | null }) => p === `/lan/${me.county}${path}`;

/**
 * The feature's pages. A function of its own, outside `defineWebFeature`: inside it the routes would be typed from
 * `WebFeature` (their paths as `any`), and the typed links would be lost.
 */
const routes = (parent: SignedInRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/dokument",
      validateSearch: parseDocumentMatrixSearch,
      component: lazyPage(() => import("./county/DocumentMatrixPage"), "DocumentMatrixPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/uppfoljning-ar-2",
      validateSearch: parseYearTwoSearch,
      component: lazyPage(() => import("./county/YearTwoPage"), "YearTwoPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/aterkoppling",
      validateSearch: parseAwaitingFeedbackSearch,
      component: lazyPage(() => import("./county/AwaitingFeedbackPage"), "AwaitingFeedbackPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/lan/$code/sok",
      validateSearch: parseDocumentSearchSearch,
      component: lazyPage(() => import("./county/DocumentSearchPage"), "DocumentSearchPage"),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/kommun/$code/granskning/$versionId",
      validateSearch: parseReviewPageSearch,
      component: lazyPage(() => import("./review-page/ReviewPage"), "ReviewPage"),
    }),
  ] as const;

/** The mandatory documents: the municipality's Dokument tab and the county-wide document pages. */
export const documentsWebFeature = defineWebFeature({
  name: "documents",
  routes,
  menu: [
    {
      key: "matrix",
      group: "documents",
      order: 10,
      permission: "documents.matrix",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconTable,
      label: "nav.documentOverview",
      to: "/lan/$code/dokument",
      code: (me) => me.county,
      match: ownCountyPage("/dokument"),
    },
    {
      key: "yearTwo",
      group: "documents",
      order: 20,
      permission: "documents.yearTwo",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconCalendarDue,
      label: "nav.yearTwo",
      to: "/lan/$code/uppfoljning-ar-2",
      code: (me) => me.county,
      match: ownCountyPage("/uppfoljning-ar-2"),
    },
    {
      key: "awaiting",
      group: "documents",
      order: 30,
      permission: "feedback.awaiting",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconMailFast,
      label: "nav.awaitingFeedback",
      to: "/lan/$code/aterkoppling",
      code: (me) => me.county,
      match: ownCountyPage("/aterkoppling"),
    },
    {
      key: "search",
      group: "documents",
      order: 40,
      permission: "documents.search",
      when: (me) => me.role === "county" && !!me.county,
      icon: IconSearch,
      label: "nav.documentSearch",
      to: "/lan/$code/sok",
      code: (me) => me.county,
      match: ownCountyPage("/sok"),
    },
  ],
  countyNav: [
    {
      key: "matrix",
      order: 20,
      permission: "documents.matrix",
      to: "/lan/$code/dokument",
      label: "countyDocuments.countyNav.matrix",
    },
    {
      key: "yearTwo",
      order: 30,
      permission: "documents.yearTwo",
      to: "/lan/$code/uppfoljning-ar-2",
      label: "countyDocuments.countyNav.yearTwo",
    },
    {
      key: "awaiting",
      order: 40,
      permission: "feedback.awaiting",
      to: "/lan/$code/aterkoppling",
      label: "countyDocuments.countyNav.awaiting",
    },
    {
      key: "search",
      order: 50,
      permission: "documents.search",
      to: "/lan/$code/sok",
      label: "countyDocuments.countyNav.search",
    },
  ],
  municipalityTabs: [
    {
      tab: "documents",
      permission: "documents.read",
      label: "municipality.tabs.documents",
      component: lazyTab(() => import("./DocumentsTab"), "DocumentsTab"),
    },
  ],
  strings: {
    sv: { documents: documentsSv, countyDocuments: countyDocumentsSv },
    en: { documents: documentsEn, countyDocuments: countyDocumentsEn },
  },
  labels: labelsOf(documentsFeature, {
    sv: {
      actions: {
        "documents.submit": "Dokument registrerat",
        "documents.recordFollowUp": "Saknat dokument: orsak och datum",
        "documentReviews.save": "Granskning av dokument sparad",
        "feedback.create": "Återkoppling skapad",
        "feedback.update": "Återkoppling ändrad",
        "feedback.send": "Återkoppling skickad",
        "feedback.waive": "Ingen återkoppling skickas",
        "rsaSections.replace": "RSA-disposition ändrad",
      },
      entities: {
        documentVersion: "Dokumentversion",
        documentFile: "Dokumentfil",
        documentFollowUp: "Saknat dokument",
        documentReview: "Granskning",
        documentFeedback: "Återkoppling",
        documents: "Dokument",
        rsaSections: "RSA-disposition",
      },
    },
    en: {
      actions: {
        "documents.submit": "Document registered",
        "documents.recordFollowUp": "Missing document: reason and date",
        "documentReviews.save": "Document review saved",
        "feedback.create": "Feedback created",
        "feedback.update": "Feedback changed",
        "feedback.send": "Feedback sent",
        "feedback.waive": "No feedback will be sent",
        "rsaSections.replace": "RSA disposition changed",
      },
      entities: {
        documentVersion: "Document version",
        documentFile: "Document file",
        documentFollowUp: "Missing document",
        documentReview: "Review",
        documentFeedback: "Feedback",
        documents: "Documents",
        rsaSections: "RSA disposition",
      },
    },
  }),
});
