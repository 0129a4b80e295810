import {
  type DetectedGroundCode,
  type EvidenceFact,
  GROUND_RULES,
  formatAmount,
  isActionOverdue,
  savingsKeepGrowing,
} from "@uppsikt/core";
import type { ActionStatus } from "@uppsikt/core";

/*
 * The grounds the system finds from the data (R3.2-2), as pure decisions over facts the service gathers in a few
 * batched queries. Each ground found carries its evidence (text, date, link) and core's rule text.
 */

export interface RsaFacts {
  /** The RSA item's status by the documents feature's rule (core's assessDocument). */
  status: string;
  deadline: string;
  link: string;
  /** The latest version: its date and the RSA check's count of missing required sections (null: not checkable). */
  latest: { decidedOn: string; missingSections: number | null; missingNames: string[] } | null;
}

export interface AccountFacts {
  year: number;
  /** Compensation received that year (a part paid or reduced). */
  received: boolean;
  /** The annual report's deadline (the year's form); null when the year has no form. */
  deadline: string | null;
  /** The report's status by the annual reports' rule. */
  status: string;
  link: string;
}

export interface FlaggedCostFact {
  year: number;
  categoryName: string;
  /** null: the amount is confidential and the reader has no clearance. */
  amount: number | null;
  link: string;
}

export interface SavingsFacts {
  /** The plan's years with a deviation (less used than planned). */
  deviations: { year: number; planned: number; used: number }[];
  hasPlan: boolean;
  /** Large savings are detected (an open detection) and since when. */
  largeSince: string | null;
  closings: { year: number; closing: number }[];
  /** The closings could not all be read (a confidential part without clearance). */
  hidden: boolean;
  link: string;
}

export interface ActionFacts {
  actions: { id: string; text: string | null; due: string; status: ActionStatus; link: string }[];
  /** The days each action was sent back from reported done. */
  sentBack: { actionId: string; on: string }[];
  /** The national rule `overdueActionsForGround`. */
  threshold: number;
}

export interface GroundFacts {
  today: string;
  rsa: RsaFacts | null;
  accounts: AccountFacts[];
  flagged: FlaggedCostFact[];
  savings: SavingsFacts | null;
  actions: ActionFacts;
}

export interface Finding {
  ground: DetectedGroundCode;
  evidence: EvidenceFact[];
  rule: string;
}

const ev = (text: string, date: string | null, link: string | null): EvidenceFact => ({ text, date, link });

export function noRsaReport(f: RsaFacts | null, today: string): EvidenceFact[] {
  if (!f) return [];
  if (f.status === "missing" || (f.latest === null && f.deadline < today))
    return [ev(`Risk- och sårbarhetsanalysen saknas; sista dag var ${f.deadline}.`, f.deadline, f.link)];
  if (f.latest && f.latest.missingSections !== null && f.latest.missingSections > 0)
    return [
      ev(
        `RSA-kontrollen av rapporten beslutad ${f.latest.decidedOn} saknar ${f.latest.missingSections} obligatoriska avsnitt${
          f.latest.missingNames.length ? `: ${f.latest.missingNames.join(", ")}` : ""
        }.`,
        f.latest.decidedOn,
        f.link,
      ),
    ];
  return [];
}

export function cannotAccount(years: readonly AccountFacts[], today: string): EvidenceFact[] {
  return years
    .filter((y) => y.received && y.deadline !== null && y.deadline < today && y.status !== "accepted")
    .sort((a, b) => a.year - b.year)
    .map((y) =>
      ev(
        `Ersättning för ${y.year} har betalats ut, men årsuppföljningen är inte godkänd (sista dag ${y.deadline}).`,
        y.deadline,
        y.link,
      ),
    );
}

export function wrongfulUse(flags: readonly FlaggedCostFact[]): EvidenceFact[] {
  return [...flags]
    .sort((a, b) => a.year - b.year)
    .map((c) =>
      ev(
        `${c.year}: kostnader i kostnadsslaget ${c.categoryName}, ${
          c.amount === null ? "beloppet är sekretessbelagt" : formatAmount(c.amount)
        }.`,
        `${c.year}-12-31`,
        c.link,
      ),
    );
}

export function savingsPlanGround(f: SavingsFacts | null): EvidenceFact[] {
  if (!f) return [];
  if (f.hasPlan)
    return f.deviations.map((d) =>
      ev(
        `Planen för sparandet följs inte ${d.year}: ${formatAmount(d.planned)} planerades att användas, ${formatAmount(d.used)} användes.`,
        `${d.year}-12-31`,
        f.link,
      ),
    );
  if (f.largeSince === null || !savingsKeepGrowing(f.closings)) return [];
  const last = [...f.closings].sort((a, b) => a.year - b.year).slice(-3);
  return [
    ev(
      `Stort sparande sedan ${f.largeSince} utan plan, och det utgående sparandet har ökat två år i rad${
        f.hidden ? "" : ` (${last.map((c) => `${c.year}: ${formatAmount(c.closing)}`).join(", ")})`
      }.`,
      f.largeSince,
      f.link,
    ),
  ];
}

export function repeatedFailure(f: ActionFacts, today: string): EvidenceFact[] {
  const overdue = f.actions.filter((a) => isActionOverdue(a, today));
  const backIds = new Set(f.sentBack.map((s) => s.actionId));
  const sentBack = f.actions.filter((a) => backIds.has(a.id));
  const counted = new Set([...overdue.map((a) => a.id), ...sentBack.map((a) => a.id)]);
  if (counted.size < f.threshold) return [];
  const label = (a: ActionFacts["actions"][number]) =>
    a.text === null ? "En sekretessbelagd åtgärd" : `Åtgärden ”${a.text}”`;
  return [
    ...overdue.map((a) => ev(`${label(a)} är försenad (sista dag ${a.due}).`, a.due, a.link)),
    ...sentBack.map((a) => {
      const on =
        f.sentBack
          .filter((s) => s.actionId === a.id)
          .map((s) => s.on)
          .sort()
          .at(-1) ?? null;
      return ev(`${label(a)} har skickats tillbaka efter att ha rapporterats som klar.`, on, a.link);
    }),
  ];
}

/** Every ground found, in core's order. */
export function findGrounds(f: GroundFacts): Finding[] {
  const found: [DetectedGroundCode, EvidenceFact[]][] = [
    ["noRsaReport", noRsaReport(f.rsa, f.today)],
    ["cannotAccount", cannotAccount(f.accounts, f.today)],
    ["wrongfulUse", wrongfulUse(f.flagged)],
    ["savingsPlan", savingsPlanGround(f.savings)],
    ["repeatedFailure", repeatedFailure(f.actions, f.today)],
  ];
  return found
    .filter(([, e]) => e.length > 0)
    .map(([ground, evidence]) => ({ ground, evidence, rule: GROUND_RULES[ground] }));
}
