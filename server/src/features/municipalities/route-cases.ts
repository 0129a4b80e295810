/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase, loggedIn, scopedRead } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  { method: "GET", path: "/api/v1/counties", url: () => "/api/v1/counties", expect: loggedIn(200) },
  { method: "GET", path: "/api/v1/counties/{code}", url: (t) => `/api/v1/counties/${t.county}`, expect: scopedRead },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/municipalities",
    url: (t) => `/api/v1/counties/${t.county}/municipalities`,
    expect: scopedRead,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}",
    url: (t) => `/api/v1/municipalities/${t.municipality}`,
    expect: scopedRead,
  },
  {
    method: "PUT",
    path: "/api/v1/municipalities/{code}/responsible-officer",
    url: (t) => `/api/v1/municipalities/${t.municipality}/responsible-officer`,
    body: (t) => ({ userId: t.officerId }),
    expect: (role, inScope) => (role === "anonymous" ? 401 : role !== "countyHead" ? 403 : inScope ? 200 : 404),
  },
];
