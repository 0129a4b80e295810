import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// A fresh embedded database per run; set once in the main process, inherited by the workers.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "uppsikt-e2e-"));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".ci-out/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npm run build && node --import tsx server/src/main.ts",
    url: `http://localhost:${PORT}/api/health`,
    // The build and the first start with demo data; a loaded machine needs the margin.
    timeout: 480_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: "warn",
      // The demo data and the specs are written for this day; the clock is frozen so they stay true.
      UPPSIKT_NOW: process.env.E2E_NOW ?? "2026-11-27T10:00:00+01:00",
      LOGIN_THROTTLE_PAIR_FAILURES: "1000",
      LOGIN_THROTTLE_ACCOUNT_FAILURES: "100000",
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "100000",
    },
  },
});
