/** Strings of who needs support (features/support-needs). */
export const supportNeedsSv = {
  nav: "Stödbehov",
  title: "Stödbehov",
  intro:
    "Kommunerna i {{county}} ordnade efter hur mycket stöd de kan behöva, med skälen. Varje skäl har en vikt (nationella värden) och poängen är summan.",
  year: "År",
  defaultYear: "Senaste året",
  listTitle: "Kommuner som kan behöva stöd {{year}}",
  caption: "Kommunerna ordnade efter poäng, högst först, med skälen",
  colRank: "Plats",
  colMunicipality: "Kommun",
  colScore: "Poäng",
  colReasons: "Skäl",
  weight: "vikt {{weight}}",
  empty: "Ingen kommun har något skäl till stöd just nu.",
  weightsSource: "Vikterna: {{source}}.",
  weightsUnknown: "Vikterna är nationella värden utan angiven källa.",
  rule: {
    annualReportLate: "Årsrapporten kom in för sent",
    annualReportMissing: "Årsrapporten saknas",
    warningAnswer: "Svar som är ett varningstecken",
    worseThanLastYear: "Sämre svar än förra året",
    notEligibleCosts: "Kostnader som inte får finansieras",
    largeSavings: "Stort sparande",
    documentMissing: "Dokument som saknas",
    documentLate: "Dokument som kom in för sent",
    overdueActions: "Åtgärder efter sista dag",
    openEarlyWarnings: "Öppna tidiga varningar",
  },
};

export const supportNeedsEn: typeof supportNeedsSv = {
  nav: "Support needs",
  title: "Support needs",
  intro:
    "The municipalities of {{county}} ordered by how much support they may need, with the reasons. Each reason has a weight (national values) and the score is their sum.",
  year: "Year",
  defaultYear: "Latest year",
  listTitle: "Municipalities that may need support in {{year}}",
  caption: "The municipalities by score, highest first, with the reasons",
  colRank: "Rank",
  colMunicipality: "Municipality",
  colScore: "Score",
  colReasons: "Reasons",
  weight: "weight {{weight}}",
  empty: "No municipality has any reason for support right now.",
  weightsSource: "The weights: {{source}}.",
  weightsUnknown: "The weights are national values without a stated source.",
  rule: {
    annualReportLate: "The annual report came in late",
    annualReportMissing: "The annual report is missing",
    warningAnswer: "An answer that is a warning sign",
    worseThanLastYear: "A worse answer than last year",
    notEligibleCosts: "Costs that may not be funded",
    largeSavings: "Large savings",
    documentMissing: "Documents missing",
    documentLate: "Documents that came in late",
    overdueActions: "Actions past their deadline",
    openEarlyWarnings: "Open early warnings",
  },
};

declare module "../../i18n/featureStrings" {
  interface FeatureStrings {
    supportNeeds: typeof supportNeedsSv;
  }
}
