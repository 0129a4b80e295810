import type { DocumentFlag, DocumentStatus } from "../contracts/documents.js";

/*
 * One label per document status and flag, in each language: the web's lists and the server's exports read these.
 * `missing` is both a status and a flag and reads the same as both.
 */

type ByLanguage<K extends string> = Readonly<Record<"sv" | "en", Readonly<Record<K, string>>>>;

export const DOCUMENT_STATUS_LABELS: ByLanguage<DocumentStatus> = {
  sv: {
    notYetDue: "Ej förfallen",
    missing: "Saknas",
    received: "Inkommen",
    underReview: "Under granskning",
    approved: "Godkänd",
    supplementRequested: "Komplettering begärd",
  },
  en: {
    notYetDue: "Not yet due",
    missing: "Missing",
    received: "Received",
    underReview: "Under review",
    approved: "Approved",
    supplementRequested: "Supplement requested",
  },
};

/** What each status means, for legends (the matrix's sheet and page). */
export const DOCUMENT_STATUS_MEANINGS: ByLanguage<DocumentStatus> = {
  sv: {
    notYetDue: "Ingen version har kommit in, men sista dag har inte passerat.",
    missing: "Ingen version har kommit in och sista dag har passerat.",
    received: "Senaste versionen har kommit in och väntar på granskning.",
    underReview: "Länsstyrelsen granskar senaste versionen.",
    approved: "Länsstyrelsen har godkänt senaste versionen.",
    supplementRequested: "Länsstyrelsen har begärt komplettering av senaste versionen.",
  },
  en: {
    notYetDue: "No version has come in, but the deadline has not passed.",
    missing: "No version has come in and the deadline has passed.",
    received: "The latest version has come in and waits for review.",
    underReview: "The county is reviewing the latest version.",
    approved: "The county has approved the latest version.",
    supplementRequested: "The county has asked for a supplement to the latest version.",
  },
};

export const DOCUMENT_FLAG_LABELS: ByLanguage<DocumentFlag> = {
  sv: { missing: DOCUMENT_STATUS_LABELS.sv.missing, late: "Sen", belowRequiredLevel: "För låg beslutsnivå" },
  en: { missing: DOCUMENT_STATUS_LABELS.en.missing, late: "Late", belowRequiredLevel: "Decision level too low" },
};

/** A flag in lower case after a status: "Godkänd, sent inlämnad eller beslutad". */
export const DOCUMENT_FLAG_PHRASES: ByLanguage<DocumentFlag> = {
  sv: { missing: "saknas", late: "sent inlämnad eller beslutad", belowRequiredLevel: "beslutad på för låg nivå" },
  en: { missing: "missing", late: "submitted or decided late", belowRequiredLevel: "decided at too low a level" },
};
