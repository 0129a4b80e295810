import {
  type CommunicationRef,
  DOCUMENT_TYPES,
  type EvidenceFact,
  ORAL_DIALOGUE_FORMS,
  type PreconditionResult,
  type StatementGroundCode,
  WRITTEN_DIALOGUE_FORMS,
  correctionState,
  evaluatePreconditions,
  webPaths,
  yearOf,
  yearTotals,
} from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import { clearanceScope, covers } from "../../platform/confidentiality/index.js";
import { Invalid } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { savingsFigures } from "../economy/figures.js";
import * as economyRepo from "../economy/repository.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./repository.js";

/*
 * The checklist before a statement is sent (R3.2-1, R3.2-3), computed from the data by core's evaluatePreconditions:
 * the letters that communicated each ground, the action plan, the savings plan where there are savings, oral and
 * written dialogue (shared entries only; county-internal ones never count), the time to remedy and the chance to
 * correct wrongful use.
 */

export const FORM_NAMES: Record<string, string> = {
  phone: "Telefon",
  meeting: "Möte",
  videoMeeting: "Videomöte",
  email: "E-post",
  networkMeeting: "Nätverksträff",
};

export const ACTION_STATUS_NAMES: Record<string, string> = {
  planned: "Planerad",
  inProgress: "Pågår",
  reportedDone: "Rapporterad klar",
  verified: "Verifierad",
};

const typeName = (id: string) => DOCUMENT_TYPES.find((t) => t.id === id)?.name ?? id;

export interface Communication {
  kind: "protocol" | "feedback";
  id: string;
  label: string;
  date: string | null;
  link: string | null;
}

/** Sent protocol versions and sent written feedback to the municipality: what can have communicated a deficiency. */
export async function communicationsOf(db: Executor, code: string): Promise<Communication[]> {
  const [protocols, feedback] = await Promise.all([repo.findSentProtocols(db, code), repo.findSentFeedback(db, code)]);
  return [
    ...protocols.map((p): Communication => ({
      kind: "protocol",
      id: p.id,
      label: `Protokoll från besök ${p.heldOn ?? ""}`.trim() + ` (version ${p.versionNo}, dnr ${p.registrationNumber})`,
      date: p.sentOn,
      link: webPaths.visit(p.visitId),
    })),
    ...feedback.map((f): Communication => ({
      kind: "feedback",
      id: f.id,
      label: `Skriftlig återkoppling på ${typeName(f.typeId)}${f.registrationNumber ? ` (dnr ${f.registrationNumber})` : ""}`,
      date: f.sentOn,
      link: webPaths.municipality(code),
    })),
  ].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
}

export interface ActionView {
  id: string;
  text: string | null;
  due: string;
  status: string;
  /** The day the municipality reported it done (its response), if it has. */
  reportedOn: string | null;
  link: string;
}

/** The municipality's actions in the period; a confidential action's text only for a cleared reader. */
export async function actionsOf(db: Executor, ctx: ActorContext, code: string, period: number): Promise<ActionView[]> {
  const [rows, scope] = await Promise.all([
    repo.findActions(db, code, period),
    clearanceScope(db, ctx.actor, ctx.clock.today()),
  ]);
  const cleared = covers(scope, code);
  const link = webPaths.municipality(code, { tab: "actions", period });
  return rows.map((r) => ({
    id: r.id,
    text: r.confidentialBasis && !cleared ? null : r.text,
    due: r.due,
    status: r.status,
    reportedOn: r.reportedOn,
    link,
  }));
}

/** The stored grounds refer only to the municipality's sent letters, the actions to its period's, and so on. */
export async function assertLinks(
  db: Executor,
  ctx: ActorContext,
  code: string,
  period: number,
  input: {
    grounds: readonly { communicatedBy: readonly CommunicationRef[] }[];
    actions: readonly string[];
    correctionOpportunities: readonly string[];
  },
) {
  const refs = input.grounds.flatMap((g) => g.communicatedBy);
  if (refs.length) {
    const known = new Set((await communicationsOf(db, code)).map((c) => `${c.kind}:${c.id}`));
    if (refs.some((r) => !known.has(`${r.kind}:${r.id}`)))
      throw Invalid(
        "En kopplad skrivelse finns inte bland de skickade protokollen och återkopplingarna till kommunen.",
        {
          issues: [{ path: "grounds", message: "Okänd skrivelse." }],
        },
      );
  }
  if (input.actions.length) {
    const known = new Set((await actionsOf(db, ctx, code, period)).map((a) => a.id));
    if (input.actions.some((a) => !known.has(a)))
      throw Invalid("En kopplad åtgärd finns inte i kommunens åtgärdsplan för mandatperioden.", {
        issues: [{ path: "actions", message: "Okänd åtgärd." }],
      });
  }
  if (input.correctionOpportunities.length) {
    const rows = await repo.findOpportunitiesByIds(db, input.correctionOpportunities);
    if (rows.length !== new Set(input.correctionOpportunities).size || rows.some((r) => r.municipalityCode !== code))
      throw Invalid("En kopplad möjlighet att rätta finns inte för kommunen.", {
        issues: [{ path: "correctionOpportunities", message: "Okänd möjlighet att rätta." }],
      });
  }
}

