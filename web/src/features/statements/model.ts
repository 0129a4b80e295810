import {
  PRECONDITIONS,
  STATEMENT_GROUNDS,
  compareSwedish,
  type CommunicationRef,
  type DetectedGround,
  type Precondition,
  type PreconditionKey,
  type Statement,
  type StatementGround,
  type StatementState,
} from "@uppsikt/core";

/** Pure helpers of the statements' views (the checklist, form values, order); no React, so they are unit tested. */

/** A precondition as the checklist shows it: met ✓, missing ✗, or does not apply. */
export type CheckState = "met" | "missing" | "notApplicable";

export const checkState = (p: Pick<Precondition, "applies" | "met">): CheckState =>
  !p.applies ? "notApplicable" : p.met ? "met" : "missing";

export interface PreconditionRow extends Precondition {
  state: CheckState;
}

/** The checklist in core's order (whatever order the server sent), each with its state. */
export function preconditionRows(list: readonly Precondition[]): PreconditionRow[] {
  const rank = (key: PreconditionKey) => PRECONDITIONS.indexOf(key);
  return [...list].sort((a, b) => rank(a.key) - rank(b.key)).map((p) => ({ ...p, state: checkState(p) }));
}

/** How many apply and how many of those are missing. */
export function preconditionSummary(list: readonly Precondition[]): { applies: number; missing: number } {
  const rows = list.map(checkState);
  return {
    applies: rows.filter((s) => s !== "notApplicable").length,
    missing: rows.filter((s) => s === "missing").length,
  };
}

const STATUS_RANK: Record<StatementState, number> = { draft: 0, approved: 1, sent: 2 };

/** Municipality in Swedish order (Å, Ä, Ö last), then drafts before approved before sent, then the newest first. */
export function sortStatements<T extends { municipality: { name: string }; status: StatementState; updatedAt: string }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      compareSwedish(a.municipality.name, b.municipality.name) ||
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** A municipality's own list: drafts and approved first (the county's work), then sent, the newest first. */
export function sortOwnStatements<T extends { status: StatementState; updatedAt: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.updatedAt.localeCompare(a.updatedAt),
  );
}

// ---- Communications in a checkbox group: "protocol:<id>" ----

export const communicationKey = (c: { kind: CommunicationRef["kind"]; id: string }) => `${c.kind}:${c.id}`;

export function parseCommunicationKey(key: string): CommunicationRef | null {
  const at = key.indexOf(":");
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  if (at < 0 || (kind !== "protocol" && kind !== "feedback") || !id) return null;
  return { kind, id };
}

// ---- The new statement (from the grounds the system finds, plus one in words) ----

export interface NewStatementValues extends Record<string, unknown> {
  grounds: DetectedGround[];
  other: boolean;
  otherText: string;
}

/** The body of POST /statements from the form's choices (a notice makes it municipality-initiated). */
export function newStatementInput(code: string, values: NewStatementValues, savingsNotice: string | null = null) {
  const grounds: (DetectedGround | { ground: "other"; text: string })[] = STATEMENT_GROUNDS.filter(
    (g): g is DetectedGround => g !== "other" && values.grounds.includes(g),
  );
  if (values.other) grounds.push({ ground: "other", text: values.otherText.trim() });
  return { municipality: code, grounds, text: "", savingsNotice };
}

// ---- The draft's edit form ----

export interface GroundValues extends Record<string, unknown> {
  ground: StatementGround;
  chosen: boolean;
  text: string;
  /** communicationKey of each linked letter or protocol. */
  communicatedBy: string[];
}

export interface SecretPartValues extends Record<string, unknown> {
  text: string;
  basis: string;
}

export interface DraftValues extends Record<string, unknown> {
  text: string;
  /** One row per ground, in core's order; `chosen` tells which go in the statement. */
  grounds: GroundValues[];
  actions: string[];
  correctionOpportunities: string[];
  /** The parts the reader can read (the others are not in the form). */
  secretParts: SecretPartValues[];
}

