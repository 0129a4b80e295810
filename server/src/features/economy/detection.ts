import { addDays, isLargeSavings, judgedYear, yearOf, yearTotals } from "@uppsikt/core";
import type { Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ActorContext } from "../../platform/http/context.js";
import { type NationalRulesReader, nationalRulesReader } from "../national-rules/rules-on.js";
import { type MunicipalityFigures, savingsFigures } from "./figures.js";
import * as repo from "./repository.js";

/*
 * Large savings, stored (R2.6-1, R2.6-2): the day the rule first becomes true for a municipality is kept with the
 * year it was judged on and the savings plan's due date; the day it stops being true closes the row. The savings
 * plan's watch source reads the open rows.
 */

export interface LargeSavingsJudgement {
  status: boolean;
  judgedYear: number | null;
  share: number | null;
  closing: number;
  announced: number;
}

const shares = new WeakMap<NationalRulesReader, Map<number, Promise<number>>>();

/**
 * The large-savings share of a year (the rules in force on its 1 January), cached per reader and year: the county
 * and national tables judge every municipality with one reader, so the rules are read (and parsed) once a year,
 * not once a municipality.
 */
export function largeSavingsShareOf(reader: NationalRulesReader, year: number): Promise<number> {
  let byYear = shares.get(reader);
  if (!byYear) shares.set(reader, (byYear = new Map()));
  let share = byYear.get(year);
  if (!share) {
    share = reader.on(`${year}-01-01`).then((r) => r.rules.largeSavingsShare.value);
    byYear.set(year, share);
  }
  return share;
}

/** Judged on the latest year (up to `toYear`) whose costs are in, by the share of that year's rules. */
export async function judgeLargeSavings(
  figures: MunicipalityFigures,
  toYear: number,
  reader: NationalRulesReader,
): Promise<LargeSavingsJudgement> {
  const judged = judgedYear(figures.yearsWithCosts, toYear);
  if (judged === null) return { status: false, judgedYear: null, share: null, closing: 0, announced: 0 };
  const total = yearTotals(figures.rows, judged);
  const share = await largeSavingsShareOf(reader, judged);
  return {
    status: isLargeSavings(total, share),
    judgedYear: judged,
    share: total.announced > 0 ? total.closing / total.announced : null,
    closing: total.closing,
    announced: total.announced,
  };
}

/**
 * Recomputes large savings for the municipalities and stores the change: a new open row (audited
 * largeSavings.detect) when the rule became true, the clearing day (largeSavings.clear) when it stopped. `on` is
 * the day of the detection (default today; the demo places it in its past).
 */
export async function refreshLargeSavings(
  tx: Tx,
  ctx: ActorContext,
  codes: string[],
  options: { on?: string } = {},
): Promise<void> {
  if (codes.length === 0) return;
  const today = options.on ?? ctx.clock.today();
  const toYear = yearOf(ctx.clock.today());
  const reader = nationalRulesReader(tx);
  const [figures, open] = await Promise.all([
    savingsFigures(tx, codes, toYear, reader),
    repo.findOpenDetections(tx, codes),
  ]);
  const openBy = new Map(open.map((d) => [d.municipalityCode, d]));
  const dueDays = (await reader.on(today)).rules.savingsPlanDueDays.value;
  for (const code of codes) {
    const f = figures.get(code);
    if (!f) continue;
    const judged = await judgeLargeSavings(f, toYear, reader);
    const current = openBy.get(code);
    if (judged.status && !current) {
      const planDueOn = addDays(today, dueDays);
      const id = await repo.insertDetection(tx, {
        municipalityCode: code,
        detectedOn: today,
        judgedYear: judged.judgedYear!,
        planDueOn,
        createdAt: ctx.clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: "largeSavings.detect",
        entityType: "largeSavings",
        entityId: id,
        after: { municipality: code, detectedOn: today, judgedYear: judged.judgedYear, planDueOn },
      });
    } else if (!judged.status && current) {
      await repo.clearDetection(tx, current.id, today);
      await recordAudit(tx, ctx, {
        action: "largeSavings.clear",
        entityType: "largeSavings",
        entityId: current.id,
        before: { detectedOn: current.detectedOn, judgedYear: current.judgedYear },
        after: { municipality: code, clearedOn: today },
      });
    }
  }
}
