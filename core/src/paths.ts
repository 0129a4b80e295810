/**
 * The web app's addresses, for links the server writes (watch items, reminder mails, the calendar feed) and for the
 * web's own router. The slugs are Swedish because people read and share them; identifiers stay English.
 */
export const MUNICIPALITY_TAB_SLUGS = {
  documents: "dokument",
  dialogue: "dialog",
  annualReport: "arsrapport",
  economy: "ekonomi",
  visits: "besok",
  actions: "atgarder",
  statements: "yttranden",
} as const;
export type MunicipalityTabKey = keyof typeof MUNICIPALITY_TAB_SLUGS;
export type MunicipalityTabSlug = (typeof MUNICIPALITY_TAB_SLUGS)[MunicipalityTabKey];

export const webPaths = {
  start: () => "/",
  login: () => "/logga-in",
  watch: () => "/bevakning",
  county: (code: string) => `/lan/${code}`,
  /** The county's annual follow-up: its municipalities' reports and its compilation to the agency. */
  countyAnnualFollowUp: (code: string) => `/lan/${code}/arsuppfoljning`,
  /** The agency's follow-up dialogues with a county (R1-7). */
  countyDialogues: (code: string) => `/lan/${code}/dialoger-mcf`,
  /** A municipality's page, on a tab (the documents tab is the default and has no `flik`) and a mandate period. */
  municipality: (code: string, options: { tab?: MunicipalityTabKey; period?: number } = {}) => {
    const search = new URLSearchParams();
    if (options.period !== undefined) search.set("period", String(options.period));
    if (options.tab && options.tab !== "documents") search.set("flik", MUNICIPALITY_TAB_SLUGS[options.tab]);
    const query = search.toString();
    return `/kommun/${code}${query ? `?${query}` : ""}`;
  },
  /** A formal follow-up visit, with its protocol. */
  visit: (id: string) => `/besok/${id}`,
  /** A statement to the agency (R3.1-1). */
  statement: (id: string) => `/yttranden/${id}`,
  /** The county's statements and its municipalities' notices of savings they cannot use. */
  countyStatements: (code: string) => `/lan/${code}/yttranden`,
  /** The agency's reduction case (R3.3). */
  reductionCase: (id: string) => `/arenden/${id}`,
  /** The agency's reduction cases. */
  reductionCases: () => "/arenden",
} as const;
