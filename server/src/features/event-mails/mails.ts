import { APP_URL_TOKEN, type EventMailDraft, type MailRecipient } from "./service.js";

/*
 * The Swedish texts of the event mails. No confidential content ever goes into one: a confidential request's subject
 * is left out and a letter with a confidential part is not attached; the mail then only links to Uppsikt, where
 * the reader's clearance decides.
 */

const link = (path: string) => `${APP_URL_TOKEN}${path}`;

const footer = (why: string) => [
  "",
  why,
  `Du kan stänga av den här sortens e-post under Min bevakning, ”Påminnelser och e-post”: ${link("/bevakning")}`,
  "",
  "Meddelandet skickades automatiskt och går inte att svara på.",
];

export function newRequestMail(
  recipient: MailRecipient,
  e: {
    municipality: { code: string; name: string };
    requestedBy: string;
    /** Null when the request is confidential. */
    subject: string | null;
    replyBy: string;
    path: string;
  },
): EventMailDraft {
  return {
    subject: `Ny begäran om underlag till ${e.municipality.name} – svara senast ${e.replyBy}`,
    body: [
      `Hej ${recipient.name}!`,
      "",
      `${e.requestedBy} begär underlag från ${e.municipality.name} (${e.municipality.code}) i Uppsikt.`,
      "",
      e.subject === null ? "  Ämne: begäran är sekretessbelagd och visas bara i Uppsikt" : `  Ämne: ${e.subject}`,
      `  Svara senast: ${e.replyBy}`,
      `  Läs och svara i Uppsikt: ${link(e.path)}`,
      ...footer("Du får e-posten som beredskapssamordnare i kommunen."),
    ].join("\n"),
  };
}

export function requestAnsweredMail(
  recipient: MailRecipient,
  e: {
    municipality: { code: string; name: string };
    answeredBy: string;
    /** Null when the request is confidential. */
    subject: string | null;
    files: number;
    path: string;
  },
): EventMailDraft {
  return {
    subject: `${e.municipality.name} har svarat på en begäran om underlag`,
    body: [
      `Hej ${recipient.name}!`,
      "",
      `${e.answeredBy} i ${e.municipality.name} (${e.municipality.code}) har svarat på en begäran om underlag.`,
      "",
      e.subject === null ? "  Begäran: sekretessbelagd, visas bara i Uppsikt" : `  Begäran: ${e.subject}`,
      `  Bifogade filer: ${e.files === 0 ? "inga" : e.files}`,
      `  Läs svaret i Uppsikt: ${link(e.path)}`,
      ...footer("Du får e-posten som ansvarig för kommunen eller för begäran."),
    ].join("\n"),
  };
}

export function feedbackSentMail(
  recipient: MailRecipient,
  e: {
    countyBoard: string;
    municipality: { code: string; name: string };
    typeName: string;
    versionNo: number;
    sentOn: string;
    /** The PDF is attached; false when the letter has a confidential part (then only the link). */
    attached: boolean;
    path: string;
  },
): EventMailDraft {
  return {
    subject: `Återkoppling från ${e.countyBoard}: ${e.typeName}, ${e.municipality.name}`,
    body: [
      `Hej ${recipient.name}!`,
      "",
      `${e.countyBoard} har skickat skriftlig återkoppling till ${e.municipality.name} (${e.municipality.code}) på ”${e.typeName}”, version ${e.versionNo}.`,
      "",
      `  Datum: ${e.sentOn}`,
      e.attached
        ? "  Brevet finns bifogat som PDF."
        : "  Brevet innehåller sekretessbelagda uppgifter och skickas därför inte med e-post. Läs det i Uppsikt.",
      `  Öppna i Uppsikt: ${link(e.path)}`,
      ...footer("Du får e-posten som beredskapssamordnare i kommunen."),
    ].join("\n"),
  };
}
