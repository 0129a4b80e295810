import { stockholmDate } from "@uppsikt/core";
import type { Clock } from "../src/platform/clock.js";

/** A clock the test moves. */
export interface TestClock extends Clock {
  set(instant: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start: string | Date = "2026-11-27T10:00:00+01:00"): TestClock {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    today: () => stockholmDate(at),
    set: (instant) => {
      at = new Date(instant);
    },
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
  };
}
