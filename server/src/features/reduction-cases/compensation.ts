import { type CaseForCompensation, type CompensationUnderCase, compensationUnderCase, yearOf } from "@uppsikt/core";
import type { Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ActorContext } from "../../platform/http/context.js";
import { refreshLargeSavings } from "../economy/detection.js";
import * as economy from "../economy/repository.js";

/*
 * The compensation follows the case (R3.3-2), only in the year received: a stopped payment is `withheld` from the
 * day received until the decision, then `paid` or `reduced`; a repayment makes it `repaid` once the decision is
 * legally final. When the case no longer affects a part (the date received was corrected past the cut-off or into
 * another year), the part gets back the values it had before the case set them. Every change is audited as a
 * compensation change in the same transaction, with no amounts for a confidential part.
 */

type Target = Map<string, CompensationUnderCase | null>;

async function targetOf(tx: Tx, code: string, c: CaseForCompensation | null, today: string) {
  if (!c) return { year: null, rows: [] as economy.YearAmountRow[], target: new Map() as Target };
  const year = yearOf(c.receivedOn);
  const rows = await economy.findYearAmounts(tx, code, year, true);
  return {
    year,
    rows,
    target: compensationUnderCase(
      c,
      rows.map((r) => r.amount.partCode),
      today,
    ),
  };
}

async function setRow(
  tx: Tx,
  ctx: ActorContext,
  caseId: string,
  row: economy.YearAmountRow,
  values: { status: string; adjustment: number | null; statusOn: string | null },
): Promise<boolean> {
  const current = row.amount;
  if (
    current.status === values.status &&
    current.adjustment === values.adjustment &&
    current.statusOn === values.statusOn
  )
    return false;
  const actorId = ctx.actor.id === "system" ? null : ctx.actor.id;
  if (!(await economy.setAmountStatus(tx, current, values, actorId, ctx.clock.now())))
    throw new Error(`compensation row ${current.id} changed during the case's update`);
  const confidential = row.confidentialBasis !== null;
  const key = { municipality: current.municipalityCode, year: current.year, part: current.partCode };
  await recordAudit(tx, ctx, {
    action: "compensation.update",
    entityType: "compensationAmount",
    entityId: current.id,
    before: confidential
      ? { status: current.status, version: current.version }
      : { status: current.status, adjustment: current.adjustment, statusOn: current.statusOn },
    after: confidential
      ? { ...key, status: values.status, version: current.version + 1, reductionCase: caseId }
      : { ...key, ...values, version: current.version + 1, reductionCase: caseId },
  });
  return true;
}

/**
 * Brings the compensation in line with the case: `before` is the case as it was (null when it is new), `after` as it
 * is now; both read by core's `compensationUnderCase` on `today`.
 */
export async function syncCompensation(
  tx: Tx,
  ctx: ActorContext,
  c: { id: string; municipalityCode: string },
  before: CaseForCompensation | null,
  after: CaseForCompensation,
  today: string,
): Promise<void> {
  const now = await targetOf(tx, c.municipalityCode, after, today);
  const was = await targetOf(tx, c.municipalityCode, before, today);
  let changed = false;
  const restore = async (row: economy.YearAmountRow) => {
    const earlier = await economy.findEarlierStatus(tx, row.amount.id, row.amount.status);
    return setRow(tx, ctx, c.id, row, earlier ?? { status: "announced", adjustment: null, statusOn: null });
  };
  for (const row of now.rows) {
    const target = now.target.get(row.amount.partCode) ?? null;
    if (target) changed = (await setRow(tx, ctx, c.id, row, target)) || changed;
    else {
      // The case set this part before (same year) and no longer does: restore what it had.
      const earlier = was.year === now.year ? (was.target.get(row.amount.partCode) ?? null) : null;
      if (earlier && row.amount.status === earlier.status) changed = (await restore(row)) || changed;
    }
  }
  if (was.year !== null && was.year !== now.year)
    for (const row of was.rows) {
      const earlier = was.target.get(row.amount.partCode) ?? null;
      if (earlier && row.amount.status === earlier.status) changed = (await restore(row)) || changed;
    }
  if (changed) await refreshLargeSavings(tx, ctx, [c.municipalityCode]);
}
