/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase, loggedIn } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "POST",
    path: "/api/v1/auth/login",
    url: () => "/api/v1/auth/login",
    body: () => ({ email: "nobody@example.se", password: "fel-lösenord" }),
    expect: () => 401,
  },
  { method: "POST", path: "/api/v1/auth/logout", url: () => "/api/v1/auth/logout", expect: () => 200 },
  { method: "GET", path: "/api/v1/auth/demo-accounts", url: () => "/api/v1/auth/demo-accounts", expect: () => 200 },
  { method: "GET", path: "/api/v1/auth/me", url: () => "/api/v1/auth/me", expect: loggedIn(200) },
  {
    method: "GET",
    path: "/api/v1/admin/login-throttles",
    url: () => "/api/v1/admin/login-throttles",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 200 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/admin/login-throttles/{id}/lift",
    url: () => "/api/v1/admin/login-throttles/00000000-0000-4000-8000-000000000000/lift",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 404 : 403),
  },
];
