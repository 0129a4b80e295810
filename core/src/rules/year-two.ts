import { isPastDue } from "./calendar.js";
import type { MandatePeriod } from "./periods.js";

/*
 * The follow-up of missing documents from the mandate period's second year (R2.2-4): the county lists the
 * municipalities still missing a required document, records why, and agrees a date with the municipality.
 */

/** The follow-up starts on 1 January of the period's second year. */
export const yearTwoStart = (period: Pick<MandatePeriod, "firstYear">): string => `${period.firstYear + 1}-01-01`;

/** Whether the follow-up has started on `today` (its first day included). */
export const isYearTwoActive = (period: Pick<MandatePeriod, "firstYear">, today: string): boolean =>
  today >= yearTwoStart(period);

/** An agreed date is overdue the day after it, while the document is still missing. */
export const isAgreedDateOverdue = (agreedDate: string, today: string): boolean => isPastDue(agreedDate, today);
