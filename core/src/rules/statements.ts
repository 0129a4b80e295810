/*
 * The county's statement to the agency (R3.1-1, R3.2-1, R3.2-2, R3.2-3): the grounds the system recognises, the
 * preconditions before a statement can be sent, and who may approve it. The server gathers the facts (batch queries
 * in the statements feature) and these rules decide; the checklist is computed here and nowhere else.
 */

/** The grounds the system finds from the data (R3.2-2), and one the officer writes in words. */
export const DETECTED_GROUNDS = [
  "noRsaReport",
  "cannotAccount",
  "wrongfulUse",
  "savingsPlan",
  "repeatedFailure",
] as const;
export type DetectedGroundCode = (typeof DETECTED_GROUNDS)[number];
export const STATEMENT_GROUNDS = [...DETECTED_GROUNDS, "other"] as const;
export type StatementGroundCode = (typeof STATEMENT_GROUNDS)[number];

export const STATEMENT_STATES = ["draft", "approved", "sent"] as const;
export type StatementStateCode = (typeof STATEMENT_STATES)[number];
export const STATEMENT_INITIATORS = ["county", "municipality"] as const;
export type StatementInitiatorCode = (typeof STATEMENT_INITIATORS)[number];

/** The checklist before sending (R3.2-1, R3.2-3), in the order it is shown. */
export const PRECONDITIONS = [
  "communicated",
  "actionPlan",
  "savingsPlan",
  "oralDialogue",
  "writtenDialogue",
  "timeToRemedy",
  "chanceToCorrect",
] as const;
export type PreconditionCode = (typeof PRECONDITIONS)[number];

/** Dialogue forms that count as oral dialogue; an e-mail entry counts as written. County-internal entries never count. */
export const ORAL_DIALOGUE_FORMS = ["meeting", "videoMeeting", "phone", "networkMeeting"] as const;
export const WRITTEN_DIALOGUE_FORMS = ["email"] as const;

/** A piece of evidence: what it is, its date and where to read it. */
export interface EvidenceFact {
  text: string;
  date: string | null;
  link: string | null;
}

/** The rule of each ground, as the grounds list and the statement show it. */
export const GROUND_RULES: Record<StatementGroundCode, string> = {
  noRsaReport:
    "Kommunen har inte redovisat en risk- och sårbarhetsanalys enligt MSBFS 2015:5: rapporten saknas efter sista dag, eller dess kontroll saknar obligatoriska avsnitt.",
  cannotAccount:
    "Kommunen kan inte redovisa hur ersättningen har använts: ett år med utbetald ersättning vars årsuppföljning har passerat sista dag utan att ha godkänts.",
  wrongfulUse:
    "Kommunen har använt ersättningen felaktigt: kostnader i ett kostnadsslag som ersättningen inte får finansiera (t.ex. Rakelutrustning).",
  savingsPlan:
    "Kommunen följer inte sin plan för sparandet, eller saknar plan medan det ackumulerade sparandet är stort och har ökat två år i rad.",
  repeatedFailure:
    "Kommunen genomför upprepat inte åtgärder som länsstyrelsen har påtalat: åtgärder i mandatperioden som är försenade eller har skickats tillbaka.",
  other: "En grund som länsstyrelsen beskriver med egna ord.",
};

export const PRECONDITION_RULES: Record<PreconditionCode, string> = {
  communicated:
    "Bristerna har meddelats kommunen skriftligt: varje vald grund är kopplad till ett skickat protokoll eller en skickad återkoppling.",
  actionPlan: "Det finns en åtgärdsplan för kommunen i mandatperioden.",
  savingsPlan: "Har kommunen ett sparande (utgående sparande över noll) finns en plan för hur medlen ska användas.",
  oralDialogue:
    "Muntlig dialog har förts: en delad dialogpost i form av möte, videomöte, telefon eller nätverksträff. Länsstyrelseinterna poster räknas inte.",
  writtenDialogue:
    "Skriftlig dialog har förts: ett skickat brev eller protokoll, eller en delad dialogpost i form av e-post.",
  timeToRemedy: "Kommunen har fått rimlig tid att åtgärda: sista dag för varje kopplad åtgärd har passerat.",
  chanceToCorrect:
    "Vid felaktig användning har kommunen fått möjlighet att rätta: en registrerad möjlighet med datum och kommunens svar, eller den dag den löpte ut.",
};

