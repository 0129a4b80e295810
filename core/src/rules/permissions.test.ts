import { describe, expect, it } from "vitest";
import { Role } from "../contracts/auth.js";
import { type Action, type Condition, PERMISSIONS, type PermissionSubject, allows } from "./permissions.js";

const ROLES = Role.options;
const subjects = (role: (typeof ROLES)[number]): PermissionSubject[] => [
  { role, countyHead: false, readOnly: false },
  { role, countyHead: true, readOnly: false },
  { role, countyHead: false, readOnly: true },
  { role, countyHead: true, readOnly: true },
];
const entries = Object.entries(PERMISSIONS) as [Action, Partial<Record<string, Condition>>][];
const withCondition = (c: Condition) =>
  entries.flatMap(([action, rules]) => ROLES.filter((role) => rules[role] === c).map((role) => ({ action, role })));

describe("the permission table's conditions", () => {
  it("every condition in the table is one of yes, countyHead, writer", () => {
    for (const [, rules] of entries)
      for (const c of Object.values(rules)) expect(["yes", "countyHead", "writer"]).toContain(c);
  });

  it.each(ROLES)("yes: allows %s whatever its flags", (role) => {
    for (const { action } of withCondition("yes").filter((x) => x.role === role))
      for (const s of subjects(role)) expect(allows(s, action), `${action} for ${role}`).toBe(true);
  });

  it.each(ROLES)("countyHead: allows %s only as a county user with the countyHead flag", (role) => {
    for (const { action } of withCondition("countyHead").filter((x) => x.role === role))
      for (const s of subjects(role))
        expect(allows(s, action), `${action} for ${JSON.stringify(s)}`).toBe(role === "county" && s.countyHead);
  });

  it.each(ROLES)("writer: allows %s only as a municipality user without the readOnly flag", (role) => {
    for (const { action } of withCondition("writer").filter((x) => x.role === role))
      for (const s of subjects(role))
        expect(allows(s, action), `${action} for ${JSON.stringify(s)}`).toBe(role === "municipality" && !s.readOnly);
  });

  it.each(ROLES)("no entry: never allows %s, whatever its flags", (role) => {
    for (const [action, rules] of entries)
      if (rules[role] === undefined) for (const s of subjects(role)) expect(allows(s, action)).toBe(false);
  });

  it("the table uses each condition: countyHead for county users, writer for municipality users", () => {
    expect(withCondition("countyHead").every((x) => x.role === "county")).toBe(true);
    expect(withCondition("writer").every((x) => x.role === "municipality")).toBe(true);
    expect(withCondition("countyHead")).toContainEqual({ action: "users.write", role: "county" });
    expect(withCondition("writer")).toContainEqual({ action: "documents.submit", role: "municipality" });
  });

  it("a countyHead flag on a non-county user and a readOnly flag on a county user change nothing", () => {
    expect(allows({ role: "municipality", countyHead: true, readOnly: false }, "users.write")).toBe(false);
    expect(allows({ role: "county", countyHead: false, readOnly: true }, "documents.submit")).toBe(true);
    expect(allows({ role: "municipality", countyHead: false, readOnly: true }, "documents.read")).toBe(true);
    expect(allows({ role: "municipality", countyHead: false, readOnly: true }, "documents.submit")).toBe(false);
  });
});
