/*
 * The shape of a permission-matrix case and the expectations the features' `route-cases.ts` share. Imports nothing
 * of the app: a feature's cases file imports only this.
 */

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

export const agreementBody = () => ({
  kind: "combined",
  title: `Testöverenskommelse ${Math.random().toString(36).slice(2, 6)}`,
  firstYear: 2027,
  lastYear: 2030,
  registrationNumber: null,
  taskAreas: ["Del 1"],
  note: null,
});

/** Documents are read by the agency, the county and the municipality, not by admins. */
export const documentsRead = (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : role === "admin" ? 403 : role === "agency" || inScope ? 200 : 404;
export const countyOnly = (ok: number) => (role: RoleKey, inScope: boolean) =>
  role === "anonymous"
    ? 401
    : role === "agency"
      ? ok
      : role === "countyHead" || role === "countyOfficer"
        ? inScope
          ? ok
          : 404
        : 403;

export const national = (role: RoleKey) => role === "agency" || role === "admin";
export const loggedIn = (ok: number) => (role: RoleKey) => (role === "anonymous" ? 401 : ok);
/** Readable by all roles within scope; national roles see everything. */
export const scopedRead = (role: RoleKey, inScope: boolean) =>
  role === "anonymous" ? 401 : national(role) || inScope ? 200 : 404;
