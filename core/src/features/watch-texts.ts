import type { WatchKind } from "./index.js";

/**
 * What a watched date is called, in each language: the kind's label and the title templates of its items. The
 * server sends a subject (a template's name and its values) and writes Swedish titles for mail and the calendar
 * feed; the web writes the title in the interface's language from the same templates. A kind without texts is a
 * type error.
 */
export type Language = "sv" | "en";
type Texts = Readonly<Record<Language, string>>;

export interface WatchKindTexts {
  readonly label: Texts;
  /** Templates with `{name}` placeholders, filled from the subject's values. */
  readonly titles: Readonly<Record<string, Texts>>;
}

export const WATCH_TEXTS = {
  documentDeadline: {
    label: { sv: "Sista dag för dokument", en: "Deadline for a document" },
    titles: {
      received: {
        sv: "{document} ska lämnas till länsstyrelsen: {municipality}",
        en: "{document} to be submitted to the county: {municipality}",
      },
      decided: { sv: "{document} ska vara beslutad: {municipality}", en: "{document} to be decided: {municipality}" },
    },
  },
  yearTwoAgreedDate: {
    label: { sv: "Överenskommet datum för saknat dokument", en: "Agreed date for a missing document" },
    titles: {
      agreed: {
        sv: "{document} enligt överenskommet datum: {municipality}",
        en: "{document} by the agreed date: {municipality}",
      },
    },
  },
  feedbackOwed: {
    label: { sv: "Återkoppling att skicka", en: "Feedback to send" },
    titles: {
      owed: {
        sv: "Återkoppling på {document} (version {version}): {municipality}",
        en: "Feedback on {document} (version {version}): {municipality}",
      },
    },
  },
  dialogueFollowUp: {
    label: { sv: "Uppföljningspunkt från dialog", en: "Follow-up item from the dialogue" },
    titles: {
      open: { sv: "Uppföljningspunkt: {text} – {municipality}", en: "Follow-up item: {text} – {municipality}" },
      openExternalOwner: {
        sv: "Uppföljningspunkt: {text} – {municipality} (ansvarig: {owner})",
        en: "Follow-up item: {text} – {municipality} (responsible: {owner})",
      },
      openNetwork: {
        sv: "Uppföljningspunkt: {text} – nätverksmöte med {count} kommuner",
        en: "Follow-up item: {text} – network meeting with {count} municipalities",
      },
      openNetworkExternalOwner: {
        sv: "Uppföljningspunkt: {text} – nätverksmöte med {count} kommuner (ansvarig: {owner})",
        en: "Follow-up item: {text} – network meeting with {count} municipalities (responsible: {owner})",
      },
      confidential: {
        sv: "Uppföljningspunkt (sekretess) – {municipality}",
        en: "Follow-up item (confidential) – {municipality}",
      },
      confidentialNetwork: {
        sv: "Uppföljningspunkt (sekretess) – nätverksmöte med {count} kommuner",
        en: "Follow-up item (confidential) – network meeting with {count} municipalities",
      },
    },
  },
  documentRequest: {
    label: { sv: "Begäran om underlag", en: "Request for documents" },
    titles: {
      open: { sv: "Begärt underlag: {subject} – {municipality}", en: "Requested: {subject} – {municipality}" },
      confidential: {
        sv: "Begäran om underlag (sekretess) – {municipality}",
        en: "Request for documents (confidential) – {municipality}",
      },
    },
  },
  visit: {
    label: { sv: "Uppföljningsbesök", en: "Follow-up visit" },
    titles: {
      planned: {
        sv: "Uppföljningsbesök ({kind}): {municipality}",
        en: "Follow-up visit ({kind}): {municipality}",
      },
    },
  },
  protocolFactualReview: {
    label: { sv: "Sakgranskning av protokoll", en: "Factual review of a protocol" },
    titles: {
      open: {
        sv: "Kommunens svar på sakgranskningen av protokollet: {municipality}",
        en: "The municipality's reply to the factual review of the protocol: {municipality}",
      },
    },
  },
  actionPlan: {
    label: { sv: "Åtgärdsplan", en: "Action plan" },
    titles: {
      due: {
        sv: "Kommunens åtgärdsplan efter besöket: {municipality}",
        en: "The municipality's action plan after the visit: {municipality}",
      },
    },
  },
  action: {
    label: { sv: "Åtgärd", en: "Action" },
    titles: {
      open: { sv: "Åtgärd: {text} – {municipality}", en: "Action: {text} – {municipality}" },
      confidential: { sv: "Åtgärd (sekretess) – {municipality}", en: "Action (confidential) – {municipality}" },
    },
  },
  actionVerification: {
    label: { sv: "Verifiera åtgärd", en: "Verify an action" },
    titles: {
      open: {
        sv: "Verifiera den rapporterade åtgärden: {text} – {municipality}",
        en: "Verify the reported action: {text} – {municipality}",
      },
      confidential: {
        sv: "Verifiera den rapporterade åtgärden (sekretess) – {municipality}",
        en: "Verify the reported action (confidential) – {municipality}",
      },
    },
  },
  feedbackBeforeVisit: {
    label: { sv: "Återkoppling före besök", en: "Feedback before a visit" },
    titles: {
      owed: {
        sv: "Skicka återkoppling på styrande dokument före besöket: {municipality}",
        en: "Send feedback on the directing documents before the visit: {municipality}",
      },
    },
  },
  savingsPlanOwed: {
    label: { sv: "Plan för sparande", en: "Savings plan" },
    titles: {
      owed: {
        sv: "Plan för sparande ska lämnas (stort sparande): {municipality}",
        en: "A savings plan is owed (large savings): {municipality}",
      },
    },
  },
  annualReportDue: {
    label: { sv: "Årsuppföljning ska lämnas", en: "Annual report due" },
    titles: {
      due: {
        sv: "Årsuppföljningen för {year} ska lämnas till länsstyrelsen: {municipality}",
        en: "The annual report for {year} to be submitted to the county: {municipality}",
      },
    },
  },
  annualReportReturned: {
    label: { sv: "Årsuppföljning att komplettera", en: "Annual report to complete" },
    titles: {
      returned: {
        sv: "Årsuppföljningen för {year} ska kompletteras: {municipality}",
        en: "The annual report for {year} to be completed: {municipality}",
      },
    },
  },
  annualReportReview: {
    label: { sv: "Årsuppföljning att granska", en: "Annual report to review" },
    titles: {
      review: {
        sv: "Granska årsuppföljningen för {year}: {municipality}",
        en: "Review the annual report for {year}: {municipality}",
      },
    },
  },
  compilationForwarding: {
    label: { sv: "Länets sammanställning till MCF", en: "The county's compilation to the agency" },
    titles: {
      forward: {
        sv: "Sammanställningen av årsuppföljningen {year} ska lämnas till MCF: {county}",
        en: "The compilation of the annual follow-up {year} to be forwarded to the agency: {county}",
      },
    },
  },
  statementApproval: {
    label: { sv: "Yttrande att godkänna", en: "Statement to approve" },
    titles: {
      approve: {
        sv: "Yttrandet till MCF om {municipality} väntar på godkännande",
        en: "The statement to the agency about {municipality} awaits approval",
      },
      send: {
        sv: "Yttrandet till MCF om {municipality} är godkänt och ska skickas",
        en: "The statement to the agency about {municipality} is approved and to be sent",
      },
    },
  },
  correctionChance: {
    label: { sv: "Möjlighet att rätta", en: "Chance to correct" },
    titles: {
      open: {
        sv: "Kommunens möjlighet att rätta felaktig användning löper ut: {municipality}",
        en: "The municipality's chance to correct wrongful use runs out: {municipality}",
      },
    },
  },
  savingsNotice: {
    label: { sv: "Sparande kommunen inte kan använda", en: "Savings the municipality cannot use" },
    titles: {
      open: {
        sv: "{municipality} meddelar sparande som kommunen inte kan använda",
        en: "{municipality} reports savings it cannot use",
      },
    },
  },
  reductionDecision: {
    label: { sv: "Beslut i ärende om reducerad ersättning", en: "Decision in a reduction case" },
    titles: {
      decide: {
        sv: "Beslut i ärendet om ersättningen till {municipality} ({county})",
        en: "Decision in the case on the compensation to {municipality} ({county})",
      },
    },
  },
  legalFinality: {
    label: { sv: "Beslut vinner laga kraft", en: "Decision becomes legally final" },
    titles: {
      final: {
        sv: "Beslutet om ersättningen till {municipality} vinner laga kraft",
        en: "The decision on the compensation to {municipality} becomes legally final",
      },
      appeal: {
        sv: "Överklagat beslut om ersättningen till {municipality}: ange när det vann laga kraft",
        en: "Appealed decision on the compensation to {municipality}: enter when it became legally final",
      },
    },
  },
  repaymentInvoice: {
    label: { sv: "Faktura om återbetalning", en: "Repayment invoice" },
    titles: {
      send: {
        sv: "Faktura om återbetalning ska skickas: {municipality}",
        en: "Repayment invoice to be sent: {municipality}",
      },
    },
  },
  caseDocumentRequest: {
    label: { sv: "Begärt underlag i ärende", en: "Documents requested in a case" },
    titles: {
      open: {
        sv: "Underlag i ärendet om ersättningen till {municipality}: {subject}",
        en: "Documents in the case on the compensation to {municipality}: {subject}",
      },
    },
  },
  countyDialogueFollowUp: {
    label: { sv: "Uppföljningspunkt från dialog med län", en: "Follow-up item from a county dialogue" },
    titles: {
      open: { sv: "Uppföljningspunkt: {text} – {county}", en: "Follow-up item: {text} – {county}" },
    },
  },
} as const satisfies Record<WatchKind, WatchKindTexts>;

/** A watched item's title as data: which template of its kind, and the values it is filled with. */
export interface WatchSubject {
  readonly template: string;
  readonly values: Readonly<Record<string, string | number>>;
}

/** A subject of `kind`, typed so that only the kind's own templates can be named. */
export const watchSubject = <K extends WatchKind>(
  _kind: K,
  template: keyof (typeof WATCH_TEXTS)[K]["titles"] & string,
  values: Record<string, string | number>,
): WatchSubject => ({ template, values });

const texts = (kind: string): WatchKindTexts | undefined => (WATCH_TEXTS as Record<string, WatchKindTexts>)[kind];

/** The kind's label, or the code itself for an unknown kind (a newer server than the web). */
export function watchKindLabel(kind: string, language: Language = "sv"): string {
  return texts(kind)?.label[language] ?? kind;
}

/** The item's title in `language`; undefined when the kind or template is unknown. */
export function watchTitle(kind: string, subject: WatchSubject, language: Language = "sv"): string | undefined {
  const template = texts(kind)?.titles[subject.template]?.[language];
  if (template === undefined) return undefined;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = subject.values[name];
    return value === undefined ? whole : String(value);
  });
}
