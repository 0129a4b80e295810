import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Statement } from "@uppsikt/core";
import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { Preconditions } from "./Preconditions";
import { statementsSv } from "./strings";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: "sv",
    resources: { sv: { translation: { statements: statementsSv } } },
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

const statement = (initiatedBy: "county" | "municipality") =>
  ({
    initiatedBy,
    preconditions: [
      {
        key: "communicated",
        applies: true,
        met: true,
        evidence: [{ text: "Protokoll från besök", date: "2026-03-01", link: null }],
        rule: "Bristerna har meddelats kommunen skriftligt.",
      },
      { key: "actionPlan", applies: true, met: false, evidence: [], rule: "Det finns en åtgärdsplan." },
      { key: "savingsPlan", applies: false, met: true, evidence: [], rule: "Plan för sparandet." },
    ],
  }) as unknown as Statement;

describe("the preconditions checklist: what it says", () => {
  it("[R3.2-1] names each precondition with its state, rule and evidence, and how many are missing", () => {
    const text = render(createElement(Preconditions, { statement: statement("county") }));
    expect(text).toContain("1 förutsättning saknas.");
    expect(text).toContain("Bristerna har meddelats kommunen skriftligt Uppfylld");
    expect(text).toContain("Det finns en åtgärdsplan Saknas");
    expect(text).toContain("Det finns en plan för sparandet Gäller inte");
    expect(text).toContain("2026-03-01 : Protokoll från besök");
    expect(text).toContain("Inget underlag i systemet.");
    expect(text).not.toContain("Initierat av kommunen");
  });

  it("[R3.3-3] tells that a municipality-initiated statement skips the deficiency checks", () => {
    const text = render(createElement(Preconditions, { statement: statement("municipality") }));
    expect(text).toContain("kontrollerna av brister gäller inte");
  });
});
