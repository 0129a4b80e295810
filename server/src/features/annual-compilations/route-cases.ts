/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase, countyOnly } from "../../../test/route-case.js";

/**
 * A year no form can exist for (forms start 2019): the compilation is empty and its workbooks are not found (404).
 * Forwarding sends a version no draft has (409), so the answer does not depend on the cases before it.
 */
const YEAR = 2001;
const anon = (role: RoleKey) => role === "anonymous";
const isCounty = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";
const base = (t: { county: string }) => `/api/v1/counties/${t.county}/annual-compilation/${YEAR}`;
/** County users write in their own county; everyone else 403 (anonymous 401). */
const countyWrites = (ok: number) => (role: RoleKey, inScope: boolean) =>
  anon(role) ? 401 : isCounty(role) ? (inScope ? ok : 404) : 403;

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/counties/{code}/annual-compilation/{year}",
    url: base,
    expect: countyOnly(200),
  },
  {
    method: "PUT",
    path: "/api/v1/counties/{code}/annual-compilation/{year}/assessment",
    url: (t) => `${base(t)}/assessment`,
    body: () => ({ version: 0, assessment: "Kommunerna har stärkt sin krisberedskap." }),
    // The county head saves the first draft; the officer after it sends a stale version.
    expect: (role, inScope) =>
      anon(role) ? 401 : isCounty(role) ? (inScope ? (role === "countyHead" ? 200 : 409) : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/counties/{code}/annual-compilation/{year}/forward",
    url: (t) => `${base(t)}/forward`,
    body: () => ({ version: 99, registrationNumber: "Dnr 451-1234-2027" }),
    expect: (role, inScope) => (anon(role) ? 401 : role === "countyHead" ? (inScope ? 409 : 404) : 403),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/annual-compilation/{year}.xlsx",
    url: (t) => `${base(t)}.xlsx`,
    expect: countyOnly(404),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/annual-compilation/{year}/template.xlsx",
    url: (t) => `${base(t)}/template.xlsx`,
    expect: countyWrites(404),
  },
  {
    method: "POST",
    path: "/api/v1/counties/{code}/annual-compilation/{year}/import",
    url: (t) => `${base(t)}/import?dryRun=true`,
    multipart: true,
    expect: countyWrites(415),
  },
  {
    method: "GET",
    path: "/api/v1/national/annual-compilation/{year}",
    url: () => `/api/v1/national/annual-compilation/${YEAR}`,
    expect: (role) => (anon(role) ? 401 : role === "agency" ? 200 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/national/annual-compilation/{year}.xlsx",
    url: () => `/api/v1/national/annual-compilation/${YEAR}.xlsx`,
    expect: (role) => (anon(role) ? 401 : role === "agency" ? 200 : 403),
  },
];
