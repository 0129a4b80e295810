/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase } from "../../../test/route-case.js";

const NONE = "00000000-0000-4000-8000-000000000000";
/** A year no test fixture publishes a form for: a report there is not started and cannot be. */
const YEAR = 2029;
const anon = (role: RoleKey) => role === "anonymous";
const isCounty = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";
const report = (t: { municipality: string }) => `/api/v1/municipalities/${t.municipality}/annual-reports/${YEAR}`;
/** Read by the agency, the county and the municipality (not admins); outside scope 404. */
const readers = (role: RoleKey, inScope: boolean) =>
  anon(role) ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? 200 : 404;
/** The coordinator's steps: in scope 409 (no form, not started), outside 404; everyone else 403. */
const coordinatorStep = (role: RoleKey, inScope: boolean) =>
  anon(role) ? 401 : role === "coordinator" ? (inScope ? 409 : 404) : 403;
/** The county's review steps: in scope 409 (nothing submitted), outside 404; everyone else 403. */
const countyStep = (role: RoleKey, inScope: boolean) =>
  anon(role) ? 401 : isCounty(role) ? (inScope ? 409 : 404) : 403;

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}",
    url: report,
    expect: readers,
  },
  {
    method: "PUT",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}",
    url: report,
    body: () => ({ version: 0, answers: {}, costs: [] }),
    expect: coordinatorStep,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}/submit",
    url: (t) => `${report(t)}/submit`,
    body: () => ({ version: 1 }),
    expect: coordinatorStep,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}/upgrade",
    url: (t) => `${report(t)}/upgrade`,
    body: () => ({ version: 1 }),
    expect: coordinatorStep,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}/return",
    url: (t) => `${report(t)}/return`,
    body: () => ({ version: 1, comments: [{ questionKey: "economy", text: "Komplettera kostnaderna." }] }),
    expect: countyStep,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}/accept",
    url: (t) => `${report(t)}/accept`,
    body: () => ({ version: 1 }),
    expect: countyStep,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}/files",
    url: (t) => `${report(t)}/files`,
    multipart: true,
    expect: coordinatorStep,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/annual-reports/{year}/files/{fileId}",
    url: (t) => `${report(t)}/files/${NONE}`,
    expect: (role) => (anon(role) ? 401 : role === "admin" ? 403 : 404),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/annual-reports",
    url: (t) => `/api/v1/counties/${t.county}/annual-reports?year=${YEAR}`,
    expect: (role, inScope) =>
      anon(role)
        ? 401
        : role === "admin"
          ? 403
          : role === "agency"
            ? 200
            : isCounty(role)
              ? inScope
                ? 200
                : 404
              : inScope
                ? 403
                : 404,
  },
];
