import type { Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ActorContext } from "../../platform/http/context.js";
import * as repo from "./repository.js";

export interface SentStatement {
  id: string;
  countyCode: string;
  municipalityCode: string;
  sentOn: string;
}

/**
 * A statement sent to the agency opens its reduction case (R3.3-1), received on the day it was sent until the agency
 * corrects the date. Called by the statements feature in the transaction that sends the statement.
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
  await recordAudit(tx, ctx, {
    action: "reductionCases.open",
    entityType: "reductionCase",
    entityId: id,
    after: { statement: statement.id, receivedOn: statement.sentOn },
  });
  return id;
}
