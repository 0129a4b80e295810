import { type ActionStatus, verificationDueOn, watchSubject, webPaths } from "@uppsikt/core";
import type { WatchSource, WatchSourceItem } from "../../platform/watch/registry.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./actions-repository.js";

/*
 * The protocol's and the action plan's dates on the watch lists (R1-3, R2.7-8): each open action's deadline (the
 * coordinator's and the responsible officer's), the county's verification owed after a reported action, the
 * action plan's deadline after a sent protocol, and the reply date of a factual review.
 */

const actionsLink = (code: string, period: number) => webPaths.municipality(code, { tab: "actions", period });
/** A long action text shortened for a watch title. */
const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export const actionsSource: WatchSource = async (db, q) => {
  const rows = await repo.findActionsToWatch(db, q);
  return rows
    .filter((r) => r.action.status === "planned" || r.action.status === "inProgress")
    .map((r): WatchSourceItem => ({
      key: `action:${r.action.id}`,
      kind: "action",
      due: r.action.due,
      // A confidential action is named without its text: watch lists and mails are read without clearance.
      subject: r.action.confidentialBasis
        ? watchSubject("action", "confidential", { municipality: r.municipalityName })
        : watchSubject("action", "open", { text: short(r.action.text), municipality: r.municipalityName }),
      county: r.countyCode,
      municipality: { code: r.action.municipalityCode, name: r.municipalityName },
      responsibleUserId: r.officerId,
      responsibleName: r.officerName,
      awaitedFromMunicipality: true,
      link: actionsLink(r.action.municipalityCode, r.action.period),
    }));
};

export const actionVerificationSource: WatchSource = async (db, q) => {
  const rows = (await repo.findActionsToWatch(db, q)).filter(
    (r) => (r.action.status as ActionStatus) === "reportedDone" && r.action.reportedOn,
  );
  if (rows.length === 0) return [];
  const rules = await nationalRulesReader(db).on(q.today);
  const days = rules.rules.verificationAfterReportedDoneDays.value;
  return rows.map((r): WatchSourceItem => ({
    key: `action.verify:${r.action.id}`,
    kind: "actionVerification",
    due: verificationDueOn(r.action.reportedOn!, days),
    subject: r.action.confidentialBasis
      ? watchSubject("actionVerification", "confidential", { municipality: r.municipalityName })
      : watchSubject("actionVerification", "open", { text: short(r.action.text), municipality: r.municipalityName }),
    county: r.countyCode,
    municipality: { code: r.action.municipalityCode, name: r.municipalityName },
    responsibleUserId: r.officerId,
    responsibleName: r.officerName,
    awaitedFromMunicipality: false,
    link: actionsLink(r.action.municipalityCode, r.action.period),
  }));
};

export const actionPlanSource: WatchSource = async (db, q) =>
  (await repo.findProtocolsToWatch(db, q))
    .filter((r) => r.protocol.actionPlanDue && r.protocol.state !== "factualReview")
    .map((r): WatchSourceItem => ({
      key: `action.plan:${r.protocol.visitId}`,
      kind: "actionPlan",
      due: r.protocol.actionPlanDue!,
      subject: watchSubject("actionPlan", "due", { municipality: r.municipalityName }),
      county: r.countyCode,
      municipality: { code: r.municipalityCode, name: r.municipalityName },
      responsibleUserId: r.officerId,
      responsibleName: r.officerName,
      awaitedFromMunicipality: true,
      link: actionsLink(r.municipalityCode, r.period),
    }));

export const factualReviewSource: WatchSource = async (db, q) =>
  (await repo.findProtocolsToWatch(db, q))
    .filter((r) => r.protocol.state === "factualReview" && r.protocol.factualReviewReplyBy)
    .map((r): WatchSourceItem => ({
      key: `protocol.review:${r.protocol.visitId}`,
      kind: "protocolFactualReview",
      due: r.protocol.factualReviewReplyBy!,
      subject: watchSubject("protocolFactualReview", "open", { municipality: r.municipalityName }),
      county: r.countyCode,
      municipality: { code: r.municipalityCode, name: r.municipalityName },
      responsibleUserId: r.officerId,
      responsibleName: r.officerName,
      awaitedFromMunicipality: true,
      link: webPaths.visit(r.protocol.visitId),
    }));
