/**
 * npm run crash-test: writes under load, kills the server with SIGKILL at a random moment while writes are in flight,
 * starts it again on the same data, for a few rounds; then checks that every acknowledged write is readable through
 * the API with what was sent, that each has its audit event, and that `npm run audit:verify` finds the chain whole.
 * On a fresh embedded database (a temporary DATA_DIR with demo data) and, when CRASH_DATABASE_URL (or
 * BENCH_DATABASE_URL) is set, on a fresh PostgreSQL database created on that server and dropped afterwards. Only
 * loopback traffic: the server listens on 127.0.0.1. Prints a table and exits non-zero on any loss.
 *
 *   npm run crash-test -- [--rounds 3] [--seconds 8] [--writers 8] [--max-seconds 90] [--port N]
 *                         [--database embedded|postgres|both]
 *
 * --max-seconds bounds each database's run after its first start (the rounds, restarts and checks): the rounds are
 * shortened to fit, and a run still going at the bound is stopped and counted as failed. Preparing the database and
 * the first start (which creates the demo data) have their own bound, CRASH_START_SECONDS (300).
 */
import { randomBytes } from "node:crypto";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { fixedClock } from "../../server/src/platform/clock.js";
import { login } from "../bench/measure.js";
import { seedPostgres } from "../bench/seed-postgres.js";
import { type CrashableServer, crashableServer, freePort } from "./server.js";
import { auditVerifyCli, checkTables, readBack } from "./verify.js";
import { type Acknowledged, type RoundLoad, type Session, WRITER_LOGIN, sessionOf, startWriters } from "./writers.js";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: process.env.CRASH_ROUNDS ?? "3" },
    seconds: { type: "string", default: process.env.CRASH_SECONDS ?? "8" },
    writers: { type: "string", default: process.env.CRASH_WRITERS ?? "8" },
    "max-seconds": { type: "string", default: process.env.CRASH_MAX_SECONDS ?? "90" },
    port: { type: "string", default: process.env.CRASH_PORT },
    database: { type: "string" },
  },
});
const positive = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not ${value}`);
  return n;
};
const ROUNDS = Math.floor(positive("rounds", args.rounds));
const ROUND_SECONDS = positive("seconds", args.seconds);
const WRITERS = Math.floor(positive("writers", args.writers));
const MAX_SECONDS = positive("max-seconds", args["max-seconds"]);
const PG_URL = process.env.CRASH_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
const DATABASES = args.database ?? (PG_URL ? "both" : "embedded");
if (!["embedded", "postgres", "both"].includes(DATABASES)) throw new Error("--database: embedded, postgres or both");
if (DATABASES !== "embedded" && !PG_URL) throw new Error("--database postgres needs CRASH_DATABASE_URL");
/** The demo data is written for this day; the server's clock is frozen at it. */
const NOW = new Date().toISOString();
const RUN_ID = randomBytes(4).toString("hex");
/** The first start creates the demo data (about 15 s on an idle machine, minutes on a loaded one). */
const START_SECONDS = Number(process.env.CRASH_START_SECONDS ?? 300);

interface RoundFigures extends RoundLoad {
  round: number;
  /** Seconds from the writers' start to the kill. */
  killedAfter: number;
  /** Seconds from spawning the process again to its first healthy answer. */
  restart: number;
}

interface Result {
  database: string;
  rounds: RoundFigures[];
  acknowledged: number;
  unanswered: number;
  refused: number;
  missing: number;
  changed: number;
  withoutAudit: number;
  committed: number;
  /** Committed though never acknowledged. */
  unacknowledged: number;
  /** Acknowledged, not in the table. */
  absent: number;
  auditChain: string;
  auditOk: boolean;
  firstStart: number;
  seconds: number;
  failures: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(
  database: string,
  server: CrashableServer,
  { firstStart, session }: { firstStart: number; session: Session },
  started: number,
  deadline: number,
): Promise<Result> {
  const left = () => deadline - performance.now();
  const failures: string[] = [];
  const ledger: Acknowledged[] = [];
  const rounds: RoundFigures[] = [];
  let restartEstimate = 10;
  for (let round = 1; round <= ROUNDS; round++) {
    // Leave room for the restart and the checks after the last round.
    const reserveMs = (2 * restartEstimate + 15) * 1000;
    const writeMs = Math.min(ROUND_SECONDS * 1000, left() - reserveMs);
    if (writeMs < 1000) {
      failures.push(`only ${round - 1} of ${ROUNDS} rounds fitted in --max-seconds ${MAX_SECONDS}`);
      break;
    }
    const writers = startWriters({
      base: server.base,
      session,
      writers: WRITERS,
      round,
      runId: RUN_ID,
      date: NOW.slice(0, 10),
      ledger,
    });
    const writing = performance.now();
    // A random moment in the second half of the round's time, and never with nothing in flight.
    await sleep(writeMs * (0.5 + Math.random() * 0.5));
    while (writers.inFlight() === 0) await sleep(1);
    writers.stop();
    await server.kill();
    const killedAfter = (performance.now() - writing) / 1000;
    const load = await writers.done;
    const restart = await server.start(left());
    restartEstimate = Math.max(restartEstimate / 2, restart);
    rounds.push({ ...load, round, killedAfter, restart });
    console.log(
      `${database}, round ${round}: ${load.acknowledged} acknowledged, ${load.inFlightAtKill} in flight at the SIGKILL after ${killedAfter.toFixed(1)} s, restart ${restart.toFixed(1)} s` +
        (load.refused.length
          ? `, ${load.refused.length} refused (first: ${load.refused[0]!.status} ${load.refused[0]!.body})`
          : ""),
    );
  }

  const back = await readBack(server.base, session, ledger);
  await server.stop();
  const audit = await auditVerifyCli(server.dataDir, server.databaseUrl);
  const tables = await checkTables(server.dataDir, server.databaseUrl, RUN_ID, ledger);

  const sum = (f: (r: RoundFigures) => number) => rounds.reduce((s, r) => s + f(r), 0);
  const result: Result = {
    database,
    rounds,
    acknowledged: ledger.length,
    unanswered: sum((r) => r.unanswered),
    refused: sum((r) => r.refused.length),
    missing: back.missing.length,
    changed: back.changed.length,
    withoutAudit: tables.withoutAudit.length,
    committed: tables.committed,
    unacknowledged: tables.unacknowledged,
    absent: tables.absent.length,
    auditChain: audit.output.split("\n").at(-1) ?? "",
    auditOk: audit.code === 0,
    firstStart,
    seconds: (performance.now() - started) / 1000,
    failures,
  };
  if (rounds.length === 0) failures.push("no round ran");
  if (result.refused) failures.push(`${result.refused} writes refused or unanswered while the server ran`);
  if (result.missing)
    failures.push(
      `${result.missing} acknowledged entries missing (first: ${back.missing[0]!.id}, ${back.missing[0]!.status})`,
    );
  if (result.changed)
    failures.push(`${result.changed} acknowledged entries with other notes (first: ${back.changed[0]})`);
  if (result.withoutAudit) failures.push(`${result.withoutAudit} entries without their audit event`);
  if (!result.auditOk) failures.push(`audit:verify exited ${audit.code}: ${audit.output}`);
  if (result.absent)
    failures.push(`${result.absent} acknowledged entries not in the table (first: ${tables.absent[0]})`);
  if (result.unacknowledged > result.unanswered)
    failures.push(
      `${result.unacknowledged} entries committed without an answer, more than the ${result.unanswered} writes cut off by the kills`,
    );
  return result;
}

/** `body`, or a rejection after `seconds`. */
async function within<T>(seconds: number, what: string, body: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: over ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([body(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Prepares the database and starts the server (at most START_SECONDS: the first start creates the demo data), then
 * runs the rounds and the checks within --max-seconds; the server is disposed either way.
 */
async function bounded(database: string, server: CrashableServer, setup?: () => Promise<void>): Promise<Result> {
  let started = performance.now();
  let firstStart = NaN;
  const dispose = () => server.dispose();
  cleanups.add(dispose);
  try {
    console.log(`${database}: preparing the database and starting the server…`);
    const prepared = await within(START_SECONDS, "preparing and first start", async () => {
      await setup?.();
      firstStart = await server.start(START_SECONDS * 1000);
      return { firstStart, session: sessionOf(await login(server.base, WRITER_LOGIN)) };
    });
    console.log(`${database}: first start ${prepared.firstStart.toFixed(1)} s; ${WRITERS} writers`);
    started = performance.now();
    const deadline = started + MAX_SECONDS * 1000;
    return await within(MAX_SECONDS, "--max-seconds", () => run(database, server, prepared, started, deadline));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`${database}: ${message}`);
    return {
      database,
      rounds: [],
      acknowledged: 0,
      unanswered: 0,
      refused: 0,
      missing: 0,
      changed: 0,
      withoutAudit: 0,
      committed: 0,
      unacknowledged: 0,
      absent: 0,
      auditChain: "–",
      auditOk: false,
      firstStart,
      seconds: (performance.now() - started) / 1000,
      failures: [message],
    };
  } finally {
    cleanups.delete(dispose);
    await server.dispose();
  }
}

/** What to undo when the run is interrupted (Ctrl-C): the server process, its folder, the PostgreSQL database. */
const cleanups = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, async () => {
    console.error(`${signal}: stopping the server and removing its data…`);
    for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => {});
    process.exit(130);
  });

/** A fresh database on the PostgreSQL server of `url`, dropped afterwards. */
async function withPostgres<T>(url: string, body: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `uppsikt_crash_${process.pid}_${RUN_ID}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const drop = async () => {
    cleanups.delete(drop);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  cleanups.add(drop);
  const u = new URL(url);
  u.pathname = `/${name}`;
  try {
    return await body(u.toString());
  } finally {
    await drop();
  }
}

