/** A server process that the crash test kills with SIGKILL and starts again on the same data. */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnServer, waitFor } from "../bench/server.js";

export interface CrashableServer {
  base: string;
  /** The embedded database's folder (also used, empty, with PostgreSQL). */
  dataDir: string;
  databaseUrl?: string;
  /** Starts the process and waits for its first healthy answer; answers the seconds it took. */
  start(timeoutMs: number): Promise<number>;
  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  kill(): Promise<void>;
  /** SIGTERM and wait: the ordinary shutdown. */
  stop(): Promise<void>;
  /** Stops the process if it runs and removes the temporary folder. */
  dispose(): Promise<void>;
}

/** A port nobody listens on now, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });

/**
 * The server listening on 127.0.0.1 only, on a fresh temporary DATA_DIR (the embedded database, demo data at the first
 * start) or on the given PostgreSQL database. Its clock is frozen at `now`.
 */
export function crashableServer(options: { port: number; now: string; databaseUrl?: string }): CrashableServer {
  const dataDir = mkdtempSync(path.join(tmpdir(), "uppsikt-crash-"));
  const base = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | null = null;
  const env = {
    HOST: "127.0.0.1",
    APP_URL: base,
    SMTP_HOST: "",
    ...(options.databaseUrl ? {} : { DATABASE_URL: "" }),
  };
  return {
    base,
    dataDir,
    databaseUrl: options.databaseUrl,
    async start(timeoutMs) {
      const started = performance.now();
      const process = spawnServer(options.port, options.now, dataDir, options.databaseUrl, env);
      child = process;
      const died = new Promise<never>((_, reject) =>
        process.once("exit", (code, signal) => {
          if (child === process) reject(new Error(`the server exited while starting (${signal ?? code})`));
        }),
      );
      died.catch(() => {});
      await Promise.race([waitFor(`${base}/api/health`, timeoutMs), died]);
      return (performance.now() - started) / 1000;
    },
    async kill() {
      const c = child;
      child = null;
      if (c) await exited(c, "SIGKILL");
    },
    async stop() {
      const c = child;
      child = null;
      if (c) await exited(c, "SIGTERM");
    },
    async dispose() {
      await this.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
