import type { SupportNeedItem, SupportNeedReason, SupportNeedRule } from "../contracts/support-needs.js";
import { compareSwedish } from "./collation.js";
import { formatAmount } from "./format.js";

/*
 * Who needs support (R2.4-3, R2.2-6): each fact about a municipality that the rules read becomes a reason with the
 * rule's national weight; the score is the sum of the weights, and the list is sorted by score, then by name.
 * A rule whose weight is 0 gives no reason.
 */

export type SupportNeedWeights = Partial<Record<SupportNeedRule, number>>;

export interface SupportNeedInput {
  municipality: { code: string; name: string };
  /** The year of the annual follow-up read. */
  year: number;
  /** The annual report's state for the year (core's annualReportState); null when the year has no form. */
  report: { late: boolean; missing: boolean; deadline: string | null; submittedOn: string | null } | null;
  /** Answers the form marks as warning signs. */
  warningAnswers: readonly { key: string; label: string; text: string }[];
  /** Answers worse than last year's, by the question's better direction. */
  worseAnswers: readonly { key: string; label: string; now: string; last: string }[];
  /** Costs in not-eligible categories; amount null where the reader may not see a confidential part's. */
  notEligibleCosts: readonly { year: number; category: string; amount: number | null }[];
  /** An open detection of large savings. */
  largeSavings: { share: number | null; detectedOn: string } | null;
  /** Required documents of the mandate period not received, or received after their deadline. */
  documentsMissing: readonly { documentType: string }[];
  documentsLate: readonly { documentType: string }[];
  overdueActions: number;
  openEarlyWarnings: number;
}

type Data = SupportNeedReason["data"];

const percent = (share: number) => `${Math.round(share * 100)} %`;

function reasonsOf(input: SupportNeedInput): { rule: SupportNeedRule; detail: string; data: Data }[] {
  const { year, report } = input;
  const out: { rule: SupportNeedRule; detail: string; data: Data }[] = [];
  if (report?.missing)
    out.push({
      rule: "annualReportMissing",
      detail: `Årsrapporten för ${year} har inte lämnats in (sista dag ${report.deadline}).`,
      data: { year, deadline: report.deadline },
    });
  else if (report?.late)
    out.push({
      rule: "annualReportLate",
      detail: `Årsrapporten för ${year} kom in ${report.submittedOn} (sista dag ${report.deadline}).`,
      data: { year, deadline: report.deadline, submittedOn: report.submittedOn },
    });
  for (const a of input.warningAnswers)
    out.push({
      rule: "warningAnswer",
      detail: `Svaret på ”${a.label}” är ett varningstecken: ${a.text}.`,
      data: { year, question: a.key, answer: a.text },
    });
  for (const a of input.worseAnswers)
    out.push({
      rule: "worseThanLastYear",
      detail: `Sämre svar än förra året på ”${a.label}”: ${a.now} (${year - 1}: ${a.last}).`,
      data: { year, question: a.key, now: a.now, last: a.last },
    });
  for (const c of input.notEligibleCosts)
    out.push({
      rule: "notEligibleCosts",
      detail:
        c.amount === null
          ? `Kostnader ${c.year} i ett kostnadsslag som ersättningen inte får användas till: ${c.category} (beloppet är sekretessbelagt).`
          : `Kostnader ${c.year} i ett kostnadsslag som ersättningen inte får användas till: ${c.category}, ${formatAmount(c.amount)}.`,
      data: { year: c.year, category: c.category, amount: c.amount },
    });
  if (input.largeSavings)
    out.push({
      rule: "largeSavings",
      detail:
        input.largeSavings.share === null
          ? `Stort sparande av ersättningen konstaterat ${input.largeSavings.detectedOn}.`
          : `Stort sparande av ersättningen (${percent(input.largeSavings.share)}) konstaterat ${input.largeSavings.detectedOn}.`,
      data: { share: input.largeSavings.share, detectedOn: input.largeSavings.detectedOn },
    });
  for (const d of input.documentsMissing)
    out.push({
      rule: "documentMissing",
      detail: `Styrdokument saknas: ${d.documentType}.`,
      data: { documentType: d.documentType },
    });
  for (const d of input.documentsLate)
    out.push({
      rule: "documentLate",
      detail: `Styrdokument kom in för sent: ${d.documentType}.`,
      data: { documentType: d.documentType },
    });
  if (input.overdueActions > 0)
    out.push({
      rule: "overdueActions",
      detail:
        input.overdueActions === 1
          ? "En åtgärd har passerat sin sista dag utan att vara genomförd."
          : `${input.overdueActions} åtgärder har passerat sin sista dag utan att vara genomförda.`,
      data: { count: input.overdueActions },
    });
  if (input.openEarlyWarnings > 0)
    out.push({
      rule: "openEarlyWarnings",
      detail:
        input.openEarlyWarnings === 1
          ? "En tidig varning är öppen."
          : `${input.openEarlyWarnings} tidiga varningar är öppna.`,
      data: { count: input.openEarlyWarnings },
    });
  return out;
}

/** The municipalities with their reasons and scores, highest score first, then by Swedish name. */
export function rankSupportNeeds(inputs: readonly SupportNeedInput[], weights: SupportNeedWeights): SupportNeedItem[] {
  return inputs
    .map((input): SupportNeedItem => {
      const reasons = reasonsOf(input).flatMap((r) => {
        const weight = weights[r.rule] ?? 0;
        return weight > 0 ? [{ ...r, weight }] : [];
      });
      return {
        municipality: { code: input.municipality.code, name: input.municipality.name },
        score: reasons.reduce((sum, r) => sum + r.weight, 0),
        reasons,
      };
    })
    .sort((a, b) => b.score - a.score || compareSwedish(a.municipality.name, b.municipality.name));
}
