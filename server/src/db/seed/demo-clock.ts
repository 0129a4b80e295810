import { addDays, stockholmDayStart } from "@uppsikt/core";
import type { Clock } from "../../platform/clock.js";

/** Noon-ish of a day relative to today, never later than now. */
export function demoInstant(clock: Clock, daysAgo: number, hour = 14): Date {
  const day = addDays(clock.today(), -daysAgo);
  const instant = new Date(stockholmDayStart(day).getTime() + hour * 3_600_000);
  return instant > clock.now() ? clock.now() : instant;
}
