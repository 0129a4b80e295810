import type { TestContext } from "./app.js";
import { buildUser } from "./factories.js";

/** The roles of the permission matrix; every route is tried by each, in and out of scope. */
export const ROLE_SPECS = {
  agency: { role: "agency" },
  countyHead: { role: "county", county: "01", countyHead: true },
  countyOfficer: { role: "county", county: "01" },
  coordinator: { role: "municipality", municipality: "0180" },
  leadership: { role: "municipality", municipality: "0180", readOnly: true },
  admin: { role: "admin" },
} as const;
export type RoleKey = keyof typeof ROLE_SPECS | "anonymous";

export interface Targets {
  county: string;
  municipality: string;
  userId: string;
  agreementId: string;
  officerId: string;
}

/** In scope of the 01/0180 actors, and outside it. */
export async function buildTargets(
  t: TestContext,
  agreementId: string,
): Promise<{ inScope: Targets; outOfScope: Targets }> {
  const in01 = await buildUser(t.database.db, { role: "municipality", municipality: "0181" });
  const in14 = await buildUser(t.database.db, { role: "municipality", municipality: "1481" });
  const officer01 = await buildUser(t.database.db, { role: "county", county: "01" });
  const officer14 = await buildUser(t.database.db, { role: "county", county: "14" });
  return {
    inScope: { county: "01", municipality: "0180", userId: in01.id, agreementId, officerId: officer01.id },
    outOfScope: { county: "14", municipality: "1480", userId: in14.id, agreementId, officerId: officer14.id },
  };
}

export interface RouteCase {
  method: "GET" | "POST" | "PUT" | "PATCH";
  /** As in the OpenAPI document. */
  path: string;
  url(t: Targets): string;
  body?(t: Targets): unknown;
  /** Expected status for a role in scope and out of scope. */
  expect(role: RoleKey, inScope: boolean): number;
}

const agreementBody = () => ({
  kind: "combined",
  title: `Testöverenskommelse ${Math.random().toString(36).slice(2, 6)}`,
  firstYear: 2027,
  lastYear: 2030,
  registrationNumber: null,
  taskAreas: ["Del 1"],
  note: null,
});

const national = (role: RoleKey) => role === "agency" || role === "admin";
const loggedIn = (ok: number) => (role: RoleKey) => (role === "anonymous" ? 401 : ok);
/** Readable by all roles within scope; national roles see everything. */
const scopedRead = (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : national(role) || inScope ? 200 : 404;

export const ROUTES: RouteCase[] = [
  { method: "GET", path: "/api/health", url: () => "/api/health", expect: () => 200 },
  { method: "GET", path: "/api/v1/config", url: () => "/api/v1/config", expect: () => 200 },
  {
    method: "POST",
    path: "/api/v1/auth/login",
    url: () => "/api/v1/auth/login",
    body: () => ({ email: "nobody@example.se", password: "fel-lösenord" }),
    expect: () => 401,
  },
  { method: "POST", path: "/api/v1/auth/logout", url: () => "/api/v1/auth/logout", expect: () => 200 },
  { method: "GET", path: "/api/v1/auth/me", url: () => "/api/v1/auth/me", expect: loggedIn(200) },
  { method: "GET", path: "/api/v1/counties", url: () => "/api/v1/counties", expect: loggedIn(200) },
  { method: "GET", path: "/api/v1/counties/{code}", url: (t) => `/api/v1/counties/${t.county}`, expect: scopedRead },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/municipalities",
    url: (t) => `/api/v1/counties/${t.county}/municipalities`,
    expect: scopedRead,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}",
    url: (t) => `/api/v1/municipalities/${t.municipality}`,
    expect: scopedRead,
  },
  {
    method: "PUT",
    path: "/api/v1/municipalities/{code}/responsible-officer",
    url: (t) => `/api/v1/municipalities/${t.municipality}/responsible-officer`,
    body: (t) => ({ userId: t.officerId }),
    expect: (role, inScope) => (role === "anonymous" ? 401 : role !== "countyHead" ? 403 : inScope ? 200 : 404),
  },
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
  {
    method: "GET",
    path: "/api/v1/users",
    url: () => "/api/v1/users",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "countyHead" ? 200 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/users/{id}",
    url: (t) => `/api/v1/users/${t.userId}`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 200 : role === "countyHead" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/users",
    url: () => "/api/v1/users",
    body: (t) => ({
      email: `matris-${Math.random().toString(36).slice(2, 10)}@example.se`,
      name: "Matris Testsson",
      role: "municipality",
      municipality: t.municipality,
      password: "ett-långt-lösenord-1",
    }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 201 : role === "countyHead" ? (inScope ? 201 : 403) : 403,
  },
  {
    method: "PATCH",
    path: "/api/v1/users/{id}",
    url: (t) => `/api/v1/users/${t.userId}`,
    body: () => ({ name: "Nytt Namn" }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 200 : role === "countyHead" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/audit-events",
    url: () => "/api/v1/audit-events",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "agency" ? 200 : 403),
  },
];
