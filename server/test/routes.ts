import { addDays } from "@uppsikt/core";
import { stringify } from "yaml";
import { DEFAULT_NATIONAL_RULE_VERSIONS } from "../src/features/national-rules/defaults.js";
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
  /** Another officer of the same county (hand-over needs two). */
  secondOfficerId: string;
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
  const second01 = await buildUser(t.database.db, { role: "county", county: "01" });
  const second14 = await buildUser(t.database.db, { role: "county", county: "14" });
  return {
    inScope: {
      county: "01",
      municipality: "0180",
      userId: in01.id,
      agreementId,
      officerId: officer01.id,
      secondOfficerId: second01.id,
    },
    outOfScope: {
      county: "14",
      municipality: "1480",
      userId: in14.id,
      agreementId,
      officerId: officer14.id,
      secondOfficerId: second14.id,
    },
  };
}

export interface RouteCase {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** As in the OpenAPI document. */
  path: string;
  url(t: Targets): string;
  body?(t: Targets): unknown;
  /** Takes multipart/form-data: the matrix sends JSON and expects 415 where the actor may call it. */
  multipart?: true;
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

/** Documents are read by the agency, the county and the municipality, not by admins. */
const documentsRead = (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? 200 : 404;
const countyOnly = (ok: number) => (role: RoleKey, inScope: boolean) =>
  role === "anonymous"
    ? 401
    : role === "agency"
      ? ok
      : role === "countyHead" || role === "countyOfficer"
        ? inScope
          ? ok
          : 404
        : 403;

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
    body: () => ({ type: "rsa" }),
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
  // Confidentiality: the national OSL grounds and clearances (behörigheter). The fixture has no clearance, so
  // withdraw names an unknown one: 404 for whoever passes the permission check.
  { method: "GET", path: "/api/v1/osl-grounds", url: () => "/api/v1/osl-grounds", expect: loggedIn(200) },
  {
    method: "POST",
    path: "/api/v1/osl-grounds",
    url: () => "/api/v1/osl-grounds",
    body: () => ({
      reference: `99 kap. ${Math.random().toString(36).slice(2, 8)} § OSL`,
      description: "Sekretessgrund i permissionsmatrisen.",
    }),
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 201 : 403),
  },
  {
    method: "PUT",
    path: "/api/v1/osl-grounds/{id}",
    // 18 kap. 13 § OSL from STARTER_OSL_GROUNDS (server/src/db/seed/osl-grounds.ts), loaded into every test database.
    url: () => "/api/v1/osl-grounds/6f1b0c2e-4d3a-4c5e-9a10-000000000001",
    body: () => ({ reference: "99 kap. 1 § OSL", description: "Ändrad sekretessgrund.", active: true }),
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 200 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/clearances",
    url: (t) => `/api/v1/clearances?county=${t.county}&includeInactive=true`,
    // A county head asking for another county gets an empty list of their own county's, not 404.
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "countyHead" ? 200 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/clearances",
    url: () => "/api/v1/clearances",
    body: (t) => ({
      userId: t.officerId,
      county: t.county,
      municipality: t.municipality,
      undertakingSignedOn: "2026-01-15",
      validUntil: null,
      note: null,
    }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "admin" ? 201 : role === "countyHead" ? (inScope ? 201 : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/clearances/{id}/withdraw",
    url: () => "/api/v1/clearances/00000000-0000-4000-8000-000000000000/withdraw",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" || role === "countyHead" ? 404 : 403),
  },
  // The national criteria library (R4-1, R1-2). The fixture may have no library version, so the routes that
  // name one use an unknown id: 404 for whoever passes the permission check. The library without ?version
  // answers 200 either way (version null while none is active).
  { method: "GET", path: "/api/v1/criteria/library", url: () => "/api/v1/criteria/library", expect: loggedIn(200) },
  { method: "GET", path: "/api/v1/criteria/versions", url: () => "/api/v1/criteria/versions", expect: loggedIn(200) },
  {
    method: "POST",
    path: "/api/v1/criteria/versions/import",
    url: () => "/api/v1/criteria/versions/import",
    multipart: true,
    body: () => ({ version: "matris" }),
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 415 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/criteria/versions/{id}/activate",
    url: () => "/api/v1/criteria/versions/00000000-0000-4000-8000-000000000000/activate",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 404 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/criteria/versions/{id}/export",
    url: () => "/api/v1/criteria/versions/00000000-0000-4000-8000-000000000000/export?format=xlsx",
    expect: loggedIn(404),
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
    body: () => ({ sections: [{ position: 1, title: "Beskrivning av kommunen", keywords: ["kommun", "geografi"] }] }),
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" ? 200 : 403),
  },
  // The watch list (bevakning, R1-3), hand-over, reminder preferences, the calendar feed and the mail outbox.
  // The agency and admins watch nothing (403); leadership reads the watch list but gets no reminders.
  {
    method: "GET",
    path: "/api/v1/watch",
    url: () => "/api/v1/watch?horizon=30",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : 200),
  },
  {
    method: "POST",
    path: "/api/v1/counties/{code}/hand-over",
    url: (t) => `/api/v1/counties/${t.county}/hand-over`,
    body: (t) => ({ fromUserId: t.officerId, toUserId: t.secondOfficerId }),
    expect: (role, inScope) => (role === "anonymous" ? 401 : role !== "countyHead" ? 403 : inScope ? 200 : 404),
  },
  {
    method: "GET",
    path: "/api/v1/me/reminder-preferences",
    url: () => "/api/v1/me/reminder-preferences",
    expect: (role) =>
      role === "anonymous"
        ? 401
        : role === "countyHead" || role === "countyOfficer" || role === "coordinator"
          ? 200
          : 403,
  },
  {
    method: "PUT",
    path: "/api/v1/me/reminder-preferences",
    url: () => "/api/v1/me/reminder-preferences",
    body: () => ({ kinds: [{ kind: "documentDeadline", enabled: true }] }),
    expect: (role) =>
      role === "anonymous"
        ? 401
        : role === "countyHead" || role === "countyOfficer" || role === "coordinator"
          ? 200
          : 403,
  },
  {
    method: "GET",
    path: "/api/v1/me/calendar-token",
    url: () => "/api/v1/me/calendar-token",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : 200),
  },
  {
    method: "POST",
    path: "/api/v1/me/calendar-token",
    url: () => "/api/v1/me/calendar-token",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : 201),
  },
  {
    method: "DELETE",
    path: "/api/v1/me/calendar-token",
    url: () => "/api/v1/me/calendar-token",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : 200),
  },
  {
    // No session needed, only the token: an unknown one is 404 for everyone, logged in or not.
    method: "GET",
    path: "/api/v1/calendar/{id}.ics",
    url: () => "/api/v1/calendar/okand-token-0123456789abcdefghijklmnopqrstuv.ics",
    expect: () => 404,
  },
  {
    method: "GET",
    path: "/api/v1/admin/outbox",
    url: () => "/api/v1/admin/outbox",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 200 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/admin/outbox/{id}.eml",
    url: () => "/api/v1/admin/outbox/20260101T000000000Z-0000000000000000.eml",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 404 : 403),
  },
  // The continuous dialogue (R2.3-1): the county writes, the county and the municipality's users (leadership too)
  // read; the agency and admins read no dialogue. Routes to one entry or follow-up use an unknown id.
  {
    method: "POST",
    path: "/api/v1/dialogue-entries",
    url: () => "/api/v1/dialogue-entries",
    body: (t) => ({
      municipalities: [t.municipality],
      date: "2026-11-02",
      form: "phone",
      subjects: ["rsa"],
      notes: "Samtal om RSA-arbetet.",
      participants: { municipality: ["Anna Samordnare"], county: ["Karl Handläggare"] },
      followUps: [{ text: "Skicka tidplanen", due: "2026-12-15" }],
    }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 201 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/dialogue-entries",
    url: (t) => `/api/v1/municipalities/${t.municipality}/dialogue-entries?limit=10&subject=rsa`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : inScope ? 200 : 404,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/dialogue-entries.xlsx",
    url: (t) => `/api/v1/municipalities/${t.municipality}/dialogue-entries.xlsx`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : inScope ? 200 : 404,
  },
  {
    method: "GET",
    path: "/api/v1/dialogue-entries/{id}",
    url: () => "/api/v1/dialogue-entries/00000000-0000-4000-8000-000000000000",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : 404),
  },
  {
    method: "PUT",
    path: "/api/v1/dialogue-entries/{id}",
    url: () => "/api/v1/dialogue-entries/00000000-0000-4000-8000-000000000000",
    body: (t) => ({
      municipalities: [t.municipality],
      date: "2026-11-02",
      form: "meeting",
      subjects: ["planning"],
      notes: "Ändrad anteckning.",
      participants: { municipality: [], county: [] },
    }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "POST",
    path: "/api/v1/dialogue-follow-ups/{id}/done",
    url: () => "/api/v1/dialogue-follow-ups/00000000-0000-4000-8000-000000000000/done",
    expect: (role) =>
      role === "anonymous"
        ? 401
        : role === "countyHead" || role === "countyOfficer" || role === "coordinator"
          ? 404
          : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/dialogue-entries/search",
    url: (t) => `/api/v1/counties/${t.county}/dialogue-entries/search?q=RSA`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  // Early warnings (R2.3-2) are county-internal: never the municipality's users, nor the agency.
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/warnings",
    url: (t) => `/api/v1/municipalities/${t.municipality}/warnings`,
    body: () => ({ kind: "largeSavings", description: "Sparandet har ökat tre år i rad." }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 201 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/warnings",
    url: (t) => `/api/v1/municipalities/${t.municipality}/warnings?open=true`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/warnings",
    url: (t) => `/api/v1/counties/${t.county}/warnings?open=true`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/follow-up-owners",
    url: (t) => `/api/v1/counties/${t.county}/follow-up-owners?municipalities=${t.municipality}`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/warnings/summary",
    url: (t) => `/api/v1/counties/${t.county}/warnings/summary`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/warnings/{id}/resolve",
    url: () => "/api/v1/warnings/00000000-0000-4000-8000-000000000000/resolve",
    body: () => ({ note: "Kommunen har redovisat användningen." }),
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  // Requests for documents (R2.5-4): the county asks and closes, the coordinator answers (multipart), the
  // municipality's users and the county read.
  {
    method: "POST",
    path: "/api/v1/municipalities/{code}/document-requests",
    url: (t) => `/api/v1/municipalities/${t.municipality}/document-requests`,
    body: () => ({ subject: "Underlag om ersättningen", message: "Skicka verifikationerna.", replyBy: "2027-01-15" }),
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? (inScope ? 201 : 404) : 403,
  },
  {
    method: "GET",
    path: "/api/v1/municipalities/{code}/document-requests",
    url: (t) => `/api/v1/municipalities/${t.municipality}/document-requests`,
    expect: (role, inScope) =>
      role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : inScope ? 200 : 404,
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
    expect: (role) => (role === "anonymous" ? 401 : role === "countyHead" || role === "countyOfficer" ? 404 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/document-request-files/{id}/content",
    url: () => "/api/v1/document-request-files/00000000-0000-4000-8000-000000000000/content",
    expect: (role) => (role === "anonymous" ? 401 : role === "agency" || role === "admin" ? 403 : 404),
  },
  ...NATIONAL_RULES_ROUTES(),
];

// ---------------------------------------------------------------------------------------------------------------
// National rules (feature national-rules, R1-2): read by everyone signed in, written by the agency only.
// Kept as one block so that it moves into server/src/features/national-rules/route-cases.ts as it is.
// ---------------------------------------------------------------------------------------------------------------
function NATIONAL_RULES_ROUTES(): RouteCase[] {
  let day = 0;
  /** A fresh future date per call, so a repeated create does not collide (409). */
  const nextDate = () => addDays("2040-01-01", day++);
  // A small but complete rule set, so the body stays under the bad-input test's 4 kB body limit.
  const full = DEFAULT_NATIONAL_RULE_VERSIONS.at(-1)!.rules;
  const value = <T>(v: { value: T }) => ({ value: v.value, unverified: true });
  const rules = {
    ...Object.fromEntries(
      Object.entries(full)
        .filter(([k]) => k !== "documentTypes" && k !== "rsaDisposition")
        .map(([k, v]) => [k, value(v as { value: unknown })]),
    ),
    documentTypes: [{ ...full.documentTypes[0]!, source: undefined, unverified: true }],
    rsaDisposition: { sections: [full.rsaDisposition.sections[0]!], unverified: true },
  };
  const versionBody = () => ({ appliesFrom: nextDate(), sourceTitle: "Testkälla", sourceDnr: null, rules });
  const agencyOnly = (ok: number) => (role: RoleKey) => (role === "anonymous" ? 401 : role === "agency" ? ok : 403);
  const unknown = "00000000-0000-4000-8000-000000000000";
  return [
    { method: "GET", path: "/api/v1/national-rules", url: () => "/api/v1/national-rules", expect: loggedIn(200) },
    {
      method: "GET",
      path: "/api/v1/national-rules/current",
      url: () => "/api/v1/national-rules/current",
      expect: loggedIn(200),
    },
    {
      method: "GET",
      path: "/api/v1/national-rules.yaml",
      url: () => "/api/v1/national-rules.yaml",
      expect: loggedIn(200),
    },
    {
      method: "GET",
      path: "/api/v1/national-rules/{id}",
      url: () => `/api/v1/national-rules/${unknown}`,
      expect: loggedIn(404),
    },
    {
      method: "GET",
      path: "/api/v1/national-rules/{id}/export",
      url: () => `/api/v1/national-rules/${unknown}/export`,
      expect: loggedIn(404),
    },
    {
      method: "POST",
      path: "/api/v1/national-rules",
      url: () => "/api/v1/national-rules",
      body: versionBody,
      expect: agencyOnly(201),
    },
    {
      method: "PUT",
      path: "/api/v1/national-rules/{id}",
      url: () => `/api/v1/national-rules/${unknown}`,
      body: () => ({ ...versionBody(), version: 1 }),
      expect: agencyOnly(404),
    },
    {
      method: "POST",
      path: "/api/v1/national-rules/import",
      url: () => "/api/v1/national-rules/import",
      body: () => ({ content: stringify({ versions: [versionBody()] }) }),
      expect: agencyOnly(200),
    },
  ];
}
