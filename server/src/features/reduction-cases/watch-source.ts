import { isAwaitingAnswer, watchSubject, webPaths } from "@uppsikt/core";
import { fixedClock } from "../../platform/clock.js";
import type { WatchSource, WatchSourceItem as WatchItem } from "../../platform/watch/registry.js";
import { shorten } from "../../platform/watch/text.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { factsOf } from "./facts.js";
import * as repo from "./repository.js";
import { settleReductionCases } from "./settle.js";

/*
 * The agency's dates in its reduction cases (R3.3-2): the decision due a national number of days after the
 * statement was received, legal finality (or, after an appeal, the date to enter), the invoice to send, and the
 * agency's own open document requests. The sources also settle the cases that became legally final, so the reminder
 * job makes the due invoices on its schedule.
 */

const settleOn = async (db: Parameters<WatchSource>[0], today: string) =>
  settleReductionCases(db, fixedClock(`${today}T12:00:00+01:00`));

/** Cases without a decision: due the day the decision is due; the agency's. */
export const reductionDecisionSource: WatchSource = async (db, query) => {
  const reader = nationalRulesReader(db);
  const items: WatchItem[] = [];
  for (const r of await repo.findWatchedCases(db, query)) {
    if (r.c.outcome !== null) continue;
    const facts = await factsOf(reader, r.c, query.today);
    items.push({
      key: `reductionDecision:${r.c.id}`,
      kind: "reductionDecision",
      due: facts.decisionDueOn,
      subject: watchSubject("reductionDecision", "decide", { municipality: r.municipalityName, county: r.countyName }),
      county: r.c.countyCode,
      municipality: { code: r.c.municipalityCode, name: r.municipalityName },
      responsibleUserId: null,
      responsibleName: null,
      awaitedFromMunicipality: false,
      link: webPaths.reductionCase(r.c.id),
    });
  }
  return items;
};

/** Decided cases not yet legally final: the day they become so, or, after an appeal, the date to enter. */
export const legalFinalitySource: WatchSource = async (db, query) => {
  await settleOn(db, query.today);
  const reader = nationalRulesReader(db);
  const items: WatchItem[] = [];
  for (const r of await repo.findWatchedCases(db, query)) {
    if (r.c.outcome === null) continue;
    const facts = await factsOf(reader, r.c, query.today);
    if (facts.status === "legallyFinal") continue;
    const appealed = r.c.appealLodgedOn !== null;
    // Without the day notified there is no last day of appeal yet: watched from the decision.
    const due = appealed
      ? (r.c.appealDecidedOn ?? r.c.appealLodgedOn!)
      : (facts.legallyFinalOn ?? facts.lastAppealDay ?? r.c.decidedOn!);
    items.push({
      key: `legalFinality:${r.c.id}`,
      kind: "legalFinality",
      due,
      subject: watchSubject("legalFinality", appealed && !r.c.appealDecidedOn ? "appeal" : "final", {
        municipality: r.municipalityName,
      }),
      county: r.c.countyCode,
      municipality: { code: r.c.municipalityCode, name: r.municipalityName },
      responsibleUserId: r.c.decidedBy,
      responsibleName: r.decidedByName,
      awaitedFromMunicipality: false,
      link: webPaths.reductionCase(r.c.id),
    });
  }
  return items;
};

/** Repayment invoices made and not sent: due the day made; the decider's. */
export const repaymentInvoiceSource: WatchSource = async (db, query) => {
  await settleOn(db, query.today);
  return (await repo.findUnsentInvoices(db, query)).map((r): WatchItem => ({
    key: `repaymentInvoice:${r.caseId}`,
    kind: "repaymentInvoice",
    due: r.createdOn,
    subject: watchSubject("repaymentInvoice", "send", { municipality: r.municipalityName }),
    county: r.countyCode,
    municipality: { code: r.municipalityCode, name: r.municipalityName },
    responsibleUserId: r.decidedBy,
    responsibleName: r.decidedByName,
    awaitedFromMunicipality: false,
    link: webPaths.reductionCase(r.caseId),
  }));
};

/**
 * The agency's open document requests in its cases: awaited from the municipality, owned by the agency officer who
 * asked. No confidential text in a title: a confidential request gets its case's neutral subject.
 */
export const caseDocumentRequestSource: WatchSource = async (db, query) =>
  (await repo.findOpenCaseRequests(db, query))
    .filter((r) => isAwaitingAnswer(r))
    .map((r): WatchItem => ({
      key: `caseDocumentRequest:${r.id}`,
      kind: "caseDocumentRequest",
      due: r.replyBy,
      subject: watchSubject("caseDocumentRequest", "open", {
        municipality: r.municipalityName,
        subject: r.confidentialBasis ? "sekretessbelagd begäran" : shorten(r.subject),
      }),
      county: r.countyCode,
      municipality: { code: r.municipalityCode, name: r.municipalityName },
      responsibleUserId: r.requestedBy,
      responsibleName: r.requestedByName,
      awaitedFromMunicipality: true,
      link: webPaths.reductionCase(r.caseId),
    }));
