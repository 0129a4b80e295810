import { invoiceDue } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { systemActor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import type { ActorContext } from "../../platform/http/context.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { syncCompensation } from "./compensation.js";
import { factsOf } from "./facts.js";
import * as repo from "./repository.js";

/**
 * Legal finality comes with time (R3.3-2): a repayment decision that has become legally final gets its invoice and
 * makes the year's compensation `repaid`. Idempotent (the invoice is unique per case and made under the case's lock),
 * safe to run from several places at once: on every read of the cases and from the watch list's source, which the
 * reminder job runs on its schedule. Returns how many invoices it made.
 */
export async function settleReductionCases(db: Db, clock: Clock): Promise<number> {
  const today = clock.today();
  const candidates = await repo.findRepaymentsWithoutInvoice(db);
  if (candidates.length === 0) return 0;
  const reader = nationalRulesReader(db);
  const ctx: ActorContext = { actor: systemActor, requestId: null, clock };
  let made = 0;
  for (const { c } of candidates) {
    const facts = await factsOf(reader, c, today);
    if (!invoiceDue({ ...facts.forCompensation }, today)) continue;
    made += await db.transaction(async (tx) => {
      const current = await repo.lockCase(tx, c.id);
      if (!current || current.outcome !== "repayment") return 0;
      const now = await factsOf(nationalRulesReader(tx), current, today);
      if (!invoiceDue(now.forCompensation, today)) return 0;
      // The invoice belongs to the day the decision became legally final, even when settled later.
      const createdOn = now.legallyFinalOn ?? today;
      const invoiceId = await repo.insertInvoice(tx, {
        caseId: current.id,
        amount: current.amount ?? 0,
        createdOn,
        createdAt: clock.now(),
      });
      if (!invoiceId) return 0;
      await recordAudit(tx, ctx, {
        action: "reductionCases.invoice",
        entityType: "repaymentInvoice",
        entityId: invoiceId,
        after: { case: current.id, amount: current.amount, createdOn, legallyFinalOn: now.legallyFinalOn },
      });
      await syncCompensation(tx, ctx, current, null, now.forCompensation, today);
      return 1;
    });
  }
  return made;
}