export function draftValues(
  s: Pick<Statement, "text" | "grounds" | "actions" | "correctionOpportunities" | "secretParts">,
): DraftValues {
  return {
    text: s.text,
    grounds: STATEMENT_GROUNDS.map((ground) => {
      const chosen = s.grounds.find((g) => g.ground === ground);
      return {
        ground,
        chosen: chosen !== undefined,
        text: chosen?.text ?? "",
        communicatedBy: (chosen?.communicatedBy ?? []).map(communicationKey),
      };
    }),
    actions: s.actions.map((a) => a.id),
    correctionOpportunities: s.correctionOpportunities.map((o) => o.id),
    secretParts: s.secretParts
      .filter((p) => p.text !== null)
      .map((p) => ({ text: p.text ?? "", basis: p.confidential.basis })),
  };
}

/** Secret parts the reader cannot read (kept out of the form). */
export const hiddenSecretParts = (s: Pick<Statement, "secretParts">) =>
  s.secretParts.filter((p) => p.text === null).length;

/** The body of PUT /statements/:id from the form. */
export function draftInput(values: DraftValues, version: number) {
  return {
    version,
    text: values.text,
    grounds: values.grounds
      .filter((g) => g.chosen)
      .map((g) => ({
        ground: g.ground,
        text: g.text.trim() === "" ? null : g.text.trim(),
        communicatedBy: g.communicatedBy.map(parseCommunicationKey).filter((c): c is CommunicationRef => c !== null),
      })),
    secretParts: values.secretParts.map((p) => ({ text: p.text, confidentialBasis: p.basis })),
    actions: values.actions,
    correctionOpportunities: values.correctionOpportunities,
  };
}

/**
 * The form's field for a contract path: `grounds.1.text` is the second *chosen* ground, which is a later row of the
 * form; `secretParts.0.confidentialBasis` is the form's `basis`.
 */
export function draftFieldFor(path: string, values: DraftValues): string | undefined {
  const parts = path.split(".");
  if (parts[0] === "grounds" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const chosen = values.grounds.map((g, i) => (g.chosen ? i : -1)).filter((i) => i >= 0);
    const row = chosen[Number(parts[1])];
    if (row === undefined) return "grounds";
    return parts[2] === "text" ? `grounds.${row}.text` : `grounds.${row}.communicatedBy`;
  }
  if (parts[0] === "secretParts" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    return `secretParts.${parts[1]}.${parts[2] === "confidentialBasis" ? "basis" : "text"}`;
  }
  return undefined;
}

// ---- The 409 of sending with preconditions missing ----

const isPreconditionKey = (v: unknown): v is PreconditionKey =>
  typeof v === "string" && (PRECONDITIONS as readonly string[]).includes(v);

/**
 * The preconditions a refused send names (409 "preconditionsMissing"), else null. The server's details may be the
 * list itself, `{ missing: [...] }` or `{ preconditions: [{ key }] }`; an unknown shape with the code gives [].
 */
export function missingFromError(error: unknown): PreconditionKey[] | null {
  if (error === null || typeof error !== "object") return null;
  const e = error as { status?: unknown; code?: unknown; details?: unknown };
  if (e.status !== 409) return null;
  const d = e.details;
  const keysOf = (list: unknown): PreconditionKey[] | null =>
    Array.isArray(list)
      ? list
          .map((x) => (x !== null && typeof x === "object" && "key" in x ? (x as { key: unknown }).key : x))
          .filter(isPreconditionKey)
      : null;
  const direct = keysOf(d);
  if (direct && direct.length > 0) return direct;
  if (d !== null && typeof d === "object") {
    const o = d as { missing?: unknown; preconditions?: unknown; code?: unknown };
    const found = keysOf(o.missing) ?? keysOf(o.preconditions);
    if (found && found.length > 0) return found;
    if (o.code === "preconditionsMissing") return found ?? [];
  }
  return e.code === "preconditionsMissing" ? [] : null;
}

/** A download's file name: "yttrande-Uppsala-2026-11-27.pdf", "sekretessbilaga-…". */
export function statementFileName(
  s: { municipality: { name: string }; sentOn: string | null; updatedAt: string },
  part: "statement" | "appendix",
  format: "pdf" | "docx",
): string {
  const date = s.sentOn ?? s.updatedAt.slice(0, 10);
  const stem = part === "statement" ? "yttrande" : "sekretessbilaga";
  return `${stem}-${s.municipality.name.replace(/\s+/g, "-")}-${date}.${format}`;
}
