import type { ConfidentialMark, PersonRef } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { type ClearanceScope, clearanceScope, covers, readersOf } from "../../platform/confidentiality/index.js";
import { findUserRoles } from "./repository.js";

/*
 * Who reads what of the dialogue (R2.3-1, R2.10-2):
 *  - a county user reads every entry of their own county, shared or county-internal;
 *  - a municipality user (coordinator, or leadership with readOnly) reads the shared entries that concern
 *    their municipality, never county-internal ones; the agency and admins read no dialogue;
 *  - a confidential entry (confidentialBasis) shows its notes, participants and follow-up texts only to a
 *    reader cleared for EVERY municipality the entry concerns: a network meeting's notes may be about any of
 *    them, so a clearance for one is not enough. Everyone else who may see the entry sees that it exists,
 *    its basis and who may read it (the users cleared for all its municipalities).
 */

export interface EntryShape {
  countyCode: string;
  visibility: string;
  municipalities: string[];
}

/** Whether the actor may see the entry at all (its existence); 404 otherwise. */
export function maySeeEntry(actor: Actor, entry: EntryShape): boolean {
  if (actor.role === "county") return actor.county === entry.countyCode;
  if (actor.role === "municipality")
    return (
      entry.visibility === "shared" && actor.municipality !== null && entry.municipalities.includes(actor.municipality)
    );
  return false;
}

/** Cleared for every municipality of the entry. */
export const coversAll = (scope: ClearanceScope, codes: string[]) =>
  codes.length > 0 && codes.every((c) => covers(scope, c));

/** What one reader may read today: their clearances and, per municipality, who may read confidential parts. */
export interface ReadContext {
  actor: Actor;
  scope: ClearanceScope;
  /** Readers per municipality code; county users only (and, per code, that municipality's own users). */
  readers: Map<string, (PersonRef & { role: string; municipality: string | null })[]>;
  today: string;
}

export async function readContext(db: Executor, actor: Actor, codes: string[], today: string): Promise<ReadContext> {
  const unique = [...new Set(codes)];
  const [scope, readers] = await Promise.all([clearanceScope(db, actor, today), readersOf(db, unique, today)]);
  const ids = [...new Set([...readers.values()].flat().map((p) => p.id))];
  const roles = await findUserRoles(db, ids);
  const byId = new Map(roles.map((r) => [r.id, r]));
  const withRoles = new Map(
    [...readers.entries()].map(([code, people]) => [
      code,
      people.map((p) => ({
        ...p,
        role: byId.get(p.id)?.role ?? "",
        municipality: byId.get(p.id)?.municipality ?? null,
      })),
    ]),
  );
  return { actor, scope, readers: withRoles, today };
}

/**
 * Who may read a confidential part concerning these municipalities: cleared for all of them, and able to see
 * the record at all (county users always; a municipality's users only for shared records of their municipality).
 */
export function readersOfAll(read: ReadContext, codes: string[], visibility: string): PersonRef[] {
  if (codes.length === 0) return [];
  const [first, ...rest] = codes;
  const candidates = read.readers.get(first!) ?? [];
  return candidates
    .filter((p) => rest.every((c) => (read.readers.get(c) ?? []).some((q) => q.id === p.id)))
    .filter(
      (p) =>
        p.role === "county" ||
        (p.role === "municipality" &&
          visibility === "shared" &&
          p.municipality !== null &&
          codes.includes(p.municipality)),
    )
    .map((p) => ({ id: p.id, name: p.name }));
}

/** The confidential mark of a record concerning these municipalities, or null when it is not confidential. */
export function markFor(
  read: ReadContext,
  basis: string | null,
  codes: string[],
  visibility = "shared",
): ConfidentialMark | null {
  if (!basis) return null;
  return { basis, readableBy: readersOfAll(read, codes, visibility), canRead: coversAll(read.scope, codes) };
}
