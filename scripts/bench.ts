/**
 * npm run bench: a load test of the county's municipality list against the health check as a baseline.
 * Starts its own server on a fresh embedded database (demo data), logs in as the Västra Götaland officer,
 * then runs autocannon for BENCH_SECONDS (default 10) with BENCH_CONNECTIONS (default 32) on each URL.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BASE = `http://127.0.0.1:${PORT}`;

async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} answered nothing in ${ms} ms`);
}

async function login(): Promise<string> {
  const first = await fetch(`${BASE}/api/v1/config`);
  const csrf = /csrf_token=([^;]+)/.exec(first.headers.get("set-cookie") ?? "")![1]!;
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf, cookie: `csrf_token=${csrf}` },
    body: JSON.stringify({ email: "lst14@uppsikt.example", password: "uppsikt-demo" }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const session = /uppsikt_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
  return `csrf_token=${csrf}; uppsikt_session=${session}`;
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(name: string, url: string, headers: Record<string, string>): Promise<Figures> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    name,
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "uppsikt-bench-"));
  let server: ChildProcess | undefined;
  try {
    server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      env: {
        ...process.env,
        PORT: String(PORT),
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "100000",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(`${BASE}/api/health`);
    const cookie = await login();
    const list = await measure(
      "GET /api/v1/counties/14/municipalities (49 kommuner, inloggad)",
      `${BASE}/api/v1/counties/14/municipalities`,
      { cookie },
    );
    const health = await measure("GET /api/health (baslinje)", `${BASE}/api/health`, {});
    const row = (f: Figures) =>
      `| ${f.name} | ${Math.round(f.rps)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} |`;
    console.log(
      `\n${SECONDS} s per mätning, ${CONNECTIONS} samtidiga anslutningar, inbyggd PGlite, ${cpus().length} kärnor (${cpus()[0]?.model ?? "okänd processor"}), Node ${process.version}\n`,
    );
    console.log("| anrop | förfrågningar/s | p50 ms | p95 ms | p99 ms | fel |");
    console.log("|---|---|---|---|---|---|");
    console.log(row(list));
    console.log(row(health));
    console.log(`\nKommunlistan klarar ${(list.rps / health.rps).toFixed(2)} × baslinjens förfrågningar per sekund.`);
    if (list.errors || health.errors) process.exitCode = 1;
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
