import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Server {
  base: string;
  /** Seconds from spawning the process to its first healthy answer. */
  seconds: number;
  restart(): Promise<number>;
  stop(): Promise<void>;
}

/** Resolves at the first 2xx answer from `url`; throws after `ms`. */
export async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} answered nothing in ${ms} ms`);
}

/** The server in its own process (`env` adds to or overrides its settings). */
export function spawnServer(
  port: number,
  now: string,
  dataDir: string,
  databaseUrl?: string,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      UPPSIKT_NOW: now,
      REMINDERS_ENABLED: "false",
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "100000",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

/**
 * A server on a fresh embedded database (demo data), or on the given PostgreSQL database; `seconds` is the time from
 * starting the process to its first healthy answer. `restart()` stops it and starts it again on the same data.
 */
export async function startServer(options: { port: number; now: string; databaseUrl?: string }): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "uppsikt-bench-"));
  const base = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess;
  const start = async () => {
    const started = performance.now();
    child = spawnServer(options.port, options.now, dataDir, options.databaseUrl);
    await waitFor(`${base}/api/health`);
    return (performance.now() - started) / 1000;
  };
  const seconds = await start();
  return {
    base,
    seconds,
    async restart() {
      await stopped(child);
      return start();
    },
    async stop() {
      await stopped(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
