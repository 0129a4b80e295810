import type { AuditEntityType } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { recordAudit } from "../audit/audit.js";
import type { ActorContext } from "../http/context.js";

/** The same rule as the database filter in clearances.ts, for a row already fetched. */
export function isClearanceActive(
  c: { withdrawnAt: Date | string | null; undertakingSignedOn: string; validUntil: string | null },
  today: string,
): boolean {
  return c.withdrawnAt === null && c.undertakingSignedOn <= today && (c.validUntil === null || c.validUntil >= today);
}

export interface ConfidentialRead {
  /** What was read, e.g. `documentFile`, `dialogueEntry`. */
  entityType: AuditEntityType;
  entityId: string;
  /** Whose records: the municipality the confidential part belongs to. */
  municipality: string;
  /** Which confidential parts were shown, by name (e.g. `secretAppendix`), never their content. */
  parts?: string[];
  /** The secrecy ground of the parts, e.g. `18 kap. 13 § OSL`. */
  basis?: string | null;
}

/**
 * Logs that the actor was shown confidential content (R2.10-2: every read of a classified part is logged).
 * Call it only when the content was actually returned (`canRead`), after the scope and clearance checks.
 * The audit row holds what was read and on which basis, never the content.
 */
export async function recordConfidentialRead(db: Executor, ctx: ActorContext, read: ConfidentialRead): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      action: "confidential.read",
      entityType: read.entityType,
      entityId: read.entityId,
      after: { municipality: read.municipality, parts: read.parts ?? [], basis: read.basis ?? null },
    });
  });
}
