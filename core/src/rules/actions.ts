import { addDays } from "./calendar.js";

/*
 * The action plan (R2.7-8, R1-3): each action's status, when it is overdue and when the county owes its
 * verification. Pure rules; the server, the watch lists and the web read them from here.
 *
 *   planned ⇄ inProgress ──report (municipality)──▶ reportedDone ──verify (county)──▶ verified
 *                 ▲────────────── send back (county, with a comment) ──────┘
 */

export const ACTION_STATUSES = ["planned", "inProgress", "reportedDone", "verified"] as const;
type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Past the deadline (the deadline day itself is in time) and neither reported done nor verified. */
export const isActionOverdue = (action: { due: string; status: ActionStatus }, today: string): boolean =>
  today > action.due && action.status !== "reportedDone" && action.status !== "verified";

/** The day the county's verification of a reported action falls due: the national number of days after the report. */
export const verificationDueOn = (reportedOn: string, days: number): string => addDays(reportedOn, days);

/** A reported action whose verification day has passed. */
export const isVerificationOverdue = (
  action: { status: ActionStatus; reportedOn: string | null },
  today: string,
  days: number,
): boolean =>
  action.status === "reportedDone" && action.reportedOn !== null && today > verificationDueOn(action.reportedOn, days);

export type ActionSide = "county" | "municipality";

/**
 * Which status changes each side makes through `PATCH /actions/:id` (reporting done is its own route, with files):
 * the municipality moves its work between planned and in progress; the county verifies a reported action or sends it
 * back to in progress (with a comment), and may also set planned/in progress.
 */
export function mayChangeStatus(side: ActionSide, from: ActionStatus, to: ActionStatus): boolean {
  if (from === to) return false;
  if (from === "verified") return false;
  if (side === "municipality") return (to === "planned" || to === "inProgress") && from !== "reportedDone";
  if (to === "verified") return from === "reportedDone";
  if (to === "inProgress") return true;
  return to === "planned" && from !== "reportedDone";
}

/** A county's send-back of a reported action needs a comment that says why. */
export const isSendBack = (from: ActionStatus, to: ActionStatus): boolean =>
  from === "reportedDone" && to === "inProgress";
