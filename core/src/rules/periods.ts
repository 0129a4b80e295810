/**
 * A mandate period. Which periods exist (the election years) and how long they are are national values: core's
 * `nationalPeriods` / `nationalPeriodOn` compute them from the national rules in force, never from a constant.
 */
export interface MandatePeriod {
  /** The period is identified by its first year, e.g. 2023 for 2023–2026. */
  id: number;
  firstYear: number;
  lastYear: number;
  electionYear: number;
}
