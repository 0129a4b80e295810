/*
 * The order of the watch list (bevakning, R1-3): grouped by kind, each group with its count; within a kind, what
 * falls due within 7 days first (soonest first), then the overdue ones with the newest first (a two-year-old item
 * should not bury yesterday's), then the rest by date. Groups follow the urgency of their first item, then the
 * kind's label. Pure: the server orders its answer with it and the web groups the list with it.
 */

/** Days ahead that count as "due soon": due today up to and including seven days from today. */
export const WATCH_DUE_SOON_DAYS = 7;

export type WatchUrgency = "dueSoon" | "overdue" | "later";
const URGENCY_RANK: Record<WatchUrgency, number> = { dueSoon: 0, overdue: 1, later: 2 };

/** What the order reads of an item: its kind, date, days left until it (negative when overdue) and a stable key. */
export interface WatchOrderFacts {
  kind: string;
  due: string;
  daysLeft: number;
  key: string;
}

export const watchUrgency = (daysLeft: number): WatchUrgency =>
  daysLeft < 0 ? "overdue" : daysLeft <= WATCH_DUE_SOON_DAYS ? "dueSoon" : "later";

/** Orders two items of one kind: due soon (soonest first), overdue (newest first), the rest (soonest first). */
export function compareWithinKind(a: WatchOrderFacts, b: WatchOrderFacts): number {
  const ua = watchUrgency(a.daysLeft);
  const ub = watchUrgency(b.daysLeft);
  if (ua !== ub) return URGENCY_RANK[ua] - URGENCY_RANK[ub];
  const byDate = ua === "overdue" ? b.due.localeCompare(a.due) : a.due.localeCompare(b.due);
  return byDate || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export interface WatchGroup<T> {
  kind: string;
  count: number;
  items: T[];
}

/**
 * The items grouped by kind with counts, each group in the order above. `labelOf` (the kind's label) breaks ties
 * between groups whose first items are equally urgent on the same day; without it the kind's code does.
 */
export function groupWatchItems<T extends WatchOrderFacts>(
  items: readonly T[],
  labelOf: (kind: string) => string = (kind) => kind,
): WatchGroup<T>[] {
  const byKind = new Map<string, T[]>();
  for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  const groups = [...byKind.entries()].map(([kind, list]) => {
    const sorted = [...list].sort(compareWithinKind);
    return { kind, count: sorted.length, items: sorted };
  });
  return groups.sort((a, b) => {
    const fa = a.items[0]!;
    const fb = b.items[0]!;
    const ua = URGENCY_RANK[watchUrgency(fa.daysLeft)];
    const ub = URGENCY_RANK[watchUrgency(fb.daysLeft)];
    if (ua !== ub) return ua - ub;
    const byDate = ua === URGENCY_RANK.overdue ? fb.due.localeCompare(fa.due) : fa.due.localeCompare(fb.due);
    return byDate || labelOf(a.kind).localeCompare(labelOf(b.kind), "sv") || a.kind.localeCompare(b.kind);
  });
}

/** The items in the list's order, flat: group after group. */
export const orderWatchItems = <T extends WatchOrderFacts>(
  items: readonly T[],
  labelOf?: (kind: string) => string,
): T[] => groupWatchItems(items, labelOf).flatMap((g) => g.items);
