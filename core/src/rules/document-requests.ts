import type { DocumentRequestStatus } from "../contracts/document-requests.js";
import { isPastDue } from "./calendar.js";

/** The facts a request's status is read from; the timestamps only count as set or not. */
export interface DocumentRequestFacts {
  replyBy: string;
  answeredAt: unknown;
  closedAt: unknown;
}

/**
 * A request for documents (R2.5-4): closed once the county closes it; answered once answered; overdue when
 * unanswered after the reply date (the reply date itself is in time); otherwise open.
 */
export function documentRequestStatus(r: DocumentRequestFacts, today: string): DocumentRequestStatus {
  if (r.closedAt) return "closed";
  if (r.answeredAt) return "answered";
  return isPastDue(r.replyBy, today) ? "overdue" : "open";
}

/** Whether the county still awaits the municipality's answer (open or overdue): what the watch list follows. */
export function isAwaitingAnswer(r: Pick<DocumentRequestFacts, "answeredAt" | "closedAt">): boolean {
  return !r.closedAt && !r.answeredAt;
}
