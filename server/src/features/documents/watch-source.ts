import { addDays, deadlineDate } from "@uppsikt/core";
import { type SQL, and, eq, gte, inArray, isNotNull, notExists, or, sql } from "drizzle-orm";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import {
  documentFeedback,
  documentFollowUps,
  documentTypes,
  documentVersions,
  documents,
  municipalities,
  users,
} from "../../db/schema/index.js";
import type { App, Deps } from "../../platform/http/types.js";
import type { WatchItem, WatchQuery, WatchRegistry, WatchSource } from "../../platform/watch/registry.js";
import { feedbackExpectedTypeIds, nationalRulesReader, rulesToday } from "../national-rules/rules-on.js";

/*
 * The dates the documents feature needs watched (bevakning, R1-3): each registered under its kind, which is what
 * users turn reminders off by. One query per source, whatever the number of municipalities.
 *
 * Which period: the current one, plus whatever of an earlier period falls due in it (an agreed year-two date or
 * owed feedback can lie after the period has ended; a missed first-year deadline of an ended period is not watched).
 */

export const DOCUMENT_WATCH_KINDS = ["documentDeadline", "yearTwoAgreedDate", "feedbackOwed"] as const;

/** Limits a query to the counties and municipalities asked for; null when the answer is empty anyway. */
function scopeOf(q: WatchQuery): SQL | undefined | null {
  if (q.counties?.length === 0 || q.municipalities?.length === 0) return null;
  return and(
    q.counties ? inArray(municipalities.countyCode, q.counties) : undefined,
    q.municipalities ? inArray(municipalities.code, q.municipalities) : undefined,
  );
}

const municipalityLink = (code: string, period: number) => `/kommun/${code}?period=${period}`;

const officerColumns = { officerId: users.id, officerName: users.name };

/** Whether the municipality has any version of the type in the period (correlated on the outer row). */
function versionExists(db: Db, municipality: SQL | typeof municipalities.code, period: SQL | number, type: SQL) {
  return db
    .select({ one: sql`1` })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(and(eq(documents.municipalityCode, municipality), eq(documents.period, period), eq(documents.typeId, type)));
}

/**
 * The current period's required documents that have no version yet, with their deadline (R2.2-1); a missed one
 * stays listed as overdue. Once a date has been agreed for a missing document (R2.2-4) that date is watched instead.
 */
export function documentDeadlineSource(): WatchSource {
  return async (db, q) => {
    const scope = scopeOf(q);
    if (scope === null) return [];
    const { period, types } = await rulesToday(nationalRulesReader(db), q.today);
    if (types.length === 0) return [];
    const agreed = db
      .select({ one: sql`1` })
      .from(documentFollowUps)
      .where(
        and(
          eq(documentFollowUps.municipalityCode, municipalities.code),
          eq(documentFollowUps.period, period.id),
          eq(documentFollowUps.typeId, documentTypes.id),
        ),
      );
    const rows = await db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        county: municipalities.countyCode,
        typeId: documentTypes.id,
        ...officerColumns,
      })
      .from(municipalities)
      .crossJoin(documentTypes)
      .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
      .where(
        and(
          scope,
          inArray(
            documentTypes.id,
            types.map((t) => t.id),
          ),
          notExists(versionExists(db, municipalities.code, period.id, sql`${documentTypes.id}`)),
          notExists(agreed),
        ),
      );
    return rows.map((r): WatchItem => {
      const type = types.find((t) => t.id === r.typeId)!;
      return {
        key: `documents.deadline:${r.code}:${period.id}:${r.typeId}`,
        kind: "documentDeadline",
        due: deadlineDate(type.deadline, period),
        title:
          type.deadline.measuredFrom === "received"
            ? `${type.name} ska lämnas till länsstyrelsen: ${r.name}`
            : `${type.name} ska vara beslutad: ${r.name}`,
        county: r.county,
        municipality: { code: r.code, name: r.name },
        responsibleUserId: r.officerId,
        responsibleName: r.officerName,
        awaitedFromMunicipality: true,
        link: municipalityLink(r.code, period.id),
      };
    });
  };
}

