/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase, documentsRead } from "../../../test/route-case.js";

const NIL = "00000000-0000-4000-8000-000000000000";
const county = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";
/** County users only: in scope `ok`, out of scope 404; everyone else 403. */
const countyOnly = (ok: number) => (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : county(role) ? (inScope ? ok : 404) : 403;
/** Statements are read by the agency, the county and the municipality (not admins); an unknown id is 404. */
const statementRead = (role: RoleKey) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404);

export const ROUTE_CASES: RouteCase[] = [
  // Statements to the agency (R3.1-1, R3.2): county officers draft; a county head approves and sends.
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/statement-grounds",
    url: (t) => `/api/v1/municipalities/${t.municipality}/statement-grounds`,
    expect: countyOnly(200),
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/statement-options",
    url: (t) => `/api/v1/municipalities/${t.municipality}/statement-options`,
    expect: countyOnly(200),
  },
  {
    method: "GET",
    path: "/api/v1/statements",
    url: () => "/api/v1/statements",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 200),
  },
  {
    method: "POST",
    path: "/api/v1/statements",
    url: () => "/api/v1/statements",
    body: (t) => ({
      municipality: t.municipality,
      grounds: [{ ground: "other", text: "Kommunen svarar inte på länsstyrelsens frågor om ersättningen." }],
    }),
    expect: countyOnly(201),
  },
  { method: "GET", path: "/api/v1/statements/{id}", url: () => `/api/v1/statements/${NIL}`, expect: statementRead },
  {
    method: "PUT",
    path: "/api/v1/statements/{id}",
    url: () => `/api/v1/statements/${NIL}`,
    body: () => ({ version: 1, grounds: ["wrongfulUse"] }),
    expect: (role) => (role === "anonymous" ? 401 : county(role) ? 404 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/statements/{id}/approve",
    url: () => `/api/v1/statements/${NIL}/approve`,
    body: () => ({ version: 1 }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" ? 404 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/statements/{id}/send",
    url: () => `/api/v1/statements/${NIL}/send`,
    body: () => ({ registrationNumber: "LST-2026-123" }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" ? 404 : 403),
  },
  ...(["statement", "secret-appendix"] as const).flatMap((part) =>
    (["pdf", "docx"] as const).map((format): RouteCase => ({
      method: "GET",
      path: `/api/v1/statements/{id}/${part}.${format}`,
      url: () => `/api/v1/statements/${NIL}/${part}.${format}`,
      expect: statementRead,
    })),
  ),
  // The chance to correct wrongful use (R3.2-3).
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/correction-opportunities",
    url: (t) => `/api/v1/municipalities/${t.municipality}/correction-opportunities`,
    expect: documentsRead,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/correction-opportunities",
    url: (t) => `/api/v1/municipalities/${t.municipality}/correction-opportunities`,
    body: () => ({
      description: "Kostnader för Rakelutrustning 2025 har belastat ersättningen.",
      offeredOn: "2026-11-01",
      lapsesOn: "2026-12-15",
    }),
    expect: countyOnly(201),
  },
  {
    method: "POST",
    path: "/api/v1/correction-opportunities/{id}/answer",
    url: () => `/api/v1/correction-opportunities/${NIL}/answer`,
    body: () => ({ text: "Kostnaderna är flyttade till kommunens egen budget." }),
    expect: (role) => (role === "anonymous" ? 401 : county(role) || role === "coordinator" ? 404 : 403),
  },
  // A municipality's savings it cannot use (R3.3-3).
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/savings-notices",
    url: (t) => `/api/v1/municipalities/${t.municipality}/savings-notices`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : inScope ? 200 : 404,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/savings-notices",
    url: (t) => `/api/v1/counties/${t.county}/savings-notices`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : inScope ? 200 : 404,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/savings-notices",
    url: (t) => `/api/v1/municipalities/${t.municipality}/savings-notices`,
    body: () => ({ text: "Kommunen har sparade medel som inte kan användas under mandatperioden.", amount: 1_200_000 }),
    expect: (role, inScope) => (role === "anonymous" ? 401 : role === "coordinator" ? (inScope ? 201 : 404) : 403),
  },
];
