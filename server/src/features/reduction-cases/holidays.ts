import { isWeekend } from "@uppsikt/core";
import Holidays from "date-holidays";

/*
 * Swedish days that are not working days for the time to appeal (lag (1930:173) om beräkning av lagstadgad tid):
 * Saturdays, Sundays, public holidays, and midsommarafton, julafton and nyårsafton (date-holidays has these three
 * as "bank" days). Observances and half days (trettondagsafton, valborgsmässoafton) are working days.
 */

const COUNTED_TYPES = new Set(["public", "bank"]);
const byYear = new Map<number, Set<string>>();
let holidays: Holidays | undefined;

function nonWorkingDaysOf(year: number): Set<string> {
  let days = byYear.get(year);
  if (!days) {
    holidays ??= new Holidays("SE");
    days = new Set(
      (holidays.getHolidays(year) || []).filter((h) => COUNTED_TYPES.has(h.type)).map((h) => h.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

/** Whether the ISO date (YYYY-MM-DD) is a Saturday, a Sunday or a Swedish holiday that counts as one. */
export function isNonWorkingDay(isoDate: string): boolean {
  return isWeekend(isoDate) || nonWorkingDaysOf(Number(isoDate.slice(0, 4))).has(isoDate);
}
