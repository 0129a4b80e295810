import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { EconomicReviewList, SavingsPlanList } from "@uppsikt/core";
import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { requestsSv } from "../document-requests/strings";
import { ReviewsView } from "./EconomicReviewsSection";
import { PlansView } from "./SavingsPlanSection";
import { economicReviewsSv } from "./strings";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: "sv",
    resources: { sv: { translation: { economicReviews: economicReviewsSv, documentRequests: requestsSv } } },
    interpolation: { escapeValue: false },
  });
});
const render = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, element)),
    ),
  )
    .replace(/<style[^>]*>[^<]*<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    // Every kind of space as one plain space (amounts and percentages are written with no-break spaces).
    .replace(/\s+/g, " ");

const plan = (number: number, used: number | null, deviation: boolean) => ({
  id: `p${number}`,
  number,
  years: [{ year: 2025, plannedSavingsUse: 4_000_000, plannedCompensationUse: 0, activities: "Övning" }],
  note: "",
  submittedAt: "2026-03-01T10:00:00.000Z",
  createdBy: { id: "u", name: "Kim Samordnare" },
  createdAt: "2026-03-01T10:00:00.000Z",
  outcome: [{ year: 2025, planned: 4_000_000, used, deviation }],
});

describe("savings plan section: what it says", () => {
  it("[R2.6-2] says a plan is required and by when, the tolerance with its source, and a deviation in words", () => {
    const data: SavingsPlanList = {
      items: [plan(1, 100_000, false), plan(2, 500_000, true)],
      tolerance: { value: 0.2, source: "Plan för sparande, dnr 2019-10546", unverified: true },
      required: true,
      owed: true,
      dueOn: "2026-06-18",
    };
    const text = render(createElement(PlansView, { data }));
    expect(text).toContain("Plan för sparande krävs (stort sparande), senast 2026-06-18");
    expect(text).toContain("tolerans 20 %, källa: Plan för sparande, dnr 2019-10546, ej verifierad");
    expect(text).toContain("Gällande plan: Version 2");
    expect(text).toContain("Avvikelse: mindre än 80 % av det planerade användes");
    expect(text).toContain("4 000 000 kr");
    expect(text).toContain("Tidigare versioner (1)");
  });

  it("[R2.6-2] shows no requirement and no plan when there is none", () => {
    const text = render(
      createElement(PlansView, {
        data: {
          items: [],
          tolerance: { value: 0.2, source: null, unverified: true },
          required: false,
          owed: false,
          dueOn: null,
        },
      }),
    );
    expect(text).not.toContain("krävs");
    expect(text).not.toContain("Stort sparande");
    expect(text).toContain("Ingen plan för sparande är inlämnad.");
  });

  it("[R2.6-2] large savings with a plan submitted after the detection: a neutral line, not the demand", () => {
    const text = render(
      createElement(PlansView, {
        data: {
          // The older version (1) was submitted before; the newest (2) is the answer.
          items: [plan(1, null, false), { ...plan(2, null, false), submittedAt: "2026-04-20T22:30:00.000Z" }],
          tolerance: { value: 0.2, source: null, unverified: true },
          required: true,
          owed: false,
          dueOn: "2026-06-18",
        },
      }),
    );
    expect(text).not.toContain("krävs");
    // 22:30 UTC is 00:30 the next day in Stockholm.
    expect(text).toContain("Stort sparande: kommunen har lämnat en plan för sparande (inlämnad 2026-04-21)");
  });
});

const review = (over: Partial<EconomicReviewList["items"][number]>): EconomicReviewList["items"][number] => ({
  id: "r1",
  municipality: { code: "0180", name: "Stockholm" },
  period: 2027,
  reviewedOn: "2027-05-12",
  held: true,
  fromYear: 2025,
  toYear: 2026,
  findings: "Kostnaderna är rätt redovisade.",
  visit: { id: "v1", label: "Besök 2027-05-12" },
  documentRequests: [{ id: "d1", subject: "Verifikationer 2026", status: "answered" }],
  remainingFunds: { amount: 1_234_567, reasoning: "Uppgifterna är utförda.", decidedOn: "2026-05-12" },
  files: [
    {
      id: "f1",
      kind: "ownAudit",
      fileName: "revision.pdf",
      mediaType: "application/pdf",
      sizeBytes: 100,
      downloadUrl: "/api/v1/economic-reviews/r1/files/f1",
    },
  ],
  createdBy: { id: "u", name: "Handläggare Ett" },
  version: 1,
  ...over,
});

describe("economic reviews section: what it says", () => {
  it("[R2.5-1] shows held and planned against the goal and both warnings in words", () => {
    const text = render(
      createElement(ReviewsView, {
        data: {
          items: [],
          period: 2027,
          held: 0,
          planned: 1,
          impliedByVisits: [{ id: "v2", label: "Besök oktober 2027" }],
          warnings: ["economicReviewsShort", "reviewBetweenVisitsMissing"],
          exemptVisits: [{ visitId: "v3", label: "Besök 2027-09-01", date: "2027-09-01" }],
        },
        code: "0187",
        period: 2027,
        mayWrite: true,
      }),
    );
    expect(text).toContain(
      "För få ekonomiska granskningar under mandatperioden: 0 genomförda och 1 planerade av minst 2.",
    );
    expect(text).toContain(
      "Kommunen har bara ett besök under perioden: en ekonomisk granskning mellan besöken saknas (mer än 90 dagar från besöket).",
    );
    expect(text).toContain("Besök oktober 2027 Ingen granskning vid besöket");
    expect(text).toContain(
      "Besök utan egen ekonomisk granskning Handläggaren har angett att de här besöken inte har någon egen ekonomisk granskning.",
    );
    expect(text).toContain("Besök 2027-09-01 Räkna besöket som planerad granskning");
    expect(text).toContain("Ingen ekonomisk granskning är registrerad under mandatperioden.");
  });

  it("[R2.5-5] [R2.5-6] [R2.5-4] shows a review's decision, attachments with their kind and linked requests", () => {
    const text = render(
      createElement(ReviewsView, {
        data: {
          items: [review({})],
          period: 2027,
          held: 2,
          planned: 0,
          impliedByVisits: [],
          warnings: [],
          exemptVisits: [{ visitId: "v3", label: "Besök 2027-09-01", date: "2027-09-01" }],
        },
        code: "0180",
        period: 2027,
        mayWrite: false,
      }),
    );
    expect(text).toContain("Målet är uppfyllt: 2 genomförda och 0 planerade.");
    expect(text).toContain("Granskning 2027-05-12 Genomförd");
    expect(text).toContain("Avser: 2025–2026");
    expect(text).toContain("Besök 2027-05-12");
    expect(text).toContain("Verifikationer 2026 (Besvarad)");
    expect(text).toContain("Beslut: kommunen får använda återstående medel, 1 234 567 kr, beslutat 2026-05-12");
    expect(text).toContain("Motivering: Uppgifterna är utförda.");
    expect(text).toContain("Kommunens revision: revision.pdf");
    expect(text).not.toContain("Ändra");
    // A reader sees which visits are exempt, but not the button.
    expect(text).toContain("Besök 2027-09-01");
    expect(text).not.toContain("Räkna besöket som planerad granskning");
  });
});
