import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { type Job, type JobLog, startJob } from "../../platform/jobs/scheduler.js";
import { deliverEventMails, onEventMailsCommitted } from "./service.js";

const INTERVAL_MS = 60_000;

/**
 * Delivers event mails: once at start, every minute (for retries and for mails written by another process), and
 * right after an event's commit in this process. A poke during a run makes the run go round once more.
 */
export function startEventMailJob(deps: { database: Database; config: Config; clock: Clock }, log: JobLog): Job {
  let again = false;
  const job = startJob({
    name: "e-post om händelser",
    intervalMs: INTERVAL_MS,
    run: async () => {
      const total = { sent: 0, failed: 0 };
      do {
        again = false;
        const r = await deliverEventMails(deps, () => deps.clock.now());
        total.sent += r.sent;
        total.failed += r.failed;
      } while (again);
      return total;
    },
    // A run that sent nothing is not logged: it runs every minute.
    log: {
      info: (obj, msg) => {
        const r = (obj as { result?: { sent: number; failed: number } }).result;
        if (!r || r.sent > 0 || r.failed > 0) log.info(obj, msg);
      },
      error: (obj, msg) => log.error(obj, msg),
    },
  });
  onEventMailsCommitted(() => {
    again = true;
    void job.runNow();
  });
  return {
    runNow: job.runNow,
    async stop() {
      onEventMailsCommitted(null);
      await job.stop();
    },
  };
}
