import { useQueries, useQuery } from "@tanstack/react-query";
import type { User } from "@uppsikt/core";
import { countiesQuery, municipalitiesQuery } from "../../api/queries";

/**
 * Names for the county and municipality codes on users. The user API gives codes only,
 * so the names come from the county list and from each needed county's municipality list.
 */
export function useScopeNames(users: User[]) {
  const counties = useQuery(countiesQuery);
  const neededCounties = [
    ...new Set(users.filter((u) => u.municipality).map((u) => u.county ?? u.municipality!.slice(0, 2))),
  ].sort();
  const lists = useQueries({
    queries: neededCounties.map((code) => ({ ...municipalitiesQuery(code, { limit: 500 }), staleTime: 5 * 60_000 })),
  });

  const countyNames = new Map((counties.data?.items ?? []).map((c) => [c.code, c.name]));
  const municipalityNames = new Map<string, string>();
  for (const list of lists) for (const m of list.data?.items ?? []) municipalityNames.set(m.code, m.name);

  return (user: User): string => {
    if (user.municipality) {
      const name = municipalityNames.get(user.municipality);
      return name ? `${name} (${user.municipality})` : user.municipality;
    }
    if (user.county) return countyNames.get(user.county) ?? user.county;
    return "–";
  };
}
