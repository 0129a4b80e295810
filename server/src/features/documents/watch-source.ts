import {
  deadlineDate,
  documentWatchDate,
  feedbackDueOn,
  isFeedbackAwaited,
  receivedOnDueOn,
  watchSubject,
  webPaths,
} from "@uppsikt/core";
import type { Config } from "../../config.js";
import type { WatchRegistry, WatchSource, WatchSourceItem as WatchItem } from "../../platform/watch/registry.js";
import {
  documentTypesOfPeriod,
  feedbackExpectedTypeIds,
  nationalRulesReader,
  rulesToday,
} from "../national-rules/rules-on.js";
import { findFeedbackFacts } from "./feedback-repository.js";
import { findAgreedDateFacts, findRequiredDocumentFacts } from "./watch-repository.js";

/*
 * The dates the documents feature needs watched (bevakning, R1-3): each registered under its kind, which is what
 * users turn reminders off by. One query per source, whatever the number of municipalities. Deadlines, the period
 * and the feedback wait come from the national rules in force; the rules in core decide.
 *
 * Which period: the current one, plus whatever of an earlier period falls due in it (an agreed year-two date or
 * owed feedback can lie after the period has ended; a missed first-year deadline of an ended period is not watched).
 */

const municipalityLink = (code: string, period: number) => webPaths.municipality(code, { period });

/**
 * The current period's required documents that have no version yet, with their deadline (R2.2-1); a missed one
 * stays listed as overdue. Once a date has been agreed for a missing document (R2.2-4) that date is watched instead
 * (core `documentWatchDate` decides).
 */
export function documentDeadlineSource(): WatchSource {
  return async (db, q) => {
    const { period, types } = await rulesToday(nationalRulesReader(db), q.today);
    const byId = new Map(types.map((t) => [t.id, t]));
    const rows = await findRequiredDocumentFacts(db, { ...q, period: period.id });
    return rows.flatMap((r): WatchItem[] => {
      const type = byId.get(r.typeId as (typeof types)[number]["id"]);
      if (!type) return [];
      const watched = documentWatchDate(
        { hasVersion: Boolean(r.hasVersion), agreedDate: r.agreedDate },
        deadlineDate(type.deadline, period),
      );
      if (watched?.kind !== "documentDeadline") return [];
      return [
        {
          key: `documents.deadline:${r.code}:${period.id}:${r.typeId}`,
          kind: "documentDeadline",
          due: watched.due,
          subject: watchSubject("documentDeadline", type.deadline.measuredFrom, {
            document: type.name,
            municipality: r.name,
          }),
          county: r.county,
          municipality: { code: r.code, name: r.name },
          responsibleUserId: r.officerId,
          responsibleName: r.officerName,
          awaitedFromMunicipality: true,
          link: municipalityLink(r.code, period.id),
        },
      ];
    });
  };
}

/** The dates agreed with the municipality for documents still missing from the period's second year (R2.2-4). */
export function yearTwoAgreedDateSource(): WatchSource {
  return async (db, q) => {
    const reader = nationalRulesReader(db);
    const { period } = await rulesToday(reader, q.today);
    const rows = await findAgreedDateFacts(db, { ...q, period: period.id, agreedFrom: `${period.firstYear}-01-01` });
    const typesOf = new Map<number, Awaited<ReturnType<typeof documentTypesOfPeriod>>>();
    for (const p of new Set(rows.map((r) => r.period)))
      typesOf.set(p, await documentTypesOfPeriod(reader, { firstYear: p }));
    return rows.flatMap((r): WatchItem[] => {
      const type = typesOf.get(r.period)?.find((t) => t.id === r.typeId);
      if (!type) return [];
      const watched = documentWatchDate(
        { hasVersion: Boolean(r.hasVersion), agreedDate: r.agreedDate },
        deadlineDate(type.deadline, { firstYear: r.period }),
      );
      if (watched?.kind !== "yearTwoAgreedDate") return [];
      return [
        {
          key: `documents.yearTwo:${r.code}:${r.period}:${r.typeId}`,
          kind: "yearTwoAgreedDate",
          due: watched.due,
          subject: watchSubject("yearTwoAgreedDate", "agreed", { document: r.typeName, municipality: r.name }),
          county: r.county,
          municipality: { code: r.code, name: r.name },
          responsibleUserId: r.officerId,
          responsibleName: r.officerName,
          awaitedFromMunicipality: true,
          link: municipalityLink(r.code, r.period),
        },
      ];
    });
  };
}

/**
 * Written feedback owed (R2.3-3): the latest version of each document whose type expects feedback, with no sent
 * feedback on that version and no decision that none will be sent (issue 10.10), falls due the national wait after it was received (core `feedbackDueOn`; the county's
 * "waited long" list reads the same rule). Watched: what falls due in the current period or later.
 * `overrideDays`: the deprecated FEEDBACK_WAIT_DAYS, when set.
 */
export function feedbackOwedSource(overrideDays?: number): WatchSource {
  return async (db, q) => {
    const reader = nationalRulesReader(db);
    const { rules, period } = await rulesToday(reader, q.today);
    const wait = { waitDays: overrideDays ?? rules.feedbackWaitDays.value };
    const expected = new Set(await feedbackExpectedTypeIds(reader, q.today));
    const rows = await findFeedbackFacts(db, {
      counties: q.counties,
      municipalities: q.municipalities,
      period: period.id,
      orReceivedFrom: receivedOnDueOn(`${period.firstYear}-01-01`, wait),
      typeIds: [...expected],
    });
    return rows
      .filter((r) =>
        // The query returns latest versions only.
        isFeedbackAwaited(
          { isLatest: true, hasSentFeedback: Boolean(r.hasSentFeedback), waived: Boolean(r.waived) },
          { feedbackExpected: expected.has(r.typeId) },
        ),
      )
      .map((r): WatchItem => ({
        key: `documents.feedback:${r.municipalityCode}:${r.period}:${r.typeId}:v${r.versionNo}`,
        kind: "feedbackOwed",
        due: feedbackDueOn(r.receivedOn, wait),
        subject: watchSubject("feedbackOwed", "owed", {
          document: r.typeName,
          version: r.versionNo,
          municipality: r.municipalityName,
        }),
        county: r.countyCode,
        municipality: { code: r.municipalityCode, name: r.municipalityName },
        responsibleUserId: r.officerId,
        responsibleName: r.officerName,
        awaitedFromMunicipality: false,
        link: municipalityLink(r.municipalityCode, r.period),
        feedbackVersionId: r.versionId,
      }));
  };
}

/** The three sources by kind: what the feature module registers. */
export const documentWatchSources = (config: Pick<Config, "FEEDBACK_WAIT_DAYS">) => ({
  documentDeadline: documentDeadlineSource(),
  yearTwoAgreedDate: yearTwoAgreedDateSource(),
  feedbackOwed: feedbackOwedSource(config.FEEDBACK_WAIT_DAYS),
});

/** Registers the same sources on a registry of its own (tests of the watch list without the whole app). */
export function registerDocumentWatch(watch: WatchRegistry, config: Pick<Config, "FEEDBACK_WAIT_DAYS">) {
  for (const [kind, source] of Object.entries(documentWatchSources(config)))
    watch.register(kind as keyof ReturnType<typeof documentWatchSources>, source);
}
