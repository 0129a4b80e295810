/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  // Requests for documents (R2.5-4): the county asks and closes, the coordinator answers (multipart), the
  // municipality's users and the county read. The agency asks, reads and closes too, only in a reduction case
  // (R3.3-1): without `reductionCase` its request is refused (400).
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/document-requests",
    url: (t) => `/api/v1/municipalities/${t.municipality}/document-requests`,
    body: () => ({ subject: "Underlag om ersättningen", message: "Skicka verifikationerna.", replyBy: "2027-01-15" }),
    expect: (role, inScope) =>
      role === "anonymous"
        ? 401
        : role === "agency"
          ? 400
          : role === "countyHead" || role === "countyOfficer"
            ? inScope
              ? 201
              : 404
            : 403,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/document-requests",
    url: (t) => `/api/v1/municipalities/${t.municipality}/document-requests`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? 200 : 404,
  },
  {
    method: "POST",
    path: "/api/v1/document-requests/{id}/answers",
    url: () => "/api/v1/document-requests/00000000-0000-4000-8000-000000000000/answers",
    multipart: true,
    // Without a body the unknown request answers 404; a JSON or form body is refused first with 415.
    expect: (role) => (role === "anonymous" ? 401 : role === "coordinator" ? 404 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/document-requests/{id}/close",
    url: () => "/api/v1/document-requests/00000000-0000-4000-8000-000000000000/close",
    expect: (role) =>
      role === "anonymous" ? 401 : role === "agency" || role === "countyHead" || role === "countyOfficer" ? 404 : 403,
  },
  {
    method: "GET",
    path: "/api/v1/document-request-files/{id}/content",
    url: () => "/api/v1/document-request-files/00000000-0000-4000-8000-000000000000/content",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
];
