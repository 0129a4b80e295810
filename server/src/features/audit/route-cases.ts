/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/audit-events",
    url: () => "/api/v1/audit-events",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "agency" ? 200 : 403),
  },
];
