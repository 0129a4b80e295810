/** What the crash test checks after the last restart: the API, the audit chain and the tables themselves. */
import { spawn } from "node:child_process";
import path from "node:path";
import { and, eq, like } from "drizzle-orm";
import { type Database, openPglite, openPostgres } from "../../server/src/db/client.js";
import { acquireDataDirLock } from "../../server/src/db/lock.js";
import { auditEvents, dialogueEntries } from "../../server/src/db/schema/index.js";
import type { Acknowledged, Session } from "./writers.js";

export interface ReadBack {
  /** Acknowledged ids the API does not answer 200 for. */
  missing: { id: string; status: number }[];
  /** Answered, but with other notes than were sent. */
  changed: string[];
}

/** Reads every acknowledged entry back through the API, `concurrency` at a time. */
export async function readBack(
  base: string,
  session: Session,
  ledger: Acknowledged[],
  concurrency = 8,
): Promise<ReadBack> {
  const result: ReadBack = { missing: [], changed: [] };
  let next = 0;
  const loop = async () => {
    while (next < ledger.length) {
      const write = ledger[next++]!;
      const res = await fetch(`${base}/api/v1/dialogue-entries/${write.id}`, {
        headers: { cookie: session.cookie, accept: "application/json" },
        signal: AbortSignal.timeout(60_000),
      });
      if (res.status !== 200) {
        result.missing.push({ id: write.id, status: res.status });
        await res.arrayBuffer();
        continue;
      }
      const entry = (await res.json()) as { notes: string | null };
      if (entry.notes !== write.notes) result.changed.push(write.id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return result;
}

/** `npm run audit:verify` on the same data, with the server stopped: its exit code and last line. */
export function auditVerifyCli(dataDir: string, databaseUrl?: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/cli/audit-verify.ts"], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? "", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code: code ?? -1, output: output.trim() }));
  });
}

export interface TableCheck {
  /** This run's entries (acknowledged, or committed though unanswered) without their `dialogue.create` audit event. */
  withoutAudit: string[];
  /** This run's entries in the table. */
  committed: number;
  /** Of those, the ones never acknowledged (cut off by a kill after their commit). */
  unacknowledged: number;
  /** Acknowledged ids not in the table. */
  absent: string[];
}

/** Looks at the tables directly (the server stopped): each entry of the run, acknowledged or not, has its audit event. */
export async function checkTables(
  dataDir: string,
  databaseUrl: string | undefined,
  runId: string,
  ledger: Acknowledged[],
) {
  const lock = databaseUrl ? null : acquireDataDirLock(dataDir, "crash-test");
  let database: Database | null = null;
  try {
    database = databaseUrl ? await openPostgres(databaseUrl, 2) : await openPglite(path.join(dataDir, "pglite"));
    const audited = await database.db
      .select({ id: auditEvents.entityId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "dialogue.create"), eq(auditEvents.entityType, "dialogueEntry")));
    const ids = new Set(audited.map((r) => r.id));
    const committed = await database.db
      .select({ id: dialogueEntries.id })
      .from(dialogueEntries)
      .where(like(dialogueEntries.notes, `crash-test ${runId} %`));
    const inTable = new Set(committed.map((r) => r.id));
    const acknowledged = new Set(ledger.map((w) => w.id));
    return {
      withoutAudit: [...new Set([...acknowledged, ...inTable])].filter((id) => !ids.has(id)),
      committed: inTable.size,
      unacknowledged: [...inTable].filter((id) => !acknowledged.has(id)).length,
      absent: [...acknowledged].filter((id) => !inTable.has(id)),
    } satisfies TableCheck;
  } finally {
    await database?.close();
    lock?.release();
  }
}
