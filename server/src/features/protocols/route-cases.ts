/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase } from "../../../test/route-case.js";

const NO_VISIT = "00000000-0000-4000-8000-000000000000";
const anon = (role: RoleKey) => role === "anonymous";
/** Permitted roles get 404 for a visit that does not exist; the others are refused before anything is looked up. */
const only =
  (...allowed: RoleKey[]) =>
  (role: RoleKey) =>
    anon(role) ? 401 : allowed.includes(role) ? 404 : 403;
const readers = only("agency", "countyHead", "countyOfficer", "coordinator", "leadership");
const county = only("countyHead", "countyOfficer");

export const ROUTE_CASES: RouteCase[] = [
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
