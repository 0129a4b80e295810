/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase, documentsRead } from "../../../test/route-case.js";

const NO_VISIT = "00000000-0000-4000-8000-000000000000";
const anon = (role: RoleKey) => role === "anonymous";
/** Permitted roles get 404 for a visit that does not exist; the others are refused before anything is looked up. */
const only =
  (...allowed: RoleKey[]) =>
  (role: RoleKey) =>
    anon(role) ? 401 : allowed.includes(role) ? 404 : 403;
const readers = only("agency", "countyHead", "countyOfficer", "coordinator", "leadership");
const county = only("countyHead", "countyOfficer");

const writers = (ok: number) => (role: RoleKey, inScope: boolean) =>
  anon(role) ? 401 : ["countyHead", "countyOfficer", "coordinator"].includes(role) ? (inScope ? ok : 404) : 403;

const inCounty =
  (ok: number, ...allowed: RoleKey[]) =>
  (role: RoleKey, inScope: boolean) =>
    anon(role) ? 401 : allowed.includes(role) ? (inScope ? ok : 404) : 403;

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/counties/{code}/protocol-template",
    url: (t) => `/api/v1/counties/${t.county}/protocol-template`,
    expect: inCounty(200, "countyHead", "countyOfficer"),
  },
  {
    method: "PUT",
    path: "/api/v1/counties/{code}/protocol-template",
    url: (t) => `/api/v1/counties/${t.county}/protocol-template`,
    body: () => ({ intro: "Länsstyrelsen har besökt kommunen.", closing: "", version: 99 }),
    expect: inCounty(409, "countyHead"),
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/actions",
    url: (t) => `/api/v1/municipalities/${t.municipality}/actions`,
    expect: documentsRead,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/actions",
    url: (t) => `/api/v1/municipalities/${t.municipality}/actions`,
    body: () => ({
      text: "Öva krisledningsnämnden under hösten.",
      owner: { name: "Anders Wikström" },
      due: "2027-10-31",
    }),
    expect: writers(201),
  },
  {
    method: "PATCH",
    path: "/api/v1/actions/{id}",
    url: () => `/api/v1/actions/${NO_VISIT}`,
    body: () => ({ version: 1, status: "inProgress" }),
    expect: only("countyHead", "countyOfficer", "coordinator"),
  },
  {
    method: "POST",
    path: "/api/v1/actions/{id}/report",
    url: () => `/api/v1/actions/${NO_VISIT}/report`,
    multipart: true,
    expect: only("coordinator"),
  },
  {
    method: "GET",
    path: "/api/v1/action-files/{id}/content",
    url: () => `/api/v1/action-files/${NO_VISIT}/content`,
    expect: readers,
  },
  {
    method: "GET",
    path: "/api/v1/visits/{id}/protocol",
    url: () => `/api/v1/visits/${NO_VISIT}/protocol`,
    expect: readers,
  },
  {
    method: "POST",
    path: "/api/v1/visits/{id}/protocol/factual-review",
    url: () => `/api/v1/visits/${NO_VISIT}/protocol/factual-review`,
    body: () => ({ replyBy: "2026-12-18" }),
    expect: county,
  },
  {
    method: "POST",
    path: "/api/v1/visits/{id}/protocol/comments",
    url: () => `/api/v1/visits/${NO_VISIT}/protocol/comments`,
    body: () => ({ text: "Datumet för övningen ska vara 12 mars." }),
    expect: only("coordinator"),
  },
  {
    method: "POST",
    path: "/api/v1/visits/{id}/protocol/approve",
    url: () => `/api/v1/visits/${NO_VISIT}/protocol/approve`,
    body: () => ({ version: 1 }),
    expect: only("countyHead"),
  },
  {
    method: "POST",
    path: "/api/v1/visits/{id}/protocol/send",
    url: () => `/api/v1/visits/${NO_VISIT}/protocol/send`,
    body: () => ({ registrationNumber: "451-1234-2026", sentOn: "2026-11-20" }),
    expect: county,
  },
  {
    method: "POST",
    path: "/api/v1/visits/{id}/protocol/correction",
    url: () => `/api/v1/visits/${NO_VISIT}/protocol/correction`,
    body: () => ({ reason: "Fel datum för åtgärd 2." }),
    expect: county,
  },
  ...(["protocol", "secret-appendix"] as const).flatMap((part) =>
    (["pdf", "docx"] as const).map((format): RouteCase => ({
      method: "GET",
      path: `/api/v1/visits/{id}/${part}.${format}`,
      url: () => `/api/v1/visits/${NO_VISIT}/${part}.${format}`,
      expect: readers,
    })),
  ),
];
