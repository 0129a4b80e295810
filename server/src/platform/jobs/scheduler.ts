import { loggableError } from "../log-safe.js";

/** The part of a logger a job needs (pino's and Fastify's fit). */
export interface JobLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Job {
  /** Runs now unless a run is in progress (then waits for that one). */
  runNow(): Promise<void>;
  /** No further runs; waits for the one in progress. */
  stop(): Promise<void>;
}

/**
 * A job run once at start and then every `intervalMs`, never two runs of it at once in this process. Several
 * processes may run the same job: what it does must be safe for that (reminders claim in the database).
 * A failing run is logged and the next one runs as planned.
 */
export function startJob(options: { name: string; intervalMs: number; run: () => Promise<unknown>; log: JobLog }): Job {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = (): Promise<void> => {
    if (running) return running;
    if (stopped) return Promise.resolve();
    const started = Date.now();
    running = options
      .run()
      .then(
        (result) => options.log.info({ job: options.name, ms: Date.now() - started, result }, `${options.name}: klar`),
        (err: unknown) =>
          options.log.error({ job: options.name, err: loggableError(err) }, `${options.name}: misslyckades`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  // The HTTP server keeps the process alive; the job alone should not.
  timer.unref();
  setImmediate(() => void tick());
  return {
    runNow: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
