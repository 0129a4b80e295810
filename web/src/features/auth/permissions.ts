import { allows, type Action as CoreAction, type Me } from "@uppsikt/core";

/**
 * What the interface offers. Everything the server decides comes from core's permission table
 * (`allows`), the same one the server uses; the few checks below only shape the interface.
 */
type UiAction =
  /** Links to county pages: the agency and admins browse all counties, a county user their own. */
  | "counties.browse"
  /** The Användare page. */
  | "users.manage"
  /** The link to the OpenAPI documentation. */
  | "apiDocs.read";

export type Action = CoreAction | UiAction;

type Subject = Pick<Me, "role" | "countyHead" | "readOnly">;

export function can(me: Subject, action: Action): boolean {
  switch (action) {
    case "counties.browse":
      return me.role === "agency" || me.role === "admin" || me.role === "county";
    case "users.manage":
      return allows(me, "users.write");
    case "apiDocs.read":
      return me.role === "admin";
    default:
      return allows(me, action);
  }
}
