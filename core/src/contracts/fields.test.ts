import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IsoDate, plain } from "./common.js";
import { text } from "./fields.js";

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;
const messageOf = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues[0]?.message;

describe("[I9.1] core's date helper: real calendar dates between 1900-01-01 and 2100-12-31", () => {
  it.each([
    ["1900-01-01", true],
    ["1899-12-31", false],
    ["2100-12-31", true],
    ["2101-01-01", false],
    ["2026-02-29", false],
    ["2028-02-29", true],
    ["0000-01-01", false],
    ["9999-12-31", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
  ])("[I9.1] %s → %s", (value, expected) => expect(ok(IsoDate, value)).toBe(expected));

  it("[I9.1] refuses year 0000 and out-of-range years with a Swedish message", () => {
    expect(messageOf(IsoDate, "0000-01-01")).toBe("Datumet ska ligga mellan 1900-01-01 och 2100-12-31.");
    expect(messageOf(IsoDate, "2026-02-29")).toBe("Datumet finns inte i kalendern.");
  });
});

describe("[I9.1] core's text helpers refuse NUL and lone surrogates", () => {
  const schemas = { plain: plain(), text: text(0, 100, "texten") };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`[I9.1] ${name}: NUL refused`, () => {
      expect(ok(schema, "a\u0000b")).toBe(false);
      expect(ok(schema, "\u0000")).toBe(false);
      expect(messageOf(schema, "a\u0000b")).toMatch(/NUL-tecken/);
    });
    it(`[I9.1] ${name}: a lone high or low surrogate refused`, () => {
      expect(ok(schema, "a\uD83Db")).toBe(false);
      expect(ok(schema, "a\uDE00b")).toBe(false);
      expect(ok(schema, "\uD83D")).toBe(false);
      expect(ok(schema, "\uDE00\uD83D")).toBe(false);
      expect(messageOf(schema, "\uD83D")).toMatch(/surrogat/);
    });
    it(`[I9.1] ${name}: a valid surrogate pair, tabs, newlines and Swedish letters are fine`, () => {
      expect(ok(schema, "Krisberedskap 😀 i Åre\n\tmed ö")).toBe(true);
      expect(ok(schema, "\uD83D\uDE00")).toBe(true);
    });
  }
  it("[I9.1] text still trims and enforces its bounds", () => {
    expect(text(1, 3, "namnet").safeParse("  ab  ").data).toBe("ab");
    expect(ok(text(1, 3, "namnet"), "abcd")).toBe(false);
  });
});

describe("[I9.1] every input string in the contracts goes through the text helpers", () => {
  it("[I9.1] no contract bounds, trims or refines a bare z.string() (the marks of an input field)", () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "common.ts")
      .flatMap((f) =>
        [
          ...readFileSync(path.join(dir, f), "utf8").matchAll(
            /\bz\s*\.string\([^)]*\)\s*\.(trim|min|max|toLowerCase|refine|nonempty)\(/g,
          ),
        ].map((m) => `${f}: ${m[0].replace(/\s+/g, "")}`),
      );
    expect(offenders, "use plain() or text() from fields.ts / common.ts").toEqual([]);
  });
});
