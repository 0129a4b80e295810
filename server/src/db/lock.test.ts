import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, inject, it } from "vitest";
import { DataDirLockedError, acquireDataDirLock } from "./lock.js";

describe("data folder lock", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), "uppsikt-lock-"));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("refuses a second holder while the first is alive, and frees on release", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, "server");
    expect(JSON.parse(readFileSync(lock.file, "utf8"))).toMatchObject({ pid: process.pid, purpose: "server" });
    // Another live process holds it: simulate with the parent's pid.
    writeFileSync(lock.file, JSON.stringify({ pid: process.ppid, purpose: "server", since: "2026-11-27T10:00:00Z" }));
    expect(() => acquireDataDirLock(dir, "audit:verify")).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir, "audit:verify")).toThrow(/används redan av en annan process/);
    writeFileSync(lock.file, JSON.stringify({ pid: process.pid, purpose: "server", since: "x" }));
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    acquireDataDirLock(dir, "again").release();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "uppsikt.lock"),
      JSON.stringify({ pid: 2 ** 22 + 12345, purpose: "server", since: "x" }),
    );
    const lock = acquireDataDirLock(dir, "server");
    expect(JSON.parse(readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  // No database involved: run it once, in the PGlite project.
  it.runIf(inject("dbKind") === "pglite")(
    "four processes racing for a stale lock 200 times: exactly one wins each time",
    async () => {
      const racer = fileURLToPath(new URL("../../test/lock-racer.ts", import.meta.url));
      const children: ChildProcess[] = [];
      const next = (child: ChildProcess) =>
        new Promise<{ won?: boolean; error?: string | null }>((resolve) => child.once("message", resolve));
      try {
        for (let i = 0; i < 4; i++) {
          const child = fork(racer, [], { execArgv: ["--import", "tsx"], stdio: "ignore" });
          children.push(child);
          await next(child);
        }
        for (let trial = 0; trial < 200; trial++) {
          const dir = tempDir();
          // Left by a process that no longer runs.
          writeFileSync(
            path.join(dir, "uppsikt.lock"),
            JSON.stringify({ pid: 2 ** 22 + 54321, purpose: "server", since: "2026-11-01T00:00:00Z" }),
          );
          const answers = children.map(next);
          for (const child of children) child.send({ do: "try", dir });
          const results = await Promise.all(answers);
          expect(results.filter((r) => r.error)).toEqual([]);
          expect(results.filter((r) => r.won).length, `trial ${trial}`).toBe(1);
          const released = children.map(next);
          for (const child of children) child.send({ do: "release" });
          await Promise.all(released);
        }
      } finally {
        for (const child of children) child.send({ do: "exit" });
      }
    },
    120_000,
  );
});
