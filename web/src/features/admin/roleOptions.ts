import type { Me, Role } from "@uppsikt/core";

/** The roles an administrator or a county head may give; a county head only manages their own county's users. */
export function assignableRoles(me: Me): Role[] {
  if (me.role === "admin") return ["agency", "county", "municipality", "admin"];
  if (me.role === "county" && me.countyHead) return ["county", "municipality"];
  return [];
}
