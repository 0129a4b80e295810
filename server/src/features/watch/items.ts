import { type WatchItemView, type WatchScope, addDays, daysBetween, isPastDue, watchKindLabel } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import type { WatchItem, WatchRegistry } from "../../platform/watch/registry.js";

/** Moved to core's calendar; re-exported for the watch feature's importers. */
export { daysBetween };

/**
 * The open items an actor watches (no horizon): a county officer those they are responsible for, or with
 * `scope: county` the whole county; a municipality user what the county awaits from their municipality.
 * Other roles watch nothing. Permission checks are the caller's.
 */
export async function itemsFor(
  db: Db,
  watch: WatchRegistry,
  actor: Actor,
  scope: WatchScope,
  today: string,
): Promise<WatchItem[]> {
  if (actor.role === "county" && actor.county) {
    const items = await watch.collect(db, { today, counties: [actor.county] });
    return scope === "county" ? items : items.filter((i) => i.responsibleUserId === actor.id);
  }
  if (actor.role === "municipality" && actor.municipality) {
    const code = actor.municipality;
    const items = await watch.collect(db, { today, municipalities: [code] });
    return items.filter((i) => i.awaitedFromMunicipality && i.municipality?.code === code);
  }
  return [];
}

export function toView(item: WatchItem, today: string): WatchItemView {
  return {
    key: item.key,
    due: item.due,
    kind: item.kind,
    kindLabel: watchKindLabel(item.kind),
    title: item.title,
    subject: item.subject,
    municipality: item.municipality,
    responsible: { id: item.responsibleUserId, name: item.responsibleName },
    overdue: isPastDue(item.due, today),
    daysLeft: daysBetween(today, item.due),
    link: item.link,
  };
}

/** Overdue first (oldest first), then the rest by date, up to `horizon` days ahead. */
export function withinHorizon(items: WatchItem[], today: string, horizon: number): WatchItem[] {
  const last = addDays(today, horizon);
  return items.filter((i) => i.due <= last).sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}
