/** The follow-up calendar is Swedish: dates are read in Europe/Stockholm. */
export const TIME_ZONE = "Europe/Stockholm";

const dateFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date (YYYY-MM-DD) in Stockholm at the given instant. */
export function stockholmDate(instant: Date): string {
  return dateFormat.format(instant);
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** Whether a string is a real calendar date in the form YYYY-MM-DD. */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The instant a Stockholm calendar day begins (CET or CEST). */
export function stockholmDayStart(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  for (const offsetHours of [1, 2, 0]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    if (stockholmDate(candidate) === isoDate && stockholmDate(new Date(candidate.getTime() - 1)) !== isoDate)
      return candidate;
  }
  return new Date(utcMidnight);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether a date has passed on `today` (both YYYY-MM-DD, Stockholm calendar). The due day itself is in time;
 * the day after is late. Every deadline, reply date, agreed date and watched date is read this way.
 */
export function isPastDue(due: string, today: string): boolean {
  return today > due;
}

/** The first day on which a due date has passed (`isPastDue`): the day after it. */
export function firstDayPastDue(due: string): string {
  return addDays(due, 1);
}
