/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  // Clearances (behörigheter). The fixture has no clearance, so withdraw names an unknown one: 404 for whoever
  // passes the permission check.
  {
    method: "GET",
    path: "/api/v1/clearances",
    url: (t) => `/api/v1/clearances?county=${t.county}&includeInactive=true`,
    // A county head asking for another county gets an empty list of their own county's, not 404.
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "countyHead" ? 200 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/clearances",
    url: () => "/api/v1/clearances",
    body: (t) => ({
      userId: t.officerId,
      county: t.county,
      municipality: t.municipality,
      undertakingSignedOn: "2026-01-15",
      validUntil: null,
      note: null,
    }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 201 : role === "countyHead" ? (inScope ? 201 : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/clearances/{id}/withdraw",
    url: () => "/api/v1/clearances/00000000-0000-4000-8000-000000000000/withdraw",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "countyHead" ? 404 : 403),
  },
];
