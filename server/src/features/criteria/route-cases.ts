/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase, loggedIn } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  // The national criteria library (R4-1, R1-2). The fixture may have no library version, so the routes that
  // name one use an unknown id: 404 for whoever passes the permission check. The library without ?version
  // answers 200 either way (version null while none is active).
  { method: "GET", path: "/api/v1/criteria/library", url: () => "/api/v1/criteria/library", expect: loggedIn(200) },
  { method: "GET", path: "/api/v1/criteria/versions", url: () => "/api/v1/criteria/versions", expect: loggedIn(200) },
  {
    method: "POST",
    path: "/api/v1/criteria/versions/import",
    url: () => "/api/v1/criteria/versions/import",
    multipart: true,
    body: () => ({ version: "matris" }),
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 415 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/criteria/versions/{id}/activate",
    url: () => "/api/v1/criteria/versions/00000000-0000-4000-8000-000000000000/activate",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 404 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/criteria/versions/{id}/export",
    url: () => "/api/v1/criteria/versions/00000000-0000-4000-8000-000000000000/export?format=xlsx",
    expect: loggedIn(404),
  },
];
