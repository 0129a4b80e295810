import { annualReportsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";
import { lazyTab } from "../lazyTab";
import { annualReportsEn, annualReportsSv } from "./strings";

/**
 * The municipalities' annual reports and the county's review (R2.4-2): the municipality page's tab, where the
 * coordinator fills and submits the year's report, the county officer returns or accepts it and others read it.
 */
export const annualReportsWebFeature = defineWebFeature({
  name: "annual-reports",
  municipalityTabs: [
    {
      tab: "annualReport",
      permission: "annualReports.read",
      label: "annualReports.tab",
      component: lazyTab(() => import("./AnnualReportTab"), "AnnualReportTab"),
    },
  ],
  strings: { sv: { annualReports: annualReportsSv }, en: { annualReports: annualReportsEn } },
  labels: labelsOf(annualReportsFeature, {
    sv: {
      actions: {
        "annualReports.save": "Årsuppföljning sparad",
        "annualReports.submit": "Årsuppföljning inlämnad",
        "annualReports.return": "Årsuppföljning återsänd för komplettering",
        "annualReports.accept": "Årsuppföljning godkänd",
        "annualReports.import": "Årsuppföljning importerad från Excel",
        "annualReports.attach": "Bilaga till årsuppföljning tillagd",
        "annualReports.upgrade": "Årsuppföljning flyttad till ny version av blanketten",
      },
      entities: {
        annualReport: "Årsuppföljning",
        annualReportFile: "Bilaga till årsuppföljning",
      },
    },
    en: {
      actions: {
        "annualReports.save": "Annual report saved",
        "annualReports.submit": "Annual report submitted",
        "annualReports.return": "Annual report returned for completion",
        "annualReports.accept": "Annual report accepted",
        "annualReports.import": "Annual report imported from Excel",
        "annualReports.attach": "Attachment added to an annual report",
        "annualReports.upgrade": "Annual report moved to a new version of the form",
      },
      entities: {
        annualReport: "Annual report",
        annualReportFile: "Attachment of an annual report",
      },
    },
  }),
});