/** The dates agreed with the municipality for documents still missing from the period's second year (R2.2-4). */
export function yearTwoAgreedDateSource(): WatchSource {
  return async (db, q) => {
    const scope = scopeOf(q);
    if (scope === null) return [];
    const { period } = await rulesToday(nationalRulesReader(db), q.today);
    const rows = await db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        county: municipalities.countyCode,
        period: documentFollowUps.period,
        typeId: documentFollowUps.typeId,
        typeName: documentTypes.name,
        agreedDate: documentFollowUps.agreedDate,
        ...officerColumns,
      })
      .from(documentFollowUps)
      .innerJoin(municipalities, eq(municipalities.code, documentFollowUps.municipalityCode))
      .innerJoin(documentTypes, eq(documentTypes.id, documentFollowUps.typeId))
      .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
      .where(
        and(
          scope,
          or(eq(documentFollowUps.period, period.id), gte(documentFollowUps.agreedDate, `${period.firstYear}-01-01`)),
          notExists(
            versionExists(
              db,
              sql`${documentFollowUps.municipalityCode}`,
              sql`${documentFollowUps.period}`,
              sql`${documentFollowUps.typeId}`,
            ),
          ),
        ),
      );
    return rows.map((r): WatchItem => ({
      key: `documents.yearTwo:${r.code}:${r.period}:${r.typeId}`,
      kind: "yearTwoAgreedDate",
      due: r.agreedDate,
      title: `${r.typeName} enligt överenskommet datum: ${r.name}`,
      county: r.county,
      municipality: { code: r.code, name: r.name },
      responsibleUserId: r.officerId,
      responsibleName: r.officerName,
      awaitedFromMunicipality: true,
      link: municipalityLink(r.code, r.period),
    }));
  };
}

/**
 * Written feedback owed (R2.3-3): the latest version of each document whose type expects feedback, with no sent
 * feedback on that version, falls due the national feedback wait (days) after it was received (the listing's "waited
 * long"). `overrideDays`: the deprecated FEEDBACK_WAIT_DAYS, when set.
 */
export function feedbackOwedSource(overrideDays?: number): WatchSource {
  return async (db, q) => {
    const scope = scopeOf(q);
    if (scope === null) return [];
    const reader = nationalRulesReader(db);
    const { period, rules } = await rulesToday(reader, q.today);
    const waitDays = overrideDays ?? rules.feedbackWaitDays.value;
    const expected = await feedbackExpectedTypeIds(reader, q.today);
    if (expected.length === 0) return [];
    const latest = db
      .select({
        documentId: documentVersions.documentId,
        max: sql<number>`max(${documentVersions.versionNo})`.as("max"),
      })
      .from(documentVersions)
      .groupBy(documentVersions.documentId)
      .as("latest");
    const sent = db
      .select({ one: sql`1` })
      .from(documentFeedback)
      .where(and(eq(documentFeedback.versionId, documentVersions.id), isNotNull(documentFeedback.sentOn)));
    const rows = await db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        county: municipalities.countyCode,
        period: documents.period,
        typeId: documents.typeId,
        typeName: documentTypes.name,
        versionNo: documentVersions.versionNo,
        receivedOn: documentVersions.receivedOn,
        ...officerColumns,
      })
      .from(documentVersions)
      .innerJoin(
        latest,
        and(eq(latest.documentId, documentVersions.documentId), eq(latest.max, documentVersions.versionNo)),
      )
      .innerJoin(documents, eq(documents.id, documentVersions.documentId))
      .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
      .innerJoin(municipalities, eq(municipalities.code, documents.municipalityCode))
      .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
      .where(
        and(
          scope,
          inArray(documents.typeId, expected),
          or(
            eq(documents.period, period.id),
            gte(documentVersions.receivedOn, addDays(`${period.firstYear}-01-01`, -waitDays)),
          ),
          notExists(sent),
        ),
      );
    return rows.map((r): WatchItem => ({
      key: `documents.feedback:${r.code}:${r.period}:${r.typeId}:v${r.versionNo}`,
      kind: "feedbackOwed",
      due: addDays(r.receivedOn, waitDays),
      title: `Återkoppling på ${r.typeName} (version ${r.versionNo}): ${r.name}`,
      county: r.county,
      municipality: { code: r.code, name: r.name },
      responsibleUserId: r.officerId,
      responsibleName: r.officerName,
      awaitedFromMunicipality: false,
      link: municipalityLink(r.code, r.period),
    }));
  };
}

/** Registers the three sources, each under its kind. */
export function registerDocumentWatch(watch: WatchRegistry, config: Pick<Config, "FEEDBACK_WAIT_DAYS">) {
  watch.register("documentDeadline", documentDeadlineSource());
  watch.register("yearTwoAgreedDate", yearTwoAgreedDateSource());
  watch.register("feedbackOwed", feedbackOwedSource(config.FEEDBACK_WAIT_DAYS));
}

/** In the app's FEATURES list: the documents' dates join the watch list. */
export function register(_app: App, deps: Deps) {
  registerDocumentWatch(deps.watch, deps.config);
}
