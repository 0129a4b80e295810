import { SERVER_FEATURES } from "../src/features/index.js";
import type { TestContext } from "./app.js";
import { buildUser } from "./factories.js";
import type { RoleKey, RouteCase, Targets } from "./route-case.js";

export { ROLE_SPECS, type RoleKey, type RouteCase, type Targets } from "./route-case.js";

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

/**
 * Every route's cases, collected from the features' `route-cases.ts` by glob: a new feature's cases are picked up with
 * no edit here. The permission-matrix test fails when a route in the OpenAPI document has no case.
 */
const modules = import.meta.glob<{ ROUTE_CASES: RouteCase[] }>("../src/features/*/route-cases.ts", { eager: true });
const folderOf = (file: string) => file.split("/").at(-2)!;
/** In the order of the feature list (then by folder), so the cases run in the order the routes are registered. */
const rank = (file: string) => {
  const i = SERVER_FEATURES.findIndex((f) => f.name === folderOf(file));
  return i < 0 ? SERVER_FEATURES.length : i;
};
export const ROUTES: RouteCase[] = Object.keys(modules)
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .flatMap((file) => modules[file]!.ROUTE_CASES);

/** For each route, a role allowed to call it, so that bad input is what gets refused. */
export function allowedRole(route: RouteCase): RoleKey {
  for (const role of ["admin", "agency", "countyHead", "countyOfficer", "coordinator"] as const) {
    const status = route.expect(role, true);
    if ((status >= 200 && status < 300) || (route.multipart && status === 415)) return role;
  }
  // Routes to things that don't exist yet in the fixture, or that conflict with its state: a role that passes the
  // permission check.
  return (
    (["admin", "agency", "countyHead", "countyOfficer", "coordinator"] as const).find((r) =>
      [404, 409].includes(route.expect(r, true)),
    ) ?? "anonymous"
  );
}
