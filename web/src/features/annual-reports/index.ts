import { annualReportsFeature } from "@uppsikt/core";
import { defineWebFeature, labelsOf } from "../feature";

/** The municipalities' annual reports and the county's review (R2.4-2). */
export const annualReportsWebFeature = defineWebFeature({
  name: "annual-reports",
  labels: labelsOf(annualReportsFeature, {
    sv: {
      actions: {
        "annualReports.save": "Årsuppföljning sparad",
        "annualReports.submit": "Årsuppföljning inlämnad",
        "annualReports.return": "Årsuppföljning återsänd för komplettering",
        "annualReports.accept": "Årsuppföljning godkänd",
        "annualReports.import": "Årsuppföljning importerad från Excel",
        "annualReports.attach": "Bilaga till årsuppföljning tillagd",
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
      },
      entities: {
        annualReport: "Annual report",
        annualReportFile: "Attachment of an annual report",
      },
    },
  }),
});
