import { describe, expect, it } from "vitest";
import { loginThrottleDelayMs } from "./login-throttle.js";

describe("[issue 9.7] login throttle delay", () => {
  it("[issue 9.7] waits nothing below the threshold, then doubles with each further failure up to the cap", () => {
    const delay = (n: number) => loginThrottleDelayMs(n, 5, 30_000, 15 * 60_000);
    expect(delay(4)).toBeNull();
    expect(delay(5)).toBe(30_000);
    expect(delay(6)).toBe(60_000);
    expect(delay(7)).toBe(120_000);
    expect(delay(10)).toBe(15 * 60_000);
    expect(delay(10_000)).toBe(15 * 60_000);
  });
});
