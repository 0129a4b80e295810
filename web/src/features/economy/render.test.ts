import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ConfidentialMark, EconomyYear } from "@uppsikt/core";
import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { Reviews } from "./CountyEconomyPage";
import { YearTable } from "./EconomyTab";
import { economySv } from "./strings";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: "sv",
    resources: { sv: { translation: { economy: economySv } } },
    interpolation: { escapeValue: false },
  });
});
const markup = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, element)),
    ),
  );
/** The text a reader gets (aria-hidden parts left out), with every kind of space as one plain space. */
const spoken = (html: string) =>
  html
    .replace(/<style[^>]*>[^<]*<\/style>/g, " ")
    .replace(/<(\w+)[^>]*aria-hidden="true"[^>]*>[^<]*<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
const visible = (html: string) =>
  html
    .replace(/<style[^>]*>[^<]*<\/style>/g, " ")
    .replace(/<span class="visually-hidden-text">[^<]*<\/span>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

type Year = z.infer<typeof EconomyYear>;
const secret: ConfidentialMark = {
  basis: "15 kap. 2 § OSL",
  readableBy: [{ id: "u1", name: "Örjan Ek" }],
  canRead: false,
};
const year = (y: number, fields: Partial<Year> = {}): Year => ({
  year: y,
  parts: [
    {
      part: "del1",
      name: "Del 1",
      countsTowardSavings: true,
      confidential: null,
      status: "paid",
      announced: 1000,
      received: 1000,
      usedCosts: 500,
      flaggedCosts: 0,
      limitedCosts: 0,
      ownFunding: 0,
      opening: 0,
      closing: 500,
    },
  ],
  total: { announced: 1000, received: 1000, usedCosts: 500, flaggedCosts: 0, closing: 500, share: 0.5 },
  totalConfidential: null,
  largeSavings: false,
  costsIn: true,
  costSource: "annualReport",
  manualCompilation: false,
  ...fields,
});
const hidden = (y: number) =>
  year(y, {
    totalConfidential: secret,
    total: { announced: null, received: null, usedCosts: null, flaggedCosts: null, closing: null, share: null },
  });

describe("the Ekonomi tab's year table", () => {
  it("[R2.6-1] shows no share and no large-savings mark for a year whose costs are not in", () => {
    const current = year(2026, {
      costsIn: false,
      largeSavings: true,
      costSource: null,
      total: { announced: 1000, received: 1000, usedCosts: 0, flaggedCosts: 0, closing: 3840, share: 3.84 },
    });
    const html = markup(createElement(YearTable, { years: [current, year(2025)] }));
    const text = visible(html);
    expect(text).toContain("Kostnader saknas");
    expect(text).not.toContain("384");
    expect(text).not.toContain("Stort sparande");
    expect(text).toContain("50 %");
    expect(spoken(html)).toContain("Ingen andel: årets kostnader saknas ännu.");
  });

  it("[R2.6-1] explains confidential totals once above the table and says only Sekretess in the rows", () => {
    const years = [year(2024), ...[2023, 2022, 2021, 2020, 2019].map(hidden)];
    const html = markup(createElement(YearTable, { years }));
    const text = spoken(html);
    expect(text).toContain(
      "Summorna för 2019–2023 omfattas av sekretess eftersom de innehåller sekretessbelagda belopp och visas som ”Sekretess”. Sekretess enligt 15 kap. 2 § OSL. Får läsas av: Örjan Ek.",
    );
    expect(text.match(/Sekretess enligt/g)).toHaveLength(1);
    // Five amounts and the share in each of the five rows.
    const body = spoken(html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>")));
    expect(body.split(" ").filter((word) => word === "Sekretess")).toHaveLength(30);
    expect(body).not.toContain("Får läsas av");
    expect(html).toContain('aria-describedby="economy-secret-note"');
  });
});

describe("the county table's reviews", () => {
  it("[R2.5-1] counts reviews in Swedish on one line and names the warnings in full for screen readers", () => {
    const html = markup(
      createElement(Reviews, {
        reviews: { held: 1, planned: 0, warnings: ["economicReviewsShort", "reviewBetweenVisitsMissing"] },
      }),
    );
    expect(visible(html)).toContain("1 hållen, 0 planerade");
    expect(visible(html)).toContain("För få granskningar");
    expect(visible(html)).toContain("Mellan besöken saknas");
    expect(spoken(html)).toContain("För få ekonomiska granskningar");
    expect(spoken(html)).toContain("Granskning mellan besöken saknas");
    expect(html).toContain('title="Granskning mellan besöken saknas"');
    const two = visible(markup(createElement(Reviews, { reviews: { held: 2, planned: 1, warnings: [] } })));
    expect(two).toContain("2 hållna, 1 planerad");
  });
});
