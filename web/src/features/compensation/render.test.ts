import { MantineProvider } from "@mantine/core";
import type { CompensationImportResult, CompensationPart } from "@uppsikt/core";
import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { PartsTable } from "./CompensationPage";
import { ImportResultView } from "./ImportSection";
import { compensationSv } from "./strings";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: "sv",
    resources: { sv: { translation: { compensation: compensationSv } } },
    interpolation: { escapeValue: false },
  });
});
const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, element)))
    .replace(/<style[^>]*>[^<]*<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    // Every kind of space as one plain space (amounts are written with no-break spaces).
    .replace(/\s+/g, " ");

const part = (over: Partial<CompensationPart>): CompensationPart => ({
  code: "del1-2024",
  name: "Del 1: uppgifter enligt LEH",
  nameEn: "Part 1: tasks under LEH",
  agreement: { id: "a", title: "Överenskommelse 2024–2026" },
  firstYear: 2024,
  lastYear: 2026,
  countsTowardSavings: true,
  confidentialBasis: null,
  predecessor: "okkb-2019",
  position: 3,
  source: "Överenskommelse 2024–2026",
  unverified: false,
  version: 1,
  ...over,
});
const row = (n: number, change: "new" | "updated" | "unchanged") => ({
  row: n,
  municipality: "0180",
  year: 2026,
  part: "del1-2024",
  amount: 1_234_567,
  status: "announced" as const,
  adjustment: null,
  statusOn: null,
  change,
});
const view = (result: z.infer<typeof CompensationImportResult>) =>
  render(
    createElement(ImportResultView, {
      result,
      fileName: "lista.xlsx",
      parts: [part({})],
      all: false,
      onAll: () => {},
      importing: false,
      onImport: () => {},
    }),
  );

describe("compensation page: what it says", () => {
  it("[R1-5] lists the parts with their years, savings flag, confidentiality, predecessor and source", () => {
    const text = render(
      createElement(PartsTable, {
        parts: [
          part({}),
          part({
            code: "ledningsplatser",
            name: "Särskilt stöd till ledningsplatser",
            agreement: null,
            firstYear: 2022,
            lastYear: null,
            countsTowardSavings: false,
            predecessor: null,
          }),
          part({ code: "okcf-2019", confidentialBasis: "15 kap. 2 § OSL" }),
          part({ code: "del1-2027", source: null, unverified: true }),
        ],
        mayWrite: true,
        onEdit: () => {},
      }),
    );
    expect(text).toContain(
      "del1-2024 Del 1: uppgifter enligt LEH Part 1: tasks under LEH Överenskommelse 2024–2026 2024–2026 Ja Nej okkb-2019",
    );
    expect(text).toContain("Utanför överenskommelserna från 2022 Nej Nej –");
    expect(text).toContain("Ja: 15 kap. 2 § OSL");
    expect(text).toContain("Källa saknas ej verifierad");
  });

  it("[R1-5] a preview with errors lists every error by row and offers no import", () => {
    const text = view({
      dryRun: true,
      saved: false,
      rows: [row(2, "new")],
      errors: [
        { row: 4, field: "Belopp (kr)", message: "Beloppet får inte vara negativt." },
        { row: 3, field: "Kommunkod", message: "Okänd kommunkod 9999." },
        { row: 4, field: "Del", message: "Okänd del x." },
      ],
      counts: { new: 1, updated: 0, unchanged: 0 },
    });
    expect(text).toContain("Filen har fel på 2 rader. Inget sparas förrän alla rader är rätt.");
    expect(text).toContain(
      "Rad Fält Fel 3 Kommunkod Okänd kommunkod 9999. 4 Belopp (kr) Beloppet får inte vara negativt. 4 Del",
    );
    expect(text).not.toContain("Importera");
  });

  it("[R1-5] a valid preview shows each row's change and offers the import; a refused import says nothing was saved", () => {
    const ok = view({
      dryRun: true,
      saved: false,
      rows: [row(2, "new"), row(3, "unchanged"), row(4, "updated")],
      errors: [],
      counts: { new: 1, updated: 1, unchanged: 1 },
    });
    expect(ok).toContain("1 nya, 1 ändrade och 1 oförändrade rader.");
    expect(ok).toContain("Importera");
    expect(ok).toContain("2 0180 2026 del1-2024 Del 1: uppgifter enligt LEH 1 234 567 kr Utannonserad – – Ny");
    expect(ok).toContain("Ändrad");
    expect(ok).not.toContain("Oförändrad");
    const refused = view({
      dryRun: false,
      saved: false,
      rows: [],
      errors: [{ row: 2, field: "År", message: "Året ligger utanför delens år." }],
      counts: { new: 0, updated: 0, unchanged: 0 },
    });
    expect(refused).toContain("Filen har fel på 1 rad. Inget sparas förrän alla rader är rätt. Inget har sparats.");
  });
});
