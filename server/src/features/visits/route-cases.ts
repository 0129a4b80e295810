/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase } from "../../../test/route-case.js";

const NO_VISIT = "00000000-0000-4000-8000-000000000000";
const county = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";
/** Written by the county's officers; everyone else is refused before anything is looked up. */
const countyWrite = (ok: number) => (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : county(role) ? (inScope ? ok : 404) : 403;

/*
 * In file order: the 2019 plan is read while still a draft (the municipality and the agency get 404), then
 * proposed, then its settings are saved with a stale version (409), then a county head publishes it.
 */
export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/counties/{code}/visit-plan",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan?period=2019`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 403 : county(role) ? (inScope ? 200 : 404) : 404,
  },
  {
    method: "POST",
    path: "/api/v1/counties/{code}/visit-plan/proposal",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan/proposal`,
    body: () => ({ period: 2019, visitsPerYear: 3 }),
    expect: countyWrite(200),
  },
  {
    method: "PUT",
    path: "/api/v1/counties/{code}/visit-plan/settings",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan/settings`,
    body: () => ({ period: 2019, visitsPerYear: 4, version: 999 }),
    expect: countyWrite(409),
  },
  {
    method: "POST",
    path: "/api/v1/counties/{code}/visit-plan/publish",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan/publish`,
    body: () => ({ period: 2019 }),
    expect: (role, inScope) => (role === "anonymous" ? 401 : role === "countyHead" ? (inScope ? 200 : 404) : 403),
  },
  // After the publication: whoever reads the plan reads its sheet and their municipality's letter.
  {
    method: "GET",
    path: "/api/v1/counties/{code}/visit-plan/export",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan/export?period=2019`,
    expect: (role, inScope) => (role === "anonymous" ? 401 : role === "admin" ? 403 : inScope ? 200 : 404),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/visit-plan/letters/{municipality}",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan/letters/${t.municipality}?period=2019&format=docx`,
    expect: (role, inScope) => (role === "anonymous" ? 401 : role === "admin" ? 403 : inScope ? 200 : 404),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/visit-plan/letter-template",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan/letter-template`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? 200 : 404,
  },
  {
    method: "PUT",
    path: "/api/v1/counties/{code}/visit-plan/letter-template",
    url: (t) => `/api/v1/counties/${t.county}/visit-plan/letter-template`,
    body: () => ({
      purpose: "Länsstyrelsen följer upp kommunens arbete med krisberedskap.",
      process: "Dokument, dialog och besök.",
      closing: "",
      version: 0,
    }),
    expect: (role, inScope) => (role === "anonymous" ? 401 : role === "countyHead" ? (inScope ? 200 : 404) : 403),
  },
  {
    method: "GET",
    path: "/api/v1/national/visit-coverage",
    url: () => "/api/v1/national/visit-coverage?period=2019",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 200 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/visits",
    url: () => "/api/v1/visits",
    body: (t) => ({ municipality: t.municipality, period: 2023, planned: "2025-05", kind: "only" }),
    expect: countyWrite(201),
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/visits",
    url: (t) => `/api/v1/municipalities/${t.municipality}/visits?period=2019`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? 200 : 404,
  },
  {
    method: "GET",
    path: "/api/v1/visits/{id}",
    url: () => `/api/v1/visits/${NO_VISIT}`,
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
  {
    method: "PUT",
    path: "/api/v1/visits/{id}",
    url: () => `/api/v1/visits/${NO_VISIT}`,
    body: () => ({ version: 1, place: "Kommunhuset" }),
    expect: countyWrite(404),
  },
  {
    method: "PUT",
    path: "/api/v1/visits/{id}/criteria",
    url: () => `/api/v1/visits/${NO_VISIT}/criteria`,
    body: () => ({ version: 1, criteria: ["RSA-1"] }),
    expect: countyWrite(404),
  },
  {
    method: "GET",
    path: "/api/v1/visits/{id}/criteria-proposal",
    url: () => `/api/v1/visits/${NO_VISIT}/criteria-proposal`,
    expect: countyWrite(404),
  },
  {
    method: "GET",
    path: "/api/v1/visits/{id}/evidence-options",
    url: () => `/api/v1/visits/${NO_VISIT}/evidence-options`,
    expect: countyWrite(404),
  },
  {
    method: "PUT",
    path: "/api/v1/visits/{id}/assessment",
    url: () => `/api/v1/visits/${NO_VISIT}/assessment`,
    body: () => ({ version: 1, items: [] }),
    expect: countyWrite(404),
  },
];
