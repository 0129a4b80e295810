/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase } from "../../../test/route-case.js";

const isCounty = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/counties/{code}/support-needs",
    url: (t) => `/api/v1/counties/${t.county}/support-needs`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" ? 200 : isCounty(role) ? (inScope ? 200 : 404) : 403,
  },
];
