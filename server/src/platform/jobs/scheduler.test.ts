import { describe, expect, it } from "vitest";
import { startJob } from "./scheduler.js";

const quiet = { info() {}, error() {} };

describe("scheduled jobs", () => {
  it("runs once at start and then on its interval, never twice at once, and stop waits for the run in progress", async () => {
    let runs = 0;
    let running = 0;
    let overlapped = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = startJob({
      name: "test",
      intervalMs: 20,
      log: quiet,
      run: async () => {
        runs++;
        running++;
        if (running > 1) overlapped = true;
        if (runs === 1) await gate; // the first run is slow: ticks meanwhile are skipped
        running--;
      },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBeGreaterThan(1);
    const stopping = job.stop();
    await stopping;
    const after = runs;
    await new Promise((r) => setTimeout(r, 60));
    expect(runs).toBe(after);
    expect(overlapped).toBe(false);
  });

  it("logs a failing run and goes on", async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const job = startJob({
      name: "failing",
      intervalMs: 10,
      log: { info() {}, error: (o) => errors.push(o) },
      run: async () => {
        runs++;
        throw new Error("boom");
      },
    });
    await new Promise((r) => setTimeout(r, 60));
    await job.stop();
    expect(runs).toBeGreaterThan(1);
    expect(errors.length).toBe(runs);
  });
});
