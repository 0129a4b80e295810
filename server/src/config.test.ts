import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigSchema, appUrlWarning, loadConfig } from "./config.js";
import { permissionTableMarkdown } from "./platform/permissions.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("configuration and documentation", () => {
  it("reads defaults and refuses bad values readably", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      AGENCY_NAME: "MCF",
      DEMO_DATA: true,
      LOGIN_THROTTLE_PAIR_FAILURES: 5,
      LOGIN_THROTTLE_ACCOUNT_FAILURES: 100,
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: 100,
      LOGIN_WINDOW_MINUTES: 15,
    });
    expect(path.isAbsolute(config.DATA_DIR)).toBe(true);
    expect(() => loadConfig({ PORT: "http" })).toThrow(/Felaktig konfiguration:\n {2}PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL ska börja med postgres/);
  });

  it("APP_URL follows PORT unless it is set, and a set APP_URL on another local port is warned about", () => {
    expect(loadConfig({}).APP_URL).toBe("http://localhost:3000");
    expect(loadConfig({ PORT: "3100" }).APP_URL).toBe("http://localhost:3100");
    expect(loadConfig({ PORT: "3100", APP_URL: "https://uppsikt.lst.example/" }).APP_URL).toBe(
      "https://uppsikt.lst.example",
    );
    expect(appUrlWarning(loadConfig({ PORT: "3100" }))).toBeNull();
    expect(appUrlWarning(loadConfig({ PORT: "3100", APP_URL: "https://uppsikt.lst.example" }))).toBeNull();
    expect(appUrlWarning(loadConfig({ PORT: "3100", APP_URL: "http://localhost:3100" }))).toBeNull();
    expect(appUrlWarning(loadConfig({ PORT: "3100", APP_URL: "http://localhost:3000" }))).toMatch(
      /APP_URL \(http:\/\/localhost:3000\) pekar på port 3000 men servern lyssnar på port 3100/,
    );
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
