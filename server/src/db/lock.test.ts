import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
});
