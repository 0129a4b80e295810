/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RouteCase } from "../../../test/route-case.js";

export const ROUTE_CASES: RouteCase[] = [
  // The watch list (bevakning, R1-3), hand-over, reminder preferences, the calendar feed and the mail outbox.
  // Admins watch nothing (403); the agency has a list of its own (R1-7); leadership reads the watch list but gets
  // no reminders.
  {
    method: "GET",
    path: "/api/v1/watch",
    url: () => "/api/v1/watch?horizon=30",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 200),
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
        : role === "agency" || role === "countyHead" || role === "countyOfficer" || role === "coordinator"
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
        : role === "agency" || role === "countyHead" || role === "countyOfficer" || role === "coordinator"
          ? 200
          : 403,
  },
  {
    method: "GET",
    path: "/api/v1/me/calendar-token",
    url: () => "/api/v1/me/calendar-token",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 200),
  },
  {
    method: "POST",
    path: "/api/v1/me/calendar-token",
    url: () => "/api/v1/me/calendar-token",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 201),
  },
  {
    method: "DELETE",
    path: "/api/v1/me/calendar-token",
    url: () => "/api/v1/me/calendar-token",
    expect: (role) => (role === "anonymous" ? 401 : role === "admin" ? 403 : 200),
  },
  {
    // No session needed, only the token: an unknown one is 404 for everyone, logged in or not.
    method: "GET",
    path: "/api/v1/calendar/{id}.ics",
    url: () => "/api/v1/calendar/okand-token-0123456789abcdefghijklmnopqrstuv.ics",
    expect: () => 404,
  },
];
