import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReductionCase } from "@uppsikt/core";
import i18next from "i18next";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { sv } from "../../i18n/sv";
import { economySv } from "../economy/strings";
import { DecisionSection } from "./DecisionSection";
import { CompensationSection, ReceivedSection } from "./ReductionCasePage";
import { caseSections } from "./model";
import { reductionCasesSv } from "./strings";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: "sv",
    resources: { sv: { translation: { ...sv, reductionCases: reductionCasesSv, economy: economySv } } },
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
const render = (element: ReactElement) =>
  markup(element)
    .replace(/<style[^>]*>[^<]*<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

const base: ReductionCase = {
  id: "c1",
  version: 2,
  municipality: { code: "0180", name: "Stockholm" },
  county: { code: "01", name: "Stockholms län" },
  statement: { id: "s1", registrationNumber: "LST 2026-123", sentOn: "2026-04-28", initiatedBy: "county" },
  receivedOn: "2026-04-30",
  year: 2026,
  effect: "withheld",
  rule: {
    cutOffOn: "2026-04-30",
    inclusive: true,
    text: "Ett yttrande som inkommer senast den 30 april (dagen räknas som före) stoppar årets utbetalning till beslut.",
    source: null,
    unverified: true,
  },
  allowedOutcomes: ["noReduction", "reduction"],
  status: "open",
  decisionDueOn: "2026-07-29",
  decision: null,
  lastAppealDay: null,
  appeal: null,
  legallyFinalOn: null,
  invoice: null,
  compensation: [
    { part: "grund", name: "Grundersättning", amount: 1_234_567, status: "withheld", adjustment: null },
    { part: "rsa-del", name: "RSA", amount: null, status: "withheld", adjustment: null },
  ],
  can: { write: true },
  createdAt: "2026-04-30T08:00:00Z",
};

describe("reduction case page: what it says", () => {
  it("[R3.3-2] the day received with the 30 April rule as applied: cut-off, inclusive, source, effect", () => {
    const text = render(createElement(ReceivedSection, { c: base, mayChange: false }));
    expect(text).toContain("Mottaget 2026-04-30");
    expect(text).toContain("Verkan för 2026 Utbetalningen stoppad");
    expect(text).toContain("Brytdag 2026-04-30 (30 april)");
    expect(text).toContain("Dagen själv räknas som före");
    expect(text).toContain("Källa ej verifierad");
    expect(text).toContain("dagen räknas som före) stoppar årets utbetalning");
    expect(text).not.toContain("Ändra mottagningsdag");
    expect(render(createElement(ReceivedSection, { c: base, mayChange: true }))).toContain("Ändra mottagningsdag");
  });

  it("[R3.3-2] after the cut-off: the rule's source and the repayment effect", () => {
    const after: ReductionCase = {
      ...base,
      receivedOn: "2026-05-01",
      effect: "repaymentIfDecided",
      rule: { ...base.rule, inclusive: false, source: "Överenskommelsen 2023", unverified: false },
    };
    const text = render(createElement(ReceivedSection, { c: after, mayChange: false }));
    expect(text).toContain("Kan leda till återbetalning");
    expect(text).toContain("räknas som efter");
    expect(text).toContain("Källa Överenskommelsen 2023");
  });

  it("[R3.3-2] the year's compensation per part with status and amounts in kronor; a secret amount as Sekretess", () => {
    const reduced: ReductionCase = {
      ...base,
      compensation: [{ ...base.compensation[0]!, status: "reduced", adjustment: -100_000 }, base.compensation[1]!],
    };
    const text = render(createElement(CompensationSection, { c: reduced }));
    expect(text).toContain("Ersättningen 2026 per del");
    expect(text).toContain("Grundersättning (grund) 1 234 567 kr Reducerad");
    expect(text).toContain("\u2212100 000 kr");
    expect(text).toContain("RSA (rsa-del) Sekretess Innehållen");
  });

  it("[R3.3-2] the decision form offers only the outcomes that fit the effect", () => {
    const html = markup(createElement(DecisionSection, { c: base, sections: caseSections(base, true) }));
    expect(html).toContain(">Ingen reducering</option>");
    expect(html).toContain(">Reducering</option>");
    expect(html).not.toContain(">Återbetalning</option>");
    expect(html).not.toContain(">Ingen återbetalning</option>");
    expect(html).toContain("Andel utförda uppgifter (%) (valfritt)");
    expect(html).toContain("Motivering");
  });

  it("[R3.3-2] a decided repayment: outcome, amount, share, last day of appeal, legally final and the invoice", () => {
    const c: ReductionCase = {
      ...base,
      effect: "repaymentIfDecided",
      allowedOutcomes: ["noRepayment", "repayment"],
      status: "legallyFinal",
      decision: {
        outcome: "repayment",
        amount: 250_000,
        parts: [],
        performedShare: 0.4,
        reasoning: "Kommunen har använt ersättningen till annat.",
        decidedOn: "2026-09-01",
        notifiedOn: "2026-09-02",
        decidedBy: { id: "u", name: "Alva Handläggare" },
      },
      lastAppealDay: "2026-09-23",
      legallyFinalOn: "2026-09-24",
      invoice: { amount: 250_000, createdOn: "2026-09-24", invoiceNumber: null, sentOn: null },
    };
    const text = render(createElement(DecisionSection, { c, sections: caseSections(c, true) }));
    expect(text).toContain("Utfall Återbetalning");
    expect(text).toContain("Belopp 250 000 kr");
    expect(text).toContain("Andel utförda uppgifter 40 %");
    expect(text).toContain("Sista dag att överklaga 2026-09-23");
    expect(text).toContain("Laga kraft 2026-09-24");
    expect(text).toContain("Faktura om återbetalning");
    expect(text).toContain("Inte skickad");
    expect(text).toContain("Markera som skickad");
    expect(text).not.toContain("Registrera överklagande");
  });
});