function table(results: Result[]): string {
  const lines = [
    "| database | rounds | writers | acknowledged | unanswered at the kills | of those committed | missing (API, table) | changed | without audit event | audit chain | first start s | restart s (max) | seconds |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const restart = Math.max(...r.rounds.map((x) => x.restart));
    lines.push(
      `| ${r.database} | ${r.rounds.length} | ${WRITERS} | ${r.acknowledged} | ${r.unanswered} | ${r.unacknowledged} | ${r.missing}, ${r.absent} | ${r.changed} | ${r.withoutAudit} | ${r.auditOk ? "whole" : "BROKEN"} | ${r.firstStart.toFixed(1)} | ${r.rounds.length ? restart.toFixed(1) : "–"} | ${r.seconds.toFixed(0)} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown processor"}), Node ${process.version}`;
  console.log(
    `crash test ${RUN_ID}: ${ROUNDS} rounds of up to ${ROUND_SECONDS} s, ${WRITERS} writers, at most ${MAX_SECONDS} s per database; ${machine}`,
  );
  const results: Result[] = [];
  if (DATABASES !== "postgres") {
    const port = args.port ? Number(args.port) : await freePort();
    results.push(await bounded("embedded PGlite", crashableServer({ port, now: NOW })));
  }
  if (DATABASES !== "embedded")
    await withPostgres(PG_URL!, async (databaseUrl) => {
      const port = args.port ? Number(args.port) : await freePort();
      const server = crashableServer({ port, now: NOW, databaseUrl });
      results.push(await bounded("PostgreSQL", server, () => seedPostgres(databaseUrl, fixedClock(NOW))));
    });

  console.log(`\n${table(results)}\n`);
  for (const r of results) {
    console.log(`${r.database}: audit:verify: ${r.auditChain}`);
    for (const f of r.failures) console.error(`${r.database}: FAILED: ${f}`);
  }
  const failed = results.some((r) => r.failures.length > 0);
  console.log(failed ? "The crash test FAILED." : "Every acknowledged write survived; the audit chain is whole.");
  // Exit at once: after a run stopped at its bound, its writers may still be waiting for answers.
  process.exit(failed ? 1 : 0);
}

await main();
