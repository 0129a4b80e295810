import { isPastDue } from "./calendar.js";

/** A follow-up item of a dialogue entry (R1-3, R2.3-1): its due date and whether it has been marked done. */
export interface FollowUpFacts {
  due: string;
  done: boolean;
}

/** Open until marked done: what the watch list follows. */
export const isFollowUpOpen = (f: Pick<FollowUpFacts, "done">): boolean => !f.done;

/** Overdue when still open after its due date; the due day itself is in time. */
export function isFollowUpOverdue(f: FollowUpFacts, today: string): boolean {
  return isFollowUpOpen(f) && isPastDue(f.due, today);
}
