/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  // The continuous dialogue (R2.3-1): the county writes, the county and the municipality's users (leadership too)
  // read; the agency and admins read no dialogue. Routes to one entry or follow-up use an unknown id.
  {
    method: "POST",
    path: "/api/v1/dialogue-entries",
    url: () => "/api/v1/dialogue-entries",
    body: (t) => ({
      municipalities: [t.municipality],
      date: "2026-11-02",
      form: "phone",
      subjects: ["rsa"],
      notes: "Samtal om RSA-arbetet.",
      participants: { municipality: ["Anna Samordnare"], county: ["Karl Handläggare"] },
      followUps: [{ text: "Skicka tidplanen", due: "2026-12-15" }],
    }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 201 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/dialogue-entries",
    url: (t) => `/api/v1/municipalities/${t.municipality}/dialogue-entries?limit=10&subject=rsa`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : inScope ? 200 : 404,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/dialogue-entries.xlsx",
    url: (t) => `/api/v1/municipalities/${t.municipality}/dialogue-entries.xlsx`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : inScope ? 200 : 404,
  },
  {
    method: "GET",
    path: "/api/v1/dialogue-entries/{id}",
    url: () => "/api/v1/dialogue-entries/00000000-0000-4000-8000-000000000000",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : 404),
  },
  {
    method: "PUT",
    path: "/api/v1/dialogue-entries/{id}",
    url: () => "/api/v1/dialogue-entries/00000000-0000-4000-8000-000000000000",
    body: (t) => ({
      municipalities: [t.municipality],
      date: "2026-11-02",
      form: "meeting",
      subjects: ["planning"],
      notes: "Ändrad anteckning.",
      participants: { municipality: [], county: [] },
      version: 1,
    }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/dialogue-follow-ups/{id}/done",
    url: () => "/api/v1/dialogue-follow-ups/00000000-0000-4000-8000-000000000000/done",
    expect: (role) =>
      role === "anonymous"
        ? 401
        : role === "countyHead" || role === "countyOfficer" || role === "coordinator"
          ? 404
          : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/dialogue-entries/search",
    url: (t) => `/api/v1/counties/${t.county}/dialogue-entries/search?q=RSA`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/follow-up-owners",
    url: (t) => `/api/v1/counties/${t.county}/follow-up-owners?municipalities=${t.municipality}`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
];
