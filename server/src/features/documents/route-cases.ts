/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase, countyOnly, documentsRead, loggedIn } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/documents",
    url: (t) => `/api/v1/municipalities/${t.municipality}/documents`,
    expect: documentsRead,
  },
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/documents",
    url: (t) => `/api/v1/municipalities/${t.municipality}/documents`,
    multipart: true,
    /** The form's fields (the matrix sends them as JSON and expects 415; the no-500 property test sends a form). */
    body: () => ({ type: "rsa", period: "2023", decidedBy: "council", decidedOn: "2023-06-12" }),
    expect: (role, inScope) =>
      role === "anonymous"
        ? 401
        : role === "countyHead" || role === "countyOfficer" || role === "coordinator"
          ? inScope
            ? 415
            : 404
          : 403,
  },
  {
    method: "GET",
    path: "/api/v1/document-files/{id}/content",
    url: () => "/api/v1/document-files/00000000-0000-4000-8000-000000000000/content",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
  {
    method: "GET",
    path: "/api/v1/document-files/{id}/text",
    url: () => "/api/v1/document-files/00000000-0000-4000-8000-000000000000/text",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
  {
    method: "GET",
    path: "/api/v1/review-queue",
    url: () => "/api/v1/review-queue",
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 200 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/documents/matrix",
    url: (t) => `/api/v1/counties/${t.county}/documents/matrix`,
    expect: countyOnly(200),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/documents/search",
    url: (t) => `/api/v1/counties/${t.county}/documents/search?q=risk`,
    expect: countyOnly(200),
  },
  // Written feedback (R2.3-3), missing documents from year two (R2.2-4), the matrix as Excel (R2.2-6).
  // Routes to one feedback or version use an id that does not exist: 404 where the role may act, 403 where not.
  {
    method: "POST",
    path: "/api/v1/document-versions/{id}/feedback",
    url: () => "/api/v1/document-versions/00000000-0000-4000-8000-000000000000/feedback",
    body: () => ({ body: "Återkoppling på RSA-rapporten.", countyRegistrationNumber: "450-1-2026" }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/document-versions/{id}/feedback-waiver",
    url: () => "/api/v1/document-versions/00000000-0000-4000-8000-000000000000/feedback-waiver",
    body: () => ({ reason: "Kommunen har ersatt dokumentet inom kort." }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/feedback/{id}",
    url: () => "/api/v1/feedback/00000000-0000-4000-8000-000000000000",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
  {
    method: "PUT",
    path: "/api/v1/feedback/{id}",
    url: () => "/api/v1/feedback/00000000-0000-4000-8000-000000000000",
    body: () => ({ body: "Ny text." }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/feedback/{id}/sent",
    url: () => "/api/v1/feedback/00000000-0000-4000-8000-000000000000/sent",
    body: () => ({ sentOn: "2026-11-27" }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/feedback/{id}/letter",
    url: () => "/api/v1/feedback/00000000-0000-4000-8000-000000000000/letter?format=pdf",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/feedback",
    url: (t) => `/api/v1/municipalities/${t.municipality}/feedback`,
    expect: documentsRead,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/documents/awaiting-feedback",
    url: (t) => `/api/v1/counties/${t.county}/documents/awaiting-feedback`,
    expect: countyOnly(200),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/documents/year-two",
    url: (t) => `/api/v1/counties/${t.county}/documents/year-two?period=2023`,
    expect: countyOnly(200),
  },
  {
    method: "PUT",
    path: "/api/v1/municipalities/{code}/documents/follow-ups",
    url: (t) => `/api/v1/municipalities/${t.municipality}/documents/follow-ups`,
    body: () => ({
      type: "steeringDocument",
      period: 2023,
      reason: "Beslutet är uppskjutet till våren.",
      agreedDate: "2027-03-31",
    }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/documents/matrix.xlsx",
    url: (t) => `/api/v1/counties/${t.county}/documents/matrix.xlsx`,
    expect: countyOnly(200),
  },
  // The county's review of a document version (R2.2-3); in/out of scope with real versions: review-api.test.ts.
  {
    method: "GET",
    path: "/api/v1/document-versions/{id}/review",
    url: () => "/api/v1/document-versions/00000000-0000-4000-8000-000000000000/review",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
  {
    method: "PUT",
    path: "/api/v1/document-versions/{id}/review",
    url: () => "/api/v1/document-versions/00000000-0000-4000-8000-000000000000/review",
    body: () => ({ items: [], summary: "Matris.", outcome: null }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/document-versions/{id}/rsa-check",
    url: () => "/api/v1/document-versions/00000000-0000-4000-8000-000000000000/rsa-check",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 404),
  },
  { method: "GET", path: "/api/v1/rsa-sections", url: () => "/api/v1/rsa-sections", expect: loggedIn(200) },
  {
    method: "PUT",
    path: "/api/v1/rsa-sections",
    url: () => "/api/v1/rsa-sections",
    body: () => ({
      version: 1,
      sections: [{ position: 1, title: "Beskrivning av kommunen", keywords: ["kommun", "geografi"] }],
    }),
    // The agency's first save (in scope) takes version 1 to 2; the same body again is a stale update.
    expect: (role, inScope) => (role === "anonymous" ? 401 : role === "agency" ? (inScope ? 200 : 409) : 403),
  },
];
