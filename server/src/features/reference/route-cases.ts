/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase, agreementBody, loggedIn } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  { method: "GET", path: "/api/v1/config", url: () => "/api/v1/config", expect: () => 200 },
  { method: "GET", path: "/api/v1/periods", url: () => "/api/v1/periods", expect: loggedIn(200) },
  { method: "GET", path: "/api/v1/agreements", url: () => "/api/v1/agreements", expect: loggedIn(200) },
  {
    method: "POST",
    path: "/api/v1/agreements",
    url: () => "/api/v1/agreements",
    body: agreementBody,
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 201 : 403),
  },
  {
    method: "PUT",
    path: "/api/v1/agreements/{id}",
    url: (t) => `/api/v1/agreements/${t.agreementId}`,
    body: agreementBody,
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 200 : 403),
  },
];
