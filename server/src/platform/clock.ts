import { stockholmDate } from "@uppsikt/core";

/** "Today" comes from here everywhere, so tests and demos can move it. */
export interface Clock {
  now(): Date;
  /** The Stockholm calendar date, YYYY-MM-DD. */
  today(): string;
}

export function systemClock(): Clock {
  return { now: () => new Date(), today: () => stockholmDate(new Date()) };
}

export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at), today: () => stockholmDate(at) };
}
