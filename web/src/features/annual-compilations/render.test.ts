import { MantineProvider } from "@mantine/core";
import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ImportResultView } from "./ImportSection";
import { annualCompilationsSv } from "./strings";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: "sv",
    resources: { sv: { translation: { annualCompilations: annualCompilationsSv } } },
    interpolation: { escapeValue: false },
  });
});
const markup = (element: ReactElement) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, element)));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the report import's check", () => {
  it("[R1-6] lists every cell's error (Blad, Cell, Fel) and offers no import", () => {
    const html = markup(
      createElement(ImportResultView, {
        result: {
          imported: false,
          errors: [
            { sheet: "Indikatorer", cell: "D5", message: "Svara Ja eller Nej." },
            { sheet: "Händelser", cell: "B3", message: "Datumet ska skrivas 2026-02-15." },
          ],
        },
        fileName: "mall.xlsx",
        importing: false,
        onImport: () => {},
      }),
    );
    const shown = text(html);
    expect(shown).toContain("Filen har 2 fel. Inget har sparats.");
    expect(shown).toContain("Blad Cell Fel");
    expect(shown).toContain("Indikatorer D5 Svara Ja eller Nej.");
    expect(shown).toContain("Händelser B3");
    expect(shown).not.toContain("Importera");
  });

  it("[R1-6] a file without errors can be imported", () => {
    const shown = text(
      markup(
        createElement(ImportResultView, {
          result: { imported: false, errors: [] },
          fileName: "mall.xlsx",
          importing: false,
          onImport: () => {},
        }),
      ),
    );
    expect(shown).toContain("Filen har inga fel och kan importeras.");
    expect(shown).toContain("Importera");
  });
});
