import { stockholmDate, watchSubject, webPaths } from "@uppsikt/core";
import type { WatchSource, WatchSourceItem as WatchItem } from "../../platform/watch/registry.js";
import * as repo from "./repository.js";

/*
 * The statements' dates on the watch lists (R1-3): a draft awaiting a county head's approval and an approved one
 * awaiting sending (the county heads'), a municipality's open chance to correct wrongful use (awaited from the
 * municipality by its last day) and a savings notice no statement has been raised from (the county's).
 */

/** Drafts to approve and approved statements to send; owned by a county head of the county who did not draft it. */
export const statementApprovalSource: WatchSource = async (db, query) => {
  const rows = await repo.findStatementsToWatch(db, query);
  if (rows.length === 0) return [];
  const heads = await repo.findCountyHeads(db, [...new Set(rows.map((r) => r.countyCode))]);
  return rows.map((r): WatchItem => {
    const approved = r.state === "approved";
    const approver = approved ? heads.find((h) => h.id === r.approvedBy) : undefined;
    const owner = approver ?? heads.find((h) => h.countyCode === r.countyCode && h.id !== r.draftedBy) ?? null;
    return {
      key: `statement.${approved ? "send" : "approve"}:${r.id}`,
      kind: "statementApproval",
      due: approved ? (r.approvedOn ?? stockholmDate(r.updatedAt)) : stockholmDate(r.updatedAt),
      subject: watchSubject("statementApproval", approved ? "send" : "approve", { municipality: r.municipalityName }),
      county: r.countyCode,
      municipality: { code: r.municipalityCode, name: r.municipalityName },
      responsibleUserId: owner?.id ?? null,
      responsibleName: owner?.name ?? null,
      awaitedFromMunicipality: false,
      link: webPaths.statement(r.id),
    };
  });
};

/** An open chance to correct: the municipality answers by its last day (R3.2-3). */
export const correctionChanceSource: WatchSource = async (db, query) => {
  const rows = (await repo.findOpenOpportunitiesToWatch(db, query)).filter((r) => r.o.lapsesOn >= query.today);
  if (rows.length === 0) return [];
  const officers = await repo.findMunicipalitiesWithOfficer(db, [...new Set(rows.map((r) => r.o.municipalityCode))]);
  return rows.map((r): WatchItem => {
    const officer = officers.get(r.o.municipalityCode);
    return {
      key: `correctionChance:${r.o.id}`,
      kind: "correctionChance",
      due: r.o.lapsesOn,
      subject: watchSubject("correctionChance", "open", { municipality: r.name }),
      county: r.countyCode,
      municipality: { code: r.o.municipalityCode, name: r.name },
      responsibleUserId: officer?.officerId ?? r.o.createdBy,
      responsibleName: officer?.officerId ? officer.officerName : r.creatorName,
      awaitedFromMunicipality: true,
      link: webPaths.municipality(r.o.municipalityCode, { tab: "statements" }),
    };
  });
};

/** A municipality's notice of savings it cannot use that no statement has been raised from (R3.3-3). */
export const savingsNoticeSource: WatchSource = async (db, query) => {
  const rows = await repo.findUnraisedNoticesToWatch(db, query);
  if (rows.length === 0) return [];
  const officers = await repo.findMunicipalitiesWithOfficer(db, [...new Set(rows.map((r) => r.n.municipalityCode))]);
  return rows.map((r): WatchItem => {
    const officer = officers.get(r.n.municipalityCode);
    return {
      key: `savingsNotice:${r.n.id}`,
      kind: "savingsNotice",
      due: r.n.createdOn,
      subject: watchSubject("savingsNotice", "open", { municipality: r.name }),
      county: r.countyCode,
      municipality: { code: r.n.municipalityCode, name: r.name },
      responsibleUserId: officer?.officerId ?? null,
      responsibleName: officer?.officerName ?? null,
      awaitedFromMunicipality: false,
      link: webPaths.countyStatements(r.countyCode),
    };
  });
};
