/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase, loggedIn } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  // The national OSL grounds: every user reads them, the agency edits them.
  { method: "GET", path: "/api/v1/osl-grounds", url: () => "/api/v1/osl-grounds", expect: loggedIn(200) },
  {
    method: "POST",
    path: "/api/v1/osl-grounds",
    url: () => "/api/v1/osl-grounds",
    body: () => ({
      reference: `99 kap. ${Math.random().toString(36).slice(2, 8)} § OSL`,
      description: "Sekretessgrund i permissionsmatrisen.",
    }),
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 201 : 403),
  },
  {
    method: "PUT",
    path: "/api/v1/osl-grounds/{id}",
    // 18 kap. 13 § OSL from STARTER_OSL_GROUNDS (server/src/db/seed/osl-grounds.ts), loaded into every test database.
    url: () => "/api/v1/osl-grounds/6f1b0c2e-4d3a-4c5e-9a10-000000000001",
    body: () => ({ reference: "99 kap. 1 § OSL", description: "Ändrad sekretessgrund.", active: true }),
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 200 : 403),
  },
];
