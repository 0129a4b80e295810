import type { Me } from "@uppsikt/core";

/**
 * What the interface offers each role; mirrors the server's permission table
 * (server/src/platform/permissions.ts), which has the final word.
 */
export type Action =
  | "counties.browse"
  | "municipalities.assignOfficer"
  | "agreements.read"
  | "agreements.write"
  | "users.manage"
  | "audit.read"
  | "apiDocs.read";

export function can(me: Pick<Me, "role" | "countyHead">, action: Action): boolean {
  switch (action) {
    case "counties.browse":
      return me.role === "agency" || me.role === "admin" || me.role === "county";
    case "municipalities.assignOfficer":
      return me.role === "county" && me.countyHead;
    case "agreements.read":
      return me.role === "agency" || me.role === "admin";
    case "agreements.write":
      return me.role === "agency";
    case "users.manage":
      return me.role === "admin" || (me.role === "county" && me.countyHead);
    case "audit.read":
      return me.role === "agency" || me.role === "admin";
    case "apiDocs.read":
      return me.role === "admin";
  }
}
