/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase } from "../../../test/route-case.js";

const county = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";
/** economy.read: the agency everywhere, the county and the municipality within scope; admins never. */
const economyRead = (ok: number) => (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? ok : 404;
/** County lists: the agency any county, county users their own; municipality users do not read them (404). */
const countyList = (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : role === "admin" ? 403 : role === "agency" ? 200 : county(role) && inScope ? 200 : 404;
/** Unscoped reference data read with economy.read (admins never). */
const referenceRead = (role: RoleKey) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 200);
const agencyOnly = (ok: number) => (role: RoleKey) => (role === "anonymous" ? 401 : role === "agency" ? ok : 403);
/** Written by the county's officers; everyone else is refused before anything is looked up. */
const countyWrite = (ok: number) => (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : county(role) ? (inScope ? ok : 404) : 403;

const part = () => ({
  name: "Testdel för matrisen",
  nameEn: "Test part for the matrix",
  agreementId: null,
  firstYear: 2027,
  lastYear: 2030,
  countsTowardSavings: true,
  confidentialBasis: null,
  predecessor: null,
  position: 90,
  source: null,
  unverified: true,
});

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/compensation-parts",
    url: () => "/api/v1/compensation-parts",
    expect: referenceRead,
  },
  {
    method: "POST",
    path: "/api/v1/compensation-parts",
    url: () => "/api/v1/compensation-parts",
    body: () => ({ code: `matris-${Math.random().toString(36).slice(2, 8)}`, ...part() }),
    expect: agencyOnly(201),
  },
  {
    // An unknown part (a code the bad-input test replaces): the update itself is tested in economy.test.ts.
    method: "PUT",
    path: "/api/v1/compensation-parts/{code}",
    url: () => "/api/v1/compensation-parts/0180",
    body: () => ({ version: 1, ...part() }),
    expect: agencyOnly(404),
  },
  {
    method: "GET",
    path: "/api/v1/cost-categories",
    url: () => "/api/v1/cost-categories?year=2025",
    expect: referenceRead,
  },
  {
    method: "GET",
    path: "/api/v1/compensation/import-template.xlsx",
    url: () => "/api/v1/compensation/import-template.xlsx",
    expect: agencyOnly(200),
  },
  {
    method: "POST",
    path: "/api/v1/compensation/import",
    url: () => "/api/v1/compensation/import?dryRun=true",
    multipart: true,
    expect: agencyOnly(415),
  },
  {
    // No amount for the year and part in the fixture: 404 for the agency.
    method: "PUT",
    path: "/api/v1/municipalities/{code}/compensation/{year}/{part}",
    url: (t) => `/api/v1/municipalities/${t.municipality}/compensation/2025/del1-2024`,
    body: () => ({ version: 1, amount: 1000, status: "paid", adjustment: null, statusOn: "2025-06-30" }),
    expect: agencyOnly(404),
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/costs",
    url: (t) => `/api/v1/municipalities/${t.municipality}/costs?year=2025`,
    expect: economyRead(200),
  },
  {
    // A stale version (there is no entry yet): 409 for the county in scope.
    method: "PUT",
    path: "/api/v1/municipalities/{code}/costs",
    url: (t) => `/api/v1/municipalities/${t.municipality}/costs`,
    body: () => ({ version: 999, year: 2025, items: [] }),
    expect: countyWrite(409),
  },
  {
    method: "PUT",
    path: "/api/v1/municipalities/{code}/opening-balance",
    url: (t) => `/api/v1/municipalities/${t.municipality}/opening-balance`,
    body: () => ({ version: 999, part: "okkb-2019", year: 2019, amount: 1000 }),
    expect: countyWrite(409),
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/economy",
    url: (t) => `/api/v1/municipalities/${t.municipality}/economy?from=2019&to=2026`,
    expect: economyRead(200),
  },
  {
    // No large savings in the fixture: nothing to move (404).
    method: "PUT",
    path: "/api/v1/municipalities/{code}/large-savings/plan-due",
    url: (t) => `/api/v1/municipalities/${t.municipality}/large-savings/plan-due`,
    body: () => ({ planDueOn: "2027-03-31" }),
    expect: countyWrite(404),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/economy",
    url: (t) => `/api/v1/counties/${t.county}/economy?year=2025`,
    expect: countyList,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/economy.xlsx",
    url: (t) => `/api/v1/counties/${t.county}/economy.xlsx?year=2025`,
    expect: countyList,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/large-savings",
    url: (t) => `/api/v1/counties/${t.county}/large-savings?year=2025`,
    expect: countyList,
  },
  {
    method: "GET",
    path: "/api/v1/economy/national",
    url: () => "/api/v1/economy/national?year=2025",
    expect: agencyOnly(200),
  },
];
