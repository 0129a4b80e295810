/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/users",
    url: () => "/api/v1/users",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "countyHead" ? 200 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/users/{id}",
    url: (t) => `/api/v1/users/${t.userId}`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 200 : role === "countyHead" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/users",
    url: () => "/api/v1/users",
    body: (t) => ({
      email: `matris-${Math.random().toString(36).slice(2, 10)}@example.se`,
      name: "Matris Testsson",
      role: "municipality",
      municipality: t.municipality,
      password: "ett-långt-lösenord-1",
    }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 201 : role === "countyHead" ? (inScope ? 201 : 403) : 403,
  },
  {
    method: "PATCH",
    path: "/api/v1/users/{id}",
    url: (t) => `/api/v1/users/${t.userId}`,
    body: () => ({ name: "Nytt Namn" }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 200 : role === "countyHead" ? (inScope ? 200 : 404) : 403,
  },
];
