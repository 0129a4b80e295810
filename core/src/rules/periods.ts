import { stockholmDate, yearOf } from "./calendar.js";

/** Swedish general elections that open the mandate periods the system knows. */
export const ELECTION_YEARS = [2018, 2022, 2026] as const;
export const PERIOD_LENGTH = 4;

export interface MandatePeriod {
  /** The period is identified by its first year, e.g. 2023 for 2023–2026. */
  id: number;
  firstYear: number;
  lastYear: number;
  electionYear: number;
}

/** A mandate period starts on 1 January after a September general election. */
export function periodFromElectionYear(electionYear: number): MandatePeriod {
  const firstYear = electionYear + 1;
  return { id: firstYear, firstYear, lastYear: firstYear + PERIOD_LENGTH - 1, electionYear };
}

export function knownPeriods(): MandatePeriod[] {
  return ELECTION_YEARS.map(periodFromElectionYear);
}

/** The period that contains a calendar year, extrapolated every four years. */
export function periodForYear(year: number): MandatePeriod {
  const base = ELECTION_YEARS[0] + 1;
  const offset = Math.floor((year - base) / PERIOD_LENGTH) * PERIOD_LENGTH;
  return periodFromElectionYear(base + offset - 1);
}

/** The current period on a Stockholm calendar date (YYYY-MM-DD). */
export function currentPeriodOn(isoDate: string): MandatePeriod {
  return periodForYear(yearOf(isoDate));
}

export function currentPeriodAt(instant: Date): MandatePeriod {
  return currentPeriodOn(stockholmDate(instant));
}

export function findPeriod(id: number): MandatePeriod | undefined {
  return knownPeriods().find((p) => p.id === id);
}

/** Periods an agreement running over [firstYear, lastYear] touches. */
export function periodsOverlapping(firstYear: number, lastYear: number): number[] {
  return knownPeriods()
    .filter((p) => p.firstYear <= lastYear && p.lastYear >= firstYear)
    .map((p) => p.id);
}
