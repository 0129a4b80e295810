/**
 * Mail about events (issue 10.11): a new document request to the municipality's coordinators, a municipality's
 * answer to the responsible officer, feedback sent by e-mail to the coordinators. A user turns each kind off like
 * a reminder kind (the same preferences, "Påminnelser och e-post").
 */
export const EVENT_MAIL_KINDS = ["eventNewRequest", "eventRequestAnswered", "eventFeedbackSent"] as const;
export type EventMailKind = (typeof EVENT_MAIL_KINDS)[number];

export const isEventMailKind = (kind: string): kind is EventMailKind =>
  (EVENT_MAIL_KINDS as readonly string[]).includes(kind);

/** The label of a kind in the preferences (Swedish; the web shows the same text). */
export const EVENT_MAIL_KIND_LABELS: Record<EventMailKind, { sv: string; en: string }> = {
  eventNewRequest: {
    sv: "E-post: ny begäran om underlag till kommunen",
    en: "E-mail: a new document request to the municipality",
  },
  eventRequestAnswered: {
    sv: "E-post: kommunen har svarat på en begäran om underlag",
    en: "E-mail: the municipality has answered a document request",
  },
  eventFeedbackSent: {
    sv: "E-post: återkoppling från länsstyrelsen",
    en: "E-mail: feedback from the county administrative board",
  },
};

/** Which role receives which kind: a preference is offered only to those who can get it. */
export function eventMailKindsFor(actor: { role: string; readOnly?: boolean }): EventMailKind[] {
  if (actor.role === "municipality") return actor.readOnly ? [] : ["eventNewRequest", "eventFeedbackSent"];
  if (actor.role === "county" || actor.role === "agency") return ["eventRequestAnswered"];
  return [];
}
