import { defineConfig } from "vitest/config";

const postgres = process.env.TEST_DATABASE_URL;
const serverTests = { include: ["server/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 };

/** The server suite runs on PGlite always, and again on PostgreSQL when TEST_DATABASE_URL is set. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "core", include: ["core/**/*.test.ts"] } },
      { test: { name: "web", include: ["web/src/**/*.test.ts"] } },
      { test: { ...serverTests, name: "server:pglite", globalSetup: ["server/test/setup-pglite.ts"] } },
      ...(postgres
        ? [{ test: { ...serverTests, name: "server:postgresql", globalSetup: ["server/test/setup-postgres.ts"] } }]
        : []),
    ],
  },
});
