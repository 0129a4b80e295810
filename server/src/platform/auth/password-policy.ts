import { type PasswordOwner, passwordProblem } from "@uppsikt/core";
import { dictionary } from "@zxcvbn-ts/language-common";
import { Invalid } from "../errors.js";

/** About 49,000 common and breached passwords, from the zxcvbn-ts project's maintained list. */
let common: Set<string> | null = null;
const isCommon = (lowercase: string) => {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common.has(lowercase);
};

/** Throws a 400 naming the password field when the password may not be used. */
export function assertUsablePassword(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner, isCommon);
  if (problem) throw Invalid(problem, { issues: [{ path: "body.password", message: problem }] });
}
