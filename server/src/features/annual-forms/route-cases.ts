/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase, loggedIn } from "../../../test/route-case.js";

const NONE = "00000000-0000-4000-8000-000000000000";
const anon = (role: RoleKey) => role === "anonymous";
/** Written by the agency only; an id that does not exist is 404 for it. */
const agencyWrites = (ok: number) => (role: RoleKey) => (anon(role) ? 401 : role === "agency" ? ok : 403);

const definition = {
  indicators: {
    sections: [
      {
        key: "ledning",
        title: "Ledning",
        questions: [
          { key: "krisledningOvat", type: "yesNo", label: "Har krisledningen övats?", area: "crisisPreparedness" },
        ],
      },
    ],
  },
  events: { sections: [] },
  activities: { sections: [] },
};

// One open draft per year: each created draft gets a year of its own.
let created = 0;

export const ROUTE_CASES: RouteCase[] = [
  { method: "GET", path: "/api/v1/annual-forms", url: () => "/api/v1/annual-forms?year=2026", expect: loggedIn(200) },
  {
    method: "POST",
    path: "/api/v1/annual-forms",
    url: () => "/api/v1/annual-forms",
    body: () => ({ year: 2040 + (created++ % 60), title: "Testblankett", definition }),
    expect: agencyWrites(201),
  },
  {
    method: "GET",
    path: "/api/v1/annual-forms/{id}",
    url: () => `/api/v1/annual-forms/${NONE}`,
    expect: loggedIn(404),
  },
  {
    method: "PUT",
    path: "/api/v1/annual-forms/{id}",
    url: () => `/api/v1/annual-forms/${NONE}`,
    body: () => ({
      version: 1,
      title: "Testblankett",
      deadline: "2027-02-15",
      forwardingDeadline: "2027-03-31",
      example: false,
      definition,
    }),
    expect: agencyWrites(404),
  },
  {
    method: "POST",
    path: "/api/v1/annual-forms/{id}/publish",
    url: () => `/api/v1/annual-forms/${NONE}/publish`,
    body: () => ({ version: 1 }),
    expect: agencyWrites(404),
  },
  {
    method: "POST",
    path: "/api/v1/annual-forms/{id}/versions",
    url: () => `/api/v1/annual-forms/${NONE}/versions`,
    expect: agencyWrites(404),
  },
  {
    method: "GET",
    path: "/api/v1/annual-forms/{id}/export.yaml",
    url: () => `/api/v1/annual-forms/${NONE}/export.yaml`,
    expect: loggedIn(404),
  },
  {
    method: "GET",
    path: "/api/v1/annual-forms/{id}/export.xlsx",
    url: () => `/api/v1/annual-forms/${NONE}/export.xlsx`,
    expect: loggedIn(404),
  },
  {
    method: "POST",
    path: "/api/v1/annual-forms/import",
    url: () => "/api/v1/annual-forms/import",
    multipart: true,
    expect: agencyWrites(415),
  },
];