export interface PreconditionFacts {
  initiatedBy: StatementInitiatorCode;
  today: string;
  /** The chosen grounds and the sent letters or protocols each is linked to. */
  grounds: readonly { ground: StatementGroundCode; communicatedBy: readonly EvidenceFact[] }[];
  /** The municipality's actions in the period (the action plan). */
  actionPlan: readonly EvidenceFact[];
  /** The latest closing savings (the sum over parts that count); null when unknown or not readable. */
  closingSavings: number | null;
  savingsPlans: readonly EvidenceFact[];
  /** Shared dialogue entries of an oral form. */
  oralDialogue: readonly EvidenceFact[];
  /** Sent letters and protocols, and shared e-mail entries. */
  writtenDialogue: readonly EvidenceFact[];
  /** The actions the statement is linked to, with their deadlines. */
  linkedActions: readonly (EvidenceFact & { due: string })[];
  /** The chances to correct the statement is linked to. */
  correctionOpportunities: readonly (EvidenceFact & { answeredOn: string | null; lapsesOn: string })[];
}

export interface PreconditionResult {
  key: PreconditionCode;
  /** false: the check does not apply (then it counts as met). */
  applies: boolean;
  met: boolean;
  evidence: EvidenceFact[];
  rule: string;
}

export const CORRECTION_STATES = ["open", "answered", "lapsed"] as const;
export type CorrectionStateCode = (typeof CORRECTION_STATES)[number];

/** A chance to correct (R3.2-3): open until answered or until its last day has passed. */
export function correctionState(
  o: { answeredOn: string | null; lapsesOn: string },
  today: string,
): CorrectionStateCode {
  if (o.answeredOn !== null) return "answered";
  return o.lapsesOn < today ? "lapsed" : "open";
}

/** The checklist (R3.2-1, R3.2-3). A municipality-initiated case (R3.3-3) skips the deficiency checks. */
export function evaluatePreconditions(f: PreconditionFacts): PreconditionResult[] {
  const own = f.initiatedBy === "municipality";
  const item = (
    key: PreconditionCode,
    applies: boolean,
    met: boolean,
    evidence: readonly EvidenceFact[],
  ): PreconditionResult => ({
    key,
    applies,
    met: !applies || met,
    evidence: [...evidence],
    rule: PRECONDITION_RULES[key],
  });
  const chosen = f.grounds;
  const communicated = chosen.length > 0 && chosen.every((g) => g.communicatedBy.length > 0);
  const hasSavings = f.closingSavings !== null && f.closingSavings > 0;
  const remedied = f.linkedActions.length > 0 && f.linkedActions.every((a) => a.due < f.today);
  const wrongful = chosen.some((g) => g.ground === "wrongfulUse");
  const corrected = f.correctionOpportunities.some((o) => correctionState(o, f.today) !== "open");
  return [
    item(
      "communicated",
      !own,
      communicated,
      chosen.flatMap((g) => g.communicatedBy),
    ),
    item("actionPlan", !own, f.actionPlan.length > 0, f.actionPlan),
    item("savingsPlan", !own && hasSavings, f.savingsPlans.length > 0, f.savingsPlans),
    item("oralDialogue", !own, f.oralDialogue.length > 0, f.oralDialogue),
    item("writtenDialogue", !own, f.writtenDialogue.length > 0, f.writtenDialogue),
    item("timeToRemedy", !own, remedied, f.linkedActions),
    item(
      "chanceToCorrect",
      !own && wrongful,
      corrected,
      f.correctionOpportunities.filter((o) => correctionState(o, f.today) !== "open"),
    ),
  ];
}

export const missingPreconditions = (list: readonly PreconditionResult[]) =>
  list.filter((p) => !p.met).map((p) => p.key);

export const isStatementEditable = (state: StatementStateCode) => state === "draft";

/** A county head who did not draft the statement approves it (R3.1-1) and sends it. */
export function mayApproveStatement(
  s: { state: StatementStateCode; draftedBy: string },
  actor: { id: string; countyHead: boolean },
): boolean {
  return s.state === "draft" && actor.countyHead && actor.id !== s.draftedBy;
}

export function maySendStatement(
  s: { state: StatementStateCode; draftedBy: string },
  actor: { id: string; countyHead: boolean },
): boolean {
  return s.state === "approved" && actor.countyHead && actor.id !== s.draftedBy;
}

/** Closing savings up two years running: each of the last three years' closings above the one before. */
export function savingsKeepGrowing(closings: readonly { year: number; closing: number }[]): boolean {
  const sorted = [...closings].sort((a, b) => a.year - b.year).slice(-3);
  return sorted.length === 3 && sorted[1]!.closing > sorted[0]!.closing && sorted[2]!.closing > sorted[1]!.closing;
}