export interface StatementFacts {
  results: PreconditionResult[];
  communications: Communication[];
  actions: ActionView[];
  opportunities: repo.OpportunityRow[];
  /** Shared dialogue entries of the period (the history). */
  dialogue: { id: string; date: string; form: string }[];
}

const ev = (text: string, date: string | null, link: string | null): EvidenceFact => ({ text, date, link });

/** The latest closing savings over the parts that count, by the latest year whose costs are in. */
async function latestClosing(db: Executor, code: string, today: string): Promise<number | null> {
  const figures = (await savingsFigures(db, [code], yearOf(today), nationalRulesReader(db))).get(code);
  const year = figures?.yearsWithCosts.at(-1);
  if (!figures || year === undefined) return null;
  return yearTotals(figures.rows, year).closing;
}

/** The facts and the checklist of one statement as it stands today. */
export async function statementFacts(db: Db, ctx: ActorContext, s: repo.StatementHead): Promise<StatementFacts> {
  const today = ctx.clock.today();
  const code = s.municipalityCode;
  const [communications, actions, opportunities, dialogue, closing, plans] = await Promise.all([
    communicationsOf(db, code),
    actionsOf(db, ctx, code, s.period),
    repo.findOpportunitiesByIds(db, s.opportunityIds),
    repo.findSharedDialogue(db, code, `${s.period}-01-01`, today),
    latestClosing(db, code, today),
    economyRepo.findSubmittedPlans(db, [code]),
  ]);
  const byRef = new Map(communications.map((c) => [`${c.kind}:${c.id}`, c]));
  const fact = (c: Communication) => ev(c.label, c.date, c.link);
  const dialogueLink = webPaths.municipality(code, { tab: "dialogue" });
  const entry = (d: { date: string; form: string }) =>
    ev(`${FORM_NAMES[d.form] ?? d.form} ${d.date}`, d.date, dialogueLink);
  const linked = actions.filter((a) => s.actionIds.includes(a.id));
  const results = evaluatePreconditions({
    initiatedBy: s.initiatedBy as "county" | "municipality",
    today,
    grounds: s.grounds.map((g) => ({
      ground: g.ground as StatementGroundCode,
      communicatedBy: g.communicatedBy
        .map((r) => byRef.get(`${r.kind}:${r.id}`))
        .filter((c): c is Communication => c !== undefined)
        .map(fact),
    })),
    actionPlan: actions.map((a) => ev(a.text ?? "En sekretessbelagd åtgärd", a.due, a.link)),
    closingSavings: closing,
    savingsPlans: plans.map((p) =>
      ev(
        "Plan för sparandet",
        (p.submittedAt ?? p.createdAt).toISOString().slice(0, 10),
        webPaths.municipality(code, { tab: "economy" }),
      ),
    ),
    oralDialogue: dialogue.filter((d) => (ORAL_DIALOGUE_FORMS as readonly string[]).includes(d.form)).map(entry),
    writtenDialogue: [
      ...communications.map(fact),
      ...dialogue.filter((d) => (WRITTEN_DIALOGUE_FORMS as readonly string[]).includes(d.form)).map(entry),
    ],
    linkedActions: linked.map((a) => ({ ...ev(a.text ?? "En sekretessbelagd åtgärd", a.due, a.link), due: a.due })),
    correctionOpportunities: opportunities.map((o) => ({
      ...ev(
        `Möjlighet att rätta given ${o.offeredOn}: ${
          o.answeredOn
            ? `kommunen svarade ${o.answeredOn}`
            : correctionState(o, today) === "lapsed"
              ? `löpte ut ${o.lapsesOn}`
              : `öppen till ${o.lapsesOn}`
        }`,
        o.answeredOn ?? o.offeredOn,
        webPaths.municipality(code, { tab: "statements" }),
      ),
      answeredOn: o.answeredOn,
      lapsesOn: o.lapsesOn,
    })),
  });
  return { results, communications, actions, opportunities, dialogue };
}
