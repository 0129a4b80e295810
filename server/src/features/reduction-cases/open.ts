import type { Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ActorContext } from "../../platform/http/context.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { syncCompensation } from "./compensation.js";
import { factsOf } from "./facts.js";
import * as repo from "./repository.js";

export interface SentStatement {
  id: string;
  countyCode: string;
  municipalityCode: string;
  sentOn: string;
}

/**
 * A statement sent to the agency opens its reduction case (R3.3-1), received on the day it was sent until the agency
 * corrects the date. Called by the statements feature in the transaction that sends the statement. Received on or
 * before the cut-off, the year's payment is withheld from the day received (R3.3-2).
 */
export async function openReductionCase(tx: Tx, ctx: ActorContext, statement: SentStatement): Promise<string> {
  const id = await repo.insertCase(tx, {
    statementId: statement.id,
    countyCode: statement.countyCode,
    municipalityCode: statement.municipalityCode,
    receivedOn: statement.sentOn,
    createdAt: ctx.clock.now(),
    updatedAt: ctx.clock.now(),
  });
  const facts = await factsOf(
    nationalRulesReader(tx),
    {
      receivedOn: statement.sentOn,
      outcome: null,
      decidedOn: null,
      notifiedOn: null,
      appealLodgedOn: null,
      appealDecidedOn: null,
      partAmounts: [],
    },
    ctx.clock.today(),
  );
  await recordAudit(tx, ctx, {
    action: "reductionCases.open",
    entityType: "reductionCase",
    entityId: id,
    after: {
      statement: statement.id,
      receivedOn: statement.sentOn,
      year: facts.effect.year,
      effect: facts.effect.effect,
    },
  });
  await syncCompensation(
    tx,
    ctx,
    { id, municipalityCode: statement.municipalityCode },
    null,
    facts.forCompensation,
    ctx.clock.today(),
  );
  return id;
}
