/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase } from "../../../test/route-case.js";

const NONE = "00000000-0000-4000-8000-000000000000";
const anon = (role: RoleKey) => role === "anonymous";
const isCounty = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";
/** Read by the agency, the county and the municipality (not admins); outside scope 404. */
const readers = (role: RoleKey, inScope: boolean) =>
  anon(role) ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? 200 : 404;
/** Written by the county only; permitted roles get 404 for an id that does not exist. */
const countyWritesUnknown = (role: RoleKey) => (anon(role) ? 401 : isCounty(role) ? 404 : 403);
const readersUnknown = (role: RoleKey) => (anon(role) ? 401 : role === "admin" ? 403 : 404);

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/economic-reviews",
    url: (t) => `/api/v1/municipalities/${t.municipality}/economic-reviews`,
    expect: readers,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/economic-reviews",
    url: (t) => `/api/v1/municipalities/${t.municipality}/economic-reviews`,
    body: () => ({ reviewedOn: "2027-03-01", fromYear: 2025, toYear: 2026, findings: "Redovisningen är tydlig." }),
    expect: (role, inScope) => (anon(role) ? 401 : isCounty(role) ? (inScope ? 201 : 404) : 403),
  },
  {
    method: "GET",
    path: "/api/v1/economic-reviews/{id}",
    url: () => `/api/v1/economic-reviews/${NONE}`,
    expect: readersUnknown,
  },
  {
    method: "PUT",
    path: "/api/v1/economic-reviews/{id}",
    url: () => `/api/v1/economic-reviews/${NONE}`,
    body: () => ({
      version: 1,
      reviewedOn: "2027-03-01",
      fromYear: 2025,
      toYear: 2026,
      findings: "",
      visitId: null,
      documentRequestIds: [],
      remainingFunds: null,
    }),
    expect: countyWritesUnknown,
  },
  {
    method: "POST",
    path: "/api/v1/economic-reviews/{id}/files",
    url: () => `/api/v1/economic-reviews/${NONE}/files?kind=ownAudit`,
    multipart: true,
    expect: countyWritesUnknown,
  },
  {
    method: "GET",
    path: "/api/v1/economic-reviews/{id}/files/{fileId}",
    url: () => `/api/v1/economic-reviews/${NONE}/files/${NONE}`,
    expect: readersUnknown,
  },
  {
    method: "PUT",
    path: "/api/v1/visits/{id}/economic-review",
    url: () => `/api/v1/visits/${NONE}/economic-review`,
    body: () => ({ impliesReview: false }),
    expect: countyWritesUnknown,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/savings-plans",
    url: (t) => `/api/v1/municipalities/${t.municipality}/savings-plans`,
    expect: readers,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/savings-plans",
    url: (t) => `/api/v1/municipalities/${t.municipality}/savings-plans`,
    body: () => ({
      years: [{ year: 2027, plannedSavingsUse: 1000000, plannedCompensationUse: 500000, activities: "Övning." }],
      note: "",
      submit: true,
    }),
    expect: (role, inScope) =>
      anon(role) ? 401 : isCounty(role) || role === "coordinator" ? (inScope ? 201 : 404) : 403,
  },
];
