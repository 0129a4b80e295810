import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {}

export interface DataDirLock {
  file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holder(file: string): { pid: number; purpose: string; since: string } | null {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * PGlite does not stop two processes from opening one data folder, and two writers corrupt it.
 * The lock file is created exclusively; a lock left by a dead process on this host is taken over.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "uppsikt.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (holder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once("exit", release);
      return { file, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const h = holder(file);
      if (h && h.pid !== process.pid && isAlive(h.pid)) {
        throw new DataDirLockedError(
          `Databasen i ${dataDir} används redan av en annan process (pid ${h.pid}, ${h.purpose}, sedan ${h.since}). ` +
            `Stoppa den först (t.ex. servern), eller kör mot PostgreSQL med DATABASE_URL.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Kunde inte låsa ${file}.`);
}
