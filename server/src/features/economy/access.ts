import type { ConfidentialMark, PersonRef } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { clearanceScope, confidentialMark, covers, readersOf } from "../../platform/confidentiality/index.js";

/**
 * Who may read a confidential part's amounts (common rules): a user whose clearance covers the municipality. The
 * agency has no clearances, so it sees them as null. One query per table for all the codes.
 */
export interface AmountAccess {
  canRead(code: string): boolean;
  mark(basis: string | null, code: string): ConfidentialMark | null;
}

export async function amountAccess(
  db: Executor,
  actor: Actor,
  codes: string[],
  today: string,
  anyConfidential: boolean,
): Promise<AmountAccess> {
  if (!anyConfidential) return { canRead: () => true, mark: () => null };
  const [scope, readers] = await Promise.all([clearanceScope(db, actor, today), readersOf(db, codes, today)]);
  const canRead = (code: string) => covers(scope, code);
  return {
    canRead,
    mark: (basis, code) => confidentialMark(basis, readers.get(code) ?? ([] as PersonRef[]), canRead(code)),
  };
}
