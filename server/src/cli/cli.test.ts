import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", path.join("server/src/cli", script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });

// The tools open the embedded database; on the PostgreSQL project the same checks would only repeat.
describe.skipIf(inject("dbKind") !== "pglite")("command-line tools", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "uppsikt-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("user:create makes an administrator and audit:verify finds the chain whole", () => {
    const created = run("user-create.ts", ["--email", "Drift@Example.se", "--role", "admin", "--name", "Drift"], {
      DATA_DIR: dir,
    });
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/drift@example.se \(admin\) är skapad/);
    expect(created.stdout).toMatch(/Lösenord \(visas bara nu\): \S{12,}/);
    const verified = run("audit-verify.ts", [], { DATA_DIR: dir });
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/Granskningsloggen är hel: \d+ händelser/);
  });

  it("npm run demo never touches PostgreSQL", () => {
    const res = run("demo.ts", [], { DATA_DIR: dir, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/bara den inbyggda databasen/);
  });

  it("user:create explains bad arguments", () => {
    const res = run("user-create.ts", ["--email", "x@example.se", "--role", "king"], { DATA_DIR: dir });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Okänd roll/);
  });

  it("every tool refuses while another process holds the data folder", () => {
    // The parent of this test process is alive: it stands in for a running server.
    writeFileSync(
      path.join(dir, "uppsikt.lock"),
      JSON.stringify({ pid: process.ppid, purpose: "server", since: "2026-11-27T10:00:00Z" }),
    );
    for (const [script, args] of [
      ["audit-verify.ts", []],
      ["user-create.ts", ["--email", "y@example.se", "--role", "admin"]],
      ["demo.ts", []],
    ] as const) {
      const res = run(script, [...args], { DATA_DIR: dir });
      expect(res.status).toBe(3);
      expect(res.stderr).toMatch(/används redan av en annan process/);
    }
    rmSync(path.join(dir, "uppsikt.lock"));
  });
});
