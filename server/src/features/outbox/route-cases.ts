/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/admin/outbox",
    url: () => "/api/v1/admin/outbox",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 200 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/admin/outbox/{id}.eml",
    url: () => "/api/v1/admin/outbox/20260101T000000000Z-0000000000000000.eml",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 404 : 403),
  },
];
