import { savingsPlanOwed, savingsPlanSubmission, watchSubject, webPaths } from "@uppsikt/core";
import type { WatchSource, WatchSourceItem } from "../../platform/watch/registry.js";
import { findOpenDetectionsForWatch, findSubmittedPlans } from "./plan-repository.js";

/**
 * A savings plan owed (R2.6-2): once savings are large, the watch list holds the plan for the municipality's
 * responsible officer until a plan is submitted (core's savingsPlanOwed), due the day the detection set.
 */
export const savingsPlanOwedSource: WatchSource = async (db, q) => {
  const detections = await findOpenDetectionsForWatch(db, q);
  const plans = await findSubmittedPlans(db, [...new Set(detections.map((d) => d.municipalityCode))]);
  return detections
    .filter((d) =>
      savingsPlanOwed(d, plans.filter((p) => p.municipalityCode === d.municipalityCode).map(savingsPlanSubmission)),
    )
    .map((r): WatchSourceItem => ({
      key: `savingsPlan.owed:${r.detectionId}`,
      kind: "savingsPlanOwed",
      due: r.planDueOn,
      subject: watchSubject("savingsPlanOwed", "owed", { municipality: r.municipalityName }),
      county: r.countyCode,
      municipality: { code: r.municipalityCode, name: r.municipalityName },
      responsibleUserId: r.officerId,
      responsibleName: r.officerName,
      awaitedFromMunicipality: true,
      link: webPaths.municipality(r.municipalityCode, { tab: "economy" }),
    }));
};
