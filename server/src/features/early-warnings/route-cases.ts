/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  // Early warnings (R2.3-2) are county-internal: never the municipality's users, nor the agency.
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/warnings",
    url: (t) => `/api/v1/municipalities/${t.municipality}/warnings`,
    body: () => ({ kind: "largeSavings", description: "Sparandet har ökat tre år i rad." }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 201 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/warnings",
    url: (t) => `/api/v1/municipalities/${t.municipality}/warnings?open=true`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/warnings",
    url: (t) => `/api/v1/counties/${t.county}/warnings?open=true`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/warnings/summary",
    url: (t) => `/api/v1/counties/${t.county}/warnings/summary`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/warnings/{id}/resolve",
    url: () => "/api/v1/warnings/00000000-0000-4000-8000-000000000000/resolve",
    body: () => ({ note: "Kommunen har redovisat användningen." }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
];
