/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase, type RoleKey } from "../../../test/route-case.js";

const NO_CASE = "00000000-0000-4000-8000-000000000000";

/** Read by the agency, the county and the municipality's users (an unknown case is 404 to them), not by admins. */
const read = (ok: number) => (role: RoleKey) => (role === "anonymous" ? 401 : role === "admin" ? 403 : ok);
/** Written only by the agency (an unknown case is 404 to it). */
const agencyWrites = (role: RoleKey) => (role === "anonymous" ? 401 : role === "agency" ? 404 : 403);

export const ROUTE_CASES: RouteCase[] = [
  // The agency's reduction cases (R3.3-1, R3.3-2).
  {
    method: "GET",
    path: "/api/v1/reduction-cases",
    url: () => "/api/v1/reduction-cases",
    expect: read(200),
  },
  {
    method: "GET",
    path: "/api/v1/reduction-cases/{id}",
    url: () => `/api/v1/reduction-cases/${NO_CASE}`,
    expect: read(404),
  },
  {
    method: "PUT",
    path: "/api/v1/reduction-cases/{id}",
    url: () => `/api/v1/reduction-cases/${NO_CASE}`,
    body: () => ({ version: 1, receivedOn: "2026-04-20" }),
    expect: agencyWrites,
  },
  {
    method: "POST",
    path: "/api/v1/reduction-cases/{id}/decision",
    url: () => `/api/v1/reduction-cases/${NO_CASE}/decision`,
    body: () => ({
      outcome: "reduction",
      amount: 100_000,
      performedShare: 0.5,
      reasoning: "Kommunen har inte utfört uppgifterna enligt överenskommelsen.",
      decidedOn: "2026-09-01",
      notifiedOn: "2026-09-02",
    }),
    expect: agencyWrites,
  },
  {
    method: "POST",
    path: "/api/v1/reduction-cases/{id}/appeal-lodged",
    url: () => `/api/v1/reduction-cases/${NO_CASE}/appeal-lodged`,
    body: () => ({ on: "2026-09-10" }),
    expect: agencyWrites,
  },
  {
    method: "POST",
    path: "/api/v1/reduction-cases/{id}/appeal-decided",
    url: () => `/api/v1/reduction-cases/${NO_CASE}/appeal-decided`,
    body: () => ({ on: "2026-10-10" }),
    expect: agencyWrites,
  },
  {
    method: "POST",
    path: "/api/v1/reduction-cases/{id}/invoice-sent",
    url: () => `/api/v1/reduction-cases/${NO_CASE}/invoice-sent`,
    body: () => ({ invoiceNumber: "F-2026-17", sentOn: "2026-11-20" }),
    expect: agencyWrites,
  },
  {
    method: "GET",
    path: "/api/v1/reduction-cases/{id}/log",
    url: () => `/api/v1/reduction-cases/${NO_CASE}/log`,
    expect: read(404),
  },
  {
    method: "POST",
    path: "/api/v1/reduction-cases/{id}/log",
    url: () => `/api/v1/reduction-cases/${NO_CASE}/log`,
    body: () => ({ on: "2026-11-20", form: "phone", with: ["municipality"], text: "Samtal om underlaget." }),
    expect: agencyWrites,
  },
  {
    method: "GET",
    path: "/api/v1/reduction-cases/{id}/document-requests",
    url: () => `/api/v1/reduction-cases/${NO_CASE}/document-requests`,
    expect: read(404),
  },
];
