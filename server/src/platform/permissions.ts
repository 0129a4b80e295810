import type { Role } from "@uppsikt/core";
import type { Actor } from "./actor.js";
import { Forbidden, NotFound } from "./errors.js";

/**
 * Who may do what, as one table: action × role → condition. No entry means never (403).
 * Scope is checked separately: a target outside the actor's scope is answered 404,
 * so that existence is not revealed.
 *
 *   "yes"         always (within scope)
 *   "countyHead"  a county user with the countyHead flag
 *   "writer"      a municipality user without the readOnly flag
 */
export type Condition = "yes" | "countyHead" | "writer";

export const PERMISSIONS = {
  "counties.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "municipalities.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "municipalities.assignOfficer": { county: "countyHead" },
  "periods.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "agreements.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "agreements.write": { agency: "yes" },
  "users.read": { admin: "yes", county: "countyHead" },
  "users.write": { admin: "yes", county: "countyHead" },
  "audit.read": { agency: "yes", admin: "yes" },
  "oslGrounds.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "oslGrounds.write": { agency: "yes" },
  "clearances.read": { admin: "yes", county: "countyHead" },
  "clearances.write": { admin: "yes", county: "countyHead" },
  "documents.read": { agency: "yes", county: "yes", municipality: "yes" },
  "documents.submit": { county: "yes", municipality: "writer" },
  "documents.reviewQueue": { county: "yes" },
  "documents.matrix": { agency: "yes", county: "yes" },
  "documents.search": { agency: "yes", county: "yes" },
  "rsaSections.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "rsaSections.write": { agency: "yes" },
  "documents.yearTwo": { agency: "yes", county: "yes" },
  "documents.followUp": { county: "yes" },
  "feedback.read": { agency: "yes", county: "yes", municipality: "yes" },
  "feedback.write": { county: "yes" },
  "feedback.awaiting": { agency: "yes", county: "yes" },
  "criteria.read": { agency: "yes", county: "yes", municipality: "yes", admin: "yes" },
  "criteria.write": { agency: "yes" },
  "documentReviews.read": { agency: "yes", county: "yes", municipality: "yes" },
  "documentReviews.write": { county: "yes" },
} as const satisfies Record<string, Partial<Record<Role, Condition>>>;

export type Action = keyof typeof PERMISSIONS;

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

function meets(actor: Actor, condition: Condition | undefined): boolean {
  if (condition === "yes") return true;
  if (condition === "countyHead") return actor.role === "county" && actor.countyHead;
  if (condition === "writer") return actor.role === "municipality" && !actor.readOnly;
  return false;
}

/** Whether the role and flags allow the action anywhere (for menus and route guards). */
export function allows(actor: Actor, action: Action): boolean {
  const rules: Partial<Record<Role, Condition>> = PERMISSIONS[action];
  return meets(actor, rules[actor.role]);
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
