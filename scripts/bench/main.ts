/**
 * npm run bench: every scenario in scenarios.ts against the health check, in the same run, on the embedded database
 * and (with BENCH_DATABASE_URL) on PostgreSQL; then the first start and a restart on the embedded database, and the
 * web app's JavaScript per first page. Prints a table and writes bench-results.json. BENCH_SECONDS (10),
 * BENCH_CONNECTIONS (32), BENCH_PORT (3200) and BENCH_SCENARIOS (names, comma-separated) change the run; an upload
 * load (UPLOAD_LOADS) measures the health check while large and hostile uploads run beside it. Exits non-zero on errors or a broken budget.
 */
import { writeFileSync } from "node:fs";
import { measureDocuments } from "./documents.js";
import { measureCompilations } from "./compilations.js";
import { describeBundle, measureBundle } from "./bundle.js";
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { fixedClock } from "../../server/src/platform/clock.js";
import { type Figures, login, measure } from "./measure.js";
import { LOGINS, type Login, SCENARIOS, UPLOAD_LOADS } from "./scenarios.js";
import { seedPostgres } from "./seed-postgres.js";
import { type Server, startServer } from "./server.js";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PG_URL = process.env.BENCH_DATABASE_URL;
/** Only the scenarios whose name contains one of these (comma-separated); the health baseline always runs. */
const ONLY = process.env.BENCH_SCENARIOS?.split(",").map((s) => s.trim().toLowerCase());
const chosen = (name: string) => !ONLY || ONLY.some((o) => name.toLowerCase().includes(o));
/** The demo data is written for this day; the servers' clocks are frozen at it. */
const NOW = process.env.BENCH_NOW ?? new Date().toISOString();
const BUDGETS = { firstStartSeconds: 20, restartSeconds: 5 };
/** The browser's headers: compression is part of what is measured. */
const BROWSER = { "accept-encoding": "br, gzip", accept: "application/json" };

interface Row extends Figures {
  database: string;
  ratio: number | null;
  /** An upload load's budget for the health check, when broken. */
  overBudget?: string;
}

/** The health check beside the uploads: p99 under 100 ms on PostgreSQL; never over 1 s on the embedded database. */
function uploadBudget(database: string, f: Figures): string | undefined {
  if (database === "PostgreSQL") return f.p99 < 100 ? undefined : `p99 ${f.p99.toFixed(0)} ms (budget 100 ms)`;
  return f.max <= 1000 ? undefined : `högst ${f.max.toFixed(0)} ms (budget 1000 ms)`;
}

/** Sends each upload again as soon as it is answered, until told to stop; answers how many and how many wrongly. */
const UPLOAD_SENDER = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, headers, uploads } = workerData;
let running = true, sent = 0, wrong = 0;
const loops = uploads.map(async (u) => {
  while (running) {
    const res = await fetch(url, { method: "POST", headers: { ...headers, "content-type": u.contentType }, body: u.payload }).catch(() => null);
    sent++;
    if (!res || res.status !== u.expect) { wrong++; if (wrong <= 3) console.error("upload: " + (res ? res.status : "no answer") + ", expected " + u.expect); }
    if (res) await res.arrayBuffer().catch(() => null);
  }
});
parentPort.once("message", async () => { running = false; await Promise.all(loops); parentPort.postMessage({ sent, wrong }); });
`;

async function runOn(database: string, server: Server): Promise<Row[]> {
  const cookies = new Map<Login, string>();
  for (const [key, email] of Object.entries(LOGINS)) cookies.set(key as Login, await login(server.base, email));
  const health = await measure(
    "Hälsokontroll (baslinje)",
    `${server.base}/api/health`,
    { ...BROWSER },
    {
      seconds: SECONDS,
      connections: CONNECTIONS,
    },
  );
  const rows: Row[] = [{ ...health, database, ratio: null }];
  for (const s of SCENARIOS.filter((x) => chosen(x.name))) {
    const body = s.body ? await s.body() : undefined;
    const cookie = cookies.get(s.login)!;
    const csrf = /csrf_token=([^;]+)/.exec(cookie)![1]!;
    const figures = await measure(
      s.name,
      `${server.base}${s.path}`,
      {
        ...BROWSER,
        cookie,
        "x-csrf-token": csrf,
        ...(body ? { "content-type": body.contentType } : {}),
      },
      { seconds: SECONDS, connections: s.connections ?? CONNECTIONS, method: s.method, body: body?.payload },
    );
    rows.push({ ...figures, database, ratio: figures.rps / health.rps });
  }
  for (const load of UPLOAD_LOADS.filter((x) => chosen(x.name))) {
    const cookie = cookies.get(load.login)!;
    const csrf = /csrf_token=([^;]+)/.exec(cookie)![1]!;
    const uploads = await load.uploads();
    // The uploads are sent from a worker thread, so that sending them does not delay the bench's own measurement.
    const sender = new Worker(UPLOAD_SENDER, {
      eval: true,
      workerData: { url: `${server.base}${load.path}`, headers: { cookie, "x-csrf-token": csrf }, uploads },
    });
    const health = await measure(
      load.name,
      `${server.base}/api/health`,
      { ...BROWSER },
      { seconds: SECONDS, connections: 4 },
    );
    const { sent, wrong } = await new Promise<{ sent: number; wrong: number }>((resolve) => {
      sender.once("message", resolve);
      sender.postMessage("stop");
    });
    await sender.terminate();
    console.log(`${load.name}: ${sent} uppladdningar, ${wrong} med fel svar; hälsa högst ${health.max.toFixed(0)} ms`);
    rows.push({
      ...health,
      errors: health.errors + wrong,
      database,
      ratio: health.rps / rows[0]!.rps,
      overBudget: uploadBudget(database, health),
    });
  }
  return rows;
}

function table(rows: Row[]): string {
  const lines = [
    "| databas | scenario | förfrågningar/s | × baslinjen | p50 ms | p95 ms | p99 ms | fel |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of rows)
    lines.push(
      `| ${r.database} | ${r.name} | ${Math.round(r.rps)} | ${r.ratio === null ? "–" : r.ratio.toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
    );
  return lines.join("\n");
}

