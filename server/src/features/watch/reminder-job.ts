import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { type Job, type JobLog, startJob } from "../../platform/jobs/scheduler.js";
import type { WatchRegistry } from "../../platform/watch/registry.js";
import { runReminders } from "./reminders.js";

/**
 * The scheduled reminder job: once at start, then every REMINDER_INTERVAL_MINUTES; the injected clock decides
 * "today". Null when REMINDERS_ENABLED=false.
 */
export function startReminderJob(
  deps: { database: Database; config: Config; clock: Clock; watch: WatchRegistry },
  log: JobLog,
): Job | null {
  if (!deps.config.REMINDERS_ENABLED) return null;
  return startJob({
    name: "påminnelser",
    intervalMs: deps.config.REMINDER_INTERVAL_MINUTES * 60_000,
    run: () => runReminders(deps, deps.clock.now()),
    log,
  });
}
