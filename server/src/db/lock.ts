import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {}

export interface DataDirLock {
  file: string;
  release(): void;
}

interface Holder {
  pid: number;
  purpose: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holder(file: string): Holder | null {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function tryExclusive(file: string): boolean {
  try {
    closeSync(openSync(file, "wx"));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** A takeover marker older than this was left by a process that died while taking over. */
const TAKEOVER_STALE_MS = 10_000;

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * PGlite does not stop two processes from opening one data folder, and two writers corrupt it. The lock file
 * appears whole and at once: it is written under a private name and hard-linked into place, which fails if a lock
 * exists. A lock left by a dead process is taken over by whoever first creates the takeover marker exclusively;
 * that process alone removes the stale lock, after reading it again, and then links its own.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "uppsikt.lock");
  const takeover = `${file}.takeover`;
  const mine = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  const content = JSON.stringify({ pid: process.pid, purpose, host: hostname(), since: new Date().toISOString() });
  writeFileSync(mine, content);
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        linkSync(mine, file);
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
      }
      const h = holder(file);
      if (h && h.pid !== process.pid && isAlive(h.pid)) throw lockedBy(dataDir, h);
      if (!h) {
        // Unreadable: another process may be between writing and linking (never with this code), or it is garbage.
        // Give a writer a moment before treating it as stale.
        sleep(5);
        if (holder(file)) continue;
      }
      if (!tryExclusive(takeover)) {
        try {
          if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) rmSync(takeover, { force: true });
        } catch {
          /* gone already */
        }
        sleep(2 + Math.random() * 8);
        continue;
      }
      try {
        const again = holder(file);
        const stale = !again || again.pid === process.pid || !isAlive(again.pid);
        if (again && !stale) throw lockedBy(dataDir, again);
        if (stale && JSON.stringify(again) === JSON.stringify(h)) rmSync(file, { force: true });
      } finally {
        rmSync(takeover, { force: true });
      }
    }
    throw new DataDirLockedError(`Kunde inte låsa ${file}.`);
  } finally {
    rmSync(mine, { force: true });
  }
}

function lockedBy(dataDir: string, h: Holder) {
  return new DataDirLockedError(
    `Databasen i ${dataDir} används redan av en annan process (pid ${h.pid}, ${h.purpose}, sedan ${h.since}). ` +
      `Stoppa den först (t.ex. servern), eller kör mot PostgreSQL med DATABASE_URL.`,
  );
}