async function withPostgres<T>(url: string, run: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `uppsikt_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  try {
    return await run(u.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main() {
  const machine = `${cpus().length} kärnor (${cpus()[0]?.model ?? "okänd processor"}), Node ${process.version}`;
  console.log(`${SECONDS} s per mätning, ${CONNECTIONS} samtidiga anslutningar (uppladdning 4), ${machine}`);

  // The first pages' JavaScript, from the build in web/dist (measured first: a missing build stops the bench at once).
  const bundle = measureBundle();
  const rows: Row[] = [];
  const embedded = await startServer({ port: PORT, now: NOW });
  let starts: { firstStart: number; restart: number };
  try {
    rows.push(...(await runOn("inbyggd PGlite", embedded)));
    starts = { firstStart: embedded.seconds, restart: await embedded.restart() };
  } finally {
    await embedded.stop();
  }
  if (PG_URL)
    await withPostgres(PG_URL, async (url) => {
      await seedPostgres(url, fixedClock(NOW));
      const server = await startServer({ port: PORT, now: NOW, databaseUrl: url });
      try {
        rows.push(...(await runOn("PostgreSQL", server)));
      } finally {
        await server.stop();
      }
    });

  const documents = await measureDocuments();
  const compilations = await measureCompilations(chosen);
  console.log(`\n${table(rows)}\n`);
  for (const d of documents) console.log(`${d.name}: ${d.ms.toFixed(0)} ms (median av 15; budget ${d.budgetMs} ms)`);
  for (const c of compilations) console.log(`${c.name}: ${c.ms.toFixed(0)} ms (median av 7; budget ${c.budgetMs} ms)`);
  console.log(
    `Första start (tom databas, demodata): ${starts.firstStart.toFixed(1)} s (budget ${BUDGETS.firstStartSeconds} s); omstart: ${starts.restart.toFixed(1)} s (budget ${BUDGETS.restartSeconds} s).`,
  );
  for (const line of describeBundle(bundle)) console.log(line);
  const results = {
    when: new Date().toISOString(),
    machine,
    seconds: SECONDS,
    connections: CONNECTIONS,
    starts,
    budgets: BUDGETS,
    rows,
    documents,
    compilations,
    bundle,
  };
  writeFileSync("bench-results.json", JSON.stringify(results, null, 2) + "\n");
  console.log("Resultaten finns i bench-results.json.");

  const errors = rows.some((r) => r.errors > 0);
  const slowStart = starts.firstStart > BUDGETS.firstStartSeconds || starts.restart > BUDGETS.restartSeconds;
  const slowHealth = rows.filter((r) => r.overBudget);
  const slowDocuments = [...documents, ...compilations].filter((d) => d.overBudget);
  const heavyBundle = bundle.loginPage.overBudget || bundle.countyFirstPage.overBudget;
  const overBudget = slowStart || slowHealth.length > 0 || slowDocuments.length > 0 || heavyBundle;
  for (const d of slowDocuments) console.error(`${d.name}: ${d.ms.toFixed(0)} ms, över budget.`);
  if (errors) console.error("Fel under mätningen.");
  if (slowStart) console.error("Starttiden är över budget.");
  if (heavyBundle) console.error("De första sidornas JavaScript är över budget.");
  for (const r of slowHealth) console.error(`${r.database}, ${r.name}: ${r.overBudget}.`);
  if (errors || overBudget) process.exitCode = 1;
}

await main();
