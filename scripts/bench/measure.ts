import autocannon from "autocannon";

export interface Figures {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Logs in as a demo user and returns the cookie header a browser would send. */
export async function login(base: string, email: string): Promise<string> {
  const first = await fetch(`${base}/api/v1/config`);
  const csrf = /csrf_token=([^;]+)/.exec(first.headers.get("set-cookie") ?? "")![1]!;
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf, cookie: `csrf_token=${csrf}` },
    body: JSON.stringify({ email, password: "uppsikt-demo" }),
  });
  if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const session = /uppsikt_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
  return `csrf_token=${csrf}; uppsikt_session=${session}`;
}

export async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  options: { seconds: number; connections: number; method?: "GET" | "POST"; body?: Buffer },
): Promise<Figures> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        headers,
        method: options.method ?? "GET",
        body: options.body,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
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
    max: times[times.length - 1] ?? NaN,
    errors: result.errors + result.non2xx,
  };
}
