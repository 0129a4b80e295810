import { addDays } from "./calendar.js";

/*
 * The protocol after a visit (R2.7-7, R2.10-1): its states, what each state allows, and the factual review's reply
 * date. Pure rules; the server enforces them and the web shows them.
 *
 *   draft ──factual review──▶ factualReview ──approve──▶ approved ──send──▶ sent ──correct──▶ draft (version n+1)
 *     └────────────────────────approve───────────────────────▲
 * An edit of the draft after approval withdraws the approval (the approved text is the one sent).
 */

export const PROTOCOL_STATES = ["draft", "factualReview", "approved", "sent"] as const;
type ProtocolState = (typeof PROTOCOL_STATES)[number];

/** The protocol's fields may change: not once sent (a correction opens a new version). */
export const isProtocolEditable = (state: ProtocolState): boolean => state !== "sent";

/** A draft goes to factual review from draft (or again, with a new reply date, while in review). */
export const mayStartFactualReview = (state: ProtocolState): boolean => state === "draft" || state === "factualReview";

/** A county head approves a draft or a reviewed draft. */
export const mayApprove = (state: ProtocolState): boolean => state === "draft" || state === "factualReview";

/** Only an approved protocol is sent. */
export const maySend = (state: ProtocolState): boolean => state === "approved";

/** The municipality comments while its factual review is open. */
export const mayComment = (state: ProtocolState): boolean => state === "factualReview";

/** The factual review's default reply date: the national number of days after it is sent out. */
export const factualReviewReplyBy = (sentOn: string, replyDays: number): string => addDays(sentOn, replyDays);

/** The state after an edit of the protocol's fields: an approval is withdrawn, a review stays open. */
export const stateAfterEdit = (state: ProtocolState): ProtocolState => (state === "approved" ? "draft" : state);
