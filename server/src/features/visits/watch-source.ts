import {
  type DocumentTypeId,
  countsTowardCoverage,
  feedbackBeforeVisit,
  plannedDueOn,
  watchSubject,
  webPaths,
} from "@uppsikt/core";
import type { WatchSource, WatchSourceItem } from "../../platform/watch/registry.js";
import { nationalRulesReader, rulesToday } from "../national-rules/rules-on.js";
import * as repo from "./repository.js";
import { KIND_WORDS } from "./views.js";

/*
 * The visits' dates on the watch list (R1-3): each planned visit at its due day (a month-only visit on the month's
 * last day), for the municipality's responsible officer; a municipality's users watch it once the plan is
 * published. And the written feedback owed before a late single visit (R2.7-4), the national number of days
 * before the visit's first possible day.
 */

const link = (code: string, period: number) => webPaths.municipality(code, { tab: "visits", period });

async function plannedRows(db: Parameters<WatchSource>[0], q: Parameters<WatchSource>[1]) {
  const { period } = await rulesToday(nationalRulesReader(db), q.today);
  return repo.findPlannedVisitsToWatch(db, { ...q, periods: [period.id] });
}

export const plannedVisitsSource: WatchSource = async (db, q) => {
  const rows = await plannedRows(db, q);
  return rows.map((r): WatchSourceItem => ({
    key: `visit:${r.visit.id}`,
    kind: "visit",
    due: plannedDueOn(r.visit.planned),
    subject: watchSubject("visit", "planned", { kind: KIND_WORDS[r.visit.kind], municipality: r.municipalityName }),
    county: r.countyCode,
    municipality: { code: r.visit.municipalityCode, name: r.municipalityName },
    responsibleUserId: r.officerId,
    responsibleName: r.officerName,
    // The municipality's users see it, and get reminders, once the plan is published.
    awaitedFromMunicipality: Boolean(r.published),
    link: link(r.visit.municipalityCode, r.visit.period),
  }));
};

export const feedbackBeforeVisitSource: WatchSource = async (db, q) => {
  const { rules, period } = await rulesToday(nationalRulesReader(db), q.today);
  const rows = await repo.findPlannedVisitsToWatch(db, { ...q, periods: [period.id] });
  if (rows.length === 0) return [];
  const codes = [...new Set(rows.map((r) => r.visit.municipalityCode))];
  const [counted, sent] = await Promise.all([
    repo.findCountedVisits(db, codes, [period.id]),
    repo.findSentFeedbackTypes(db, codes, period.id),
  ]);
  return rows.flatMap((r): WatchSourceItem[] => {
    const code = r.visit.municipalityCode;
    const owed = feedbackBeforeVisit(
      r.visit,
      {
        period,
        countedVisits: counted.filter((c) => c.code === code && countsTowardCoverage(c)).length,
        sentFeedback: new Set(sent.filter((s) => s.code === code).map((s) => s.typeId as DocumentTypeId)),
      },
      {
        documentTypes: rules.lateVisitFeedbackDocumentTypes.value,
        daysBefore: rules.lateVisitFeedbackDays.value,
      },
    );
    if (!owed) return [];
    return [
      {
        key: `visit.feedback:${r.visit.id}`,
        kind: "feedbackBeforeVisit",
        due: owed.dueOn,
        subject: watchSubject("feedbackBeforeVisit", "owed", { municipality: r.municipalityName }),
        county: r.countyCode,
        municipality: { code, name: r.municipalityName },
        responsibleUserId: r.officerId,
        responsibleName: r.officerName,
        awaitedFromMunicipality: false,
        link: link(code, r.visit.period),
      },
    ];
  });
};
