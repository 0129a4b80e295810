import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.js";

const common = new Set(["password", "qwerty", "sommar", "123qweasdzxc", "lösenord"]);
const isCommon = (p: string) => common.has(p);
const owner = { email: "anna.lindqvist@lansstyrelsen.se", name: "Anna Lindqvist" };

describe("[R1-1] password policy (NIST SP 800-63B)", () => {
  it("refuses listed passwords, also with digits and symbols around them or repeated", () => {
    for (const p of [
      "123QWEasdzxc",
      "Password1234",
      "!!sommar2024!!",
      "qwertyqwertyqwerty",
      "abababababab",
      "Lösenord2026!",
    ])
      expect(passwordProblem(p, owner, isCommon), p).toMatch(/vanliga eller läckta/);
  });

  it("refuses a password containing the e-mail's local part or the name", () => {
    expect(passwordProblem("xanna.lindqvist9", owner, isCommon)).toMatch(/e-postadressens första del/);
    expect(passwordProblem("lindqvist-krisberedskap", owner, isCommon)).toMatch(/ditt namn/);
    expect(passwordProblem("hej ANNA hej hej", owner, isCommon)).toMatch(/ditt namn/);
  });

  it("accepts a passphrase with no composition rules", () => {
    expect(passwordProblem("korrekt häst batteri häftklammer", owner, isCommon)).toBeNull();
    expect(passwordProblem("alllowercasebutlong", owner, isCommon)).toBeNull();
  });
});
