/* The permission-matrix and bad-input cases of this feature's routes (test support only; see server/test/routes.ts). */
import { type RoleKey, type RouteCase } from "../../../test/route-case.js";

const NONE = "00000000-0000-4000-8000-000000000000";
const anon = (role: RoleKey) => role === "anonymous";
const isCounty = (role: RoleKey) => role === "countyHead" || role === "countyOfficer";

export const ROUTE_CASES: RouteCase[] = [
  {
    method: "POST",
    path: "/api/v1/county-dialogues",
    url: () => "/api/v1/county-dialogues",
    body: (t) => ({
      county: t.county,
      heldOn: "2027-03-01",
      form: "meeting",
      participants: ["Karin Lund, MCF", "Johan Bergström, länsstyrelsen"],
      subjects: ["Årsuppföljningen"],
      conclusions: "Länet följer upp de sena rapporterna.",
      followUps: [],
    }),
    expect: (role) => (anon(role) ? 401 : role === "agency" ? 201 : 403),
  },
  {
    method: "GET",
    path: "/api/v1/counties/{code}/county-dialogues",
    url: (t) => `/api/v1/counties/${t.county}/county-dialogues`,
    expect: (role, inScope) =>
      anon(role) ? 401 : role === "agency" ? 200 : isCounty(role) ? (inScope ? 200 : 404) : 403,
  },
  {
    method: "POST",
    path: "/api/v1/county-dialogue-follow-ups/{id}/done",
    url: () => `/api/v1/county-dialogue-follow-ups/${NONE}/done`,
    body: () => ({ note: "" }),
    expect: (role) => (anon(role) ? 401 : role === "agency" ? 404 : 403),
  },
];
