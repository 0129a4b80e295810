import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema, loadConfig } from "./config.js";
import { permissionTableMarkdown } from "./platform/permissions.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("configuration and documentation", () => {
  it("reads defaults and refuses bad values readably", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      AGENCY_NAME: "MCF",
      DEMO_DATA: true,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 10,
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: 100,
      LOGIN_WINDOW_MINUTES: 15,
    });
    expect(path.isAbsolute(config.DATA_DIR)).toBe(true);
    expect(() => loadConfig({ PORT: "http" })).toThrow(/Felaktig konfiguration:\n {2}PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL ska börja med postgres/);
  });

  it(".env.example and the README list every variable", () => {
    const example = readFileSync(path.join(ROOT, ".env.example"), "utf8");
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const key of Object.keys(ConfigSchema.shape)) {
      expect(example, key).toMatch(new RegExp(`^#? ?${key}=`, "m"));
      expect(readme, key).toContain(`\`${key}\``);
    }
  });

  it("[R1-1] the README's permission table is the one in the code", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(permissionTableMarkdown());
  });
});
