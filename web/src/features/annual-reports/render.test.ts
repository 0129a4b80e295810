import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { MissingAnswer, Question } from "@uppsikt/core";
import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { AnswerView } from "./AnswerView";
import { MissingList } from "./ReportSections";
import { annualReportsSv } from "./strings";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: "sv",
    resources: { sv: { translation: { annualReports: annualReportsSv } } },
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
    .replace(/\s+/g, " ");

describe("annual report: what it says", () => {
  it("[R2.4-2] a refused submission lists every missing answer with its part", () => {
    const missing: MissingAnswer[] = [
      { questionKey: "krisledningOvat", label: "Har krisledningsnämnden övats under 2026?", part: "indicators" },
      { questionKey: "handelser", label: "Händelser under året, rad 1: Datum", part: "events", row: 0, field: "datum" },
    ];
    const text = render(createElement(MissingList, { missing, onGo: () => {} }));
    expect(text).toContain("Rapporten kan inte lämnas in: obligatoriska svar saknas");
    expect(text).toContain("2 svar saknas.");
    expect(text).toContain("Har krisledningsnämnden övats under 2026? (Indikatorer)");
    expect(text).toContain("Händelser under året, rad 1: Datum (Händelser)");
  });

  it("[R2.4-2] a repeating group reads as a table of its rows, an unanswered question as such", () => {
    const group: Question = {
      key: "handelser",
      type: "group",
      label: "Händelser under året",
      help: "",
      required: false,
      area: "crisisPreparedness",
      warning: null,
      better: null,
      fields: [
        { key: "datum", type: "date", label: "Datum", help: "", required: true },
        { key: "sammankallad", type: "yesNo", label: "Sammankallades nämnden?", help: "", required: false },
      ],
    };
    const text = render(
      createElement(AnswerView, { question: group, value: [{ datum: "2026-03-04", sammankallad: true }] }),
    );
    expect(text).toContain("Datum Sammankallades nämnden?");
    expect(text).toContain("1 2026-03-04 Ja");
    const none = render(
      createElement(AnswerView, { question: { ...group, type: "text", fields: undefined }, value: null }),
    );
    expect(none).toContain("Ej besvarad");
  });
});
