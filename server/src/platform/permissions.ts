import { type Action, type Condition, PERMISSIONS, type Role, allows } from "@uppsikt/core";
import type { Actor } from "./actor.js";
import { Forbidden, NotFound } from "./errors.js";

/*
 * The permission table (action × role → condition) lives in core (core/src/rules/permissions.ts), so that the
 * web shows exactly what the server allows. Here: scope. A target outside the actor's scope is answered 404,
 * so that existence is not revealed; a known but forbidden action 403.
 */
export { type Action, PERMISSIONS, allows };

/** A target's place in the county/municipality tree; undefined fields mean "national". */
export interface Target {
  county?: string | null;
  municipality?: string | null;
}

/** Whether the target lies within what the actor may see at all. */
export function inScope(actor: Actor, target: Target): boolean {
  switch (actor.role) {
    case "agency":
    case "admin":
      return true;
    case "county":
      return target.county == null || target.county === actor.county;
    case "municipality":
      if (target.municipality != null) return target.municipality === actor.municipality;
      return target.county == null || target.county === actor.county;
  }
}

/** Throws 404 when the target is out of scope, 403 when the action is forbidden. */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (target && !inScope(actor, target)) throw NotFound();
  if (!allows(actor, action)) throw Forbidden();
}

/** Renders the table for the README. */
export function permissionTableMarkdown(): string {
  const roles: Role[] = ["agency", "county", "municipality", "admin"];
  const rows = Object.entries(PERMISSIONS).map(([action, rules]) => {
    const r = rules as Partial<Record<Role, Condition>>;
    return `| \`${action}\` | ${roles.map((role) => r[role] ?? "–").join(" | ")} |`;
  });
  return [`| action | ${roles.join(" | ")} |`, `|---|${roles.map(() => "---").join("|")}|`, ...rows].join("\n");
}
