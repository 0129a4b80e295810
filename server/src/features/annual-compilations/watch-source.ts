import { addDays, watchSubject, webPaths } from "@uppsikt/core";
import type { WatchSource, WatchSourceItem } from "../../platform/watch/registry.js";
import * as repo from "./repository.js";

/** A year stays watched this long after its forwarding deadline if the county has still not forwarded it. */
const OVERDUE_DAYS = 365;

/**
 * The county's forwarding of its compilation to the agency (R2.4-2): for every year with a published form whose
 * forwarding deadline is not more than a year past, each county in scope that has not forwarded it. A county-level
 * item (no municipality, no responsible officer): the county heads see it in the county's scope, the agency for all.
 */
export const compilationForwardingSource: WatchSource = async (db, q) => {
  if (q.municipalities && !q.counties) return [];
  const years = await repo.findForwardingDeadlines(db, addDays(q.today, -OVERDUE_DAYS));
  if (years.length === 0) return [];
  const [counties, forwarded] = await Promise.all([
    repo.findCounties(db),
    repo.findForwardedCounties(
      db,
      years.map((y) => y.year),
    ),
  ]);
  const inScope = q.counties ? counties.filter((c) => q.counties!.includes(c.code)) : counties;
  return years.flatMap(({ year, due }) =>
    inScope
      .filter((c) => !forwarded.has(`${c.code}|${year}`))
      .map((c): WatchSourceItem => ({
        key: `annualCompilations.forward:${c.code}:${year}`,
        kind: "compilationForwarding",
        due,
        subject: watchSubject("compilationForwarding", "forward", { year, county: c.name }),
        county: c.code,
        municipality: null,
        responsibleUserId: null,
        responsibleName: null,
        awaitedFromMunicipality: false,
        link: webPaths.countyAnnualFollowUp(c.code),
      })),
  );
};
