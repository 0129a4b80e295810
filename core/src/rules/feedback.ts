import { addDays, daysBetween, isPastDue } from "./calendar.js";

/*
 * Written feedback owed (R2.3-3). One rule for the county's "waited long" list, the watch list and its reminder
 * mails: the latest version of a document whose type expects feedback, with no sent feedback on that version,
 * falls due `waitDays` after it was received, and is owed (has waited long) from the day after.
 */

/** A document version as far as feedback goes. */
export interface FeedbackVersionFacts {
  receivedOn: string;
  /** It is the document's latest version (an older one is superseded and owes nothing). */
  isLatest: boolean;
  /** Feedback on this version has been marked sent (a draft does not count). */
  hasSentFeedback: boolean;
  /**
   * An officer has decided that no feedback will be sent (issue 10.10): nothing is awaited any more. This is not
   * feedback sent; rules that require feedback to have been sent (R2.7-4) do not read it.
   */
  waived?: boolean;
}

/** The national values the rule reads: whether the document type expects feedback, and the wait in days. */
export interface FeedbackTypeRule {
  feedbackExpected: boolean;
}
export interface FeedbackWait {
  waitDays: number;
}

/** Feedback is awaited on the version (whatever the date). */
export function isFeedbackAwaited(v: Omit<FeedbackVersionFacts, "receivedOn">, type: FeedbackTypeRule): boolean {
  return type.feedbackExpected && v.isLatest && !v.hasSentFeedback && !v.waived;
}

/** The day feedback on a version received on `receivedOn` falls due. */
export function feedbackDueOn(receivedOn: string, wait: FeedbackWait): string {
  return addDays(receivedOn, wait.waitDays);
}

/** Feedback is owed on `today`: awaited, and its due day has passed (the due day itself is in time). */
export function isFeedbackOwed(
  v: FeedbackVersionFacts,
  type: FeedbackTypeRule,
  wait: FeedbackWait,
  today: string,
): boolean {
  return isFeedbackAwaited(v, type) && isPastDue(feedbackDueOn(v.receivedOn, wait), today);
}

/**
 * The inverse of `feedbackDueOn`, for pushing the boundary into a query: a version falls due after `due` exactly
 * when it was received after `receivedOnDueOn(due)`; so it is owed on `today` exactly when received before
 * `receivedOnDueOn(today)`.
 */
export function receivedOnDueOn(due: string, wait: FeedbackWait): string {
  return addDays(due, -wait.waitDays);
}

/** Days a version has waited since it was received. */
export const feedbackDaysWaited = (receivedOn: string, today: string): number => daysBetween(receivedOn, today);
