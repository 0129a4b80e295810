import type { WatchItemView } from "@uppsikt/core";

/** Where an item belongs: its municipality, or its county for the agency's items (which have no municipality). */
export const placeOf = (item: Pick<WatchItemView, "municipality" | "county">) =>
  item.municipality ?? item.county ?? null;
