import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "server/src/db/migrations/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // Web must not import server code.
    files: ["web/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "@uppsikt/server"] }] },
  },
  {
    // Core imports neither server nor web (it has no I/O).
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/server/**", "@uppsikt/server", "**/web/**", "@uppsikt/web"] },
      ],
    },
  },
  {
    // Only repositories, schema files, the database layer (client, migrations, seeders) and the feature demo steps
    // (seeders too) query the tables: everything else calls a repository. Type-only imports are allowed.
    files: ["server/src/**/*.ts"],
    ignores: [
      "server/src/**/repository.ts",
      "server/src/**/*-repository.ts",
      "server/src/**/repository/**",
      "server/src/**/schema.ts",
      "server/src/db/**",
      "server/src/features/*/demo.ts",
      "server/src/features/*/seed.ts",
      "server/src/**/*.test.ts",
      "server/src/**/route-cases.ts",
      // The platform modules that are the store of a shared table: the audit log, sessions and login attempts,
      // clearances (their callers use these functions, never the tables).
      "server/src/platform/audit/audit.ts",
      "server/src/platform/audit/verify.ts",
      "server/src/platform/auth/sessions.ts",
      "server/src/platform/auth/rate-limit.ts",
      "server/src/platform/confidentiality/clearances.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/schema", "**/db/schema/*", "**/schema.js", "./schema.js"],
              allowTypeImports: true,
              message: "Query the tables in a repository (repository.ts, *-repository.ts), not here.",
            },
            {
              group: ["**/route-cases.js"],
              message: "route-cases.ts files are test support: only server/test/routes.ts collects them (by glob).",
            },
          ],
        },
      ],
    },
  },
  {
    // A feature's permission-matrix cases are test support: they import only the test helpers' case shape.
    files: ["server/src/**/route-cases.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.(?!\\./\\.\\./\\.\\./test/route-case\\.js$)",
              message: "Import only ../../../test/route-case.js.",
            },
          ],
        },
      ],
    },
  },
);
