import {
  type WatchItemView,
  type WatchKind,
  type WatchScope,
  addDays,
  daysBetween,
  isPastDue,
  watchKindLabel,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import type { WatchItem, WatchRegistry } from "../../platform/watch/registry.js";

/** Moved to core's calendar; re-exported for the watch feature's importers. */
export { daysBetween };

/**
 * The agency's own watch list (R1-7): items of these kinds that an agency officer is responsible for, and the
 * national kinds every agency officer watches for all counties, among them the reduction cases' dates (R3.3-2),
 * which are the agency's work and so not on a county's list.
 */
export const AGENCY_OWN_KINDS: readonly WatchKind[] = ["countyDialogueFollowUp", "caseDocumentRequest"];
const AGENCY_CASE_KINDS: readonly WatchKind[] = ["reductionDecision", "legalFinality", "repaymentInvoice"];
export const AGENCY_NATIONAL_KINDS: readonly WatchKind[] = ["compilationForwarding", ...AGENCY_CASE_KINDS];

/**
 * The open items an actor watches (no horizon): a county officer those they are responsible for, or with
 * `scope: county` the whole county (never the agency's own items); a municipality user what the county awaits from
 * their municipality; an agency officer their own agency items and the national kinds. Admins watch nothing.
 * Permission checks are the caller's.
 */
export async function itemsFor(
  db: Db,
  watch: WatchRegistry,
  actor: Actor,
  scope: WatchScope,
  today: string,
): Promise<WatchItem[]> {
  if (actor.role === "agency") {
    const items = await watch.collect(db, { today }, [...AGENCY_OWN_KINDS, ...AGENCY_NATIONAL_KINDS]);
    return items.filter(
      (i) =>
        AGENCY_NATIONAL_KINDS.includes(i.kind) ||
        (AGENCY_OWN_KINDS.includes(i.kind) && i.responsibleUserId === actor.id),
    );
  }
  if (actor.role === "county" && actor.county) {
    const items = (await watch.collect(db, { today, counties: [actor.county] })).filter(
      (i) => !AGENCY_OWN_KINDS.includes(i.kind) && !AGENCY_CASE_KINDS.includes(i.kind),
    );
    return scope === "county" ? items : items.filter((i) => i.responsibleUserId === actor.id);
  }
  if (actor.role === "municipality" && actor.municipality) {
    const code = actor.municipality;
    const items = await watch.collect(db, { today, municipalities: [code] });
    return items.filter((i) => i.awaitedFromMunicipality && i.municipality?.code === code);
  }
  return [];
}

/** `countyNames`: code → name, for the item's county (shown where there is no municipality). */
export function toView(item: WatchItem, today: string, countyNames?: ReadonlyMap<string, string>): WatchItemView {
  return {
    key: item.key,
    due: item.due,
    kind: item.kind,
    kindLabel: watchKindLabel(item.kind),
    title: item.title,
    subject: item.subject,
    municipality: item.municipality,
    county: item.county ? { code: item.county, name: countyNames?.get(item.county) ?? item.county } : null,
    responsible: { id: item.responsibleUserId, name: item.responsibleName },
    overdue: isPastDue(item.due, today),
    daysLeft: daysBetween(today, item.due),
    link: item.link,
    feedbackVersionId: item.feedbackVersionId ?? null,
  };
}

/** Overdue first (oldest first), then the rest by date, up to `horizon` days ahead. */
export function withinHorizon(items: WatchItem[], today: string, horizon: number): WatchItem[] {
  const last = addDays(today, horizon);
  return items.filter((i) => i.due <= last).sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}
