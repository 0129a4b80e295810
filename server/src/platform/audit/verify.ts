import { asc, gt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditEvents } from "../../db/schema/index.js";
import { GENESIS_HASH, auditHash } from "./hash.js";

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row where the chain breaks, and why. */
  breakAt?: { id: number; reason: string };
}

/** Walks the whole chain in id order, in batches. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, expectedId - 1))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.id !== expectedId)
        return { ok: false, checked, breakAt: { id: expectedId, reason: `rad ${expectedId} saknas` } };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, breakAt: { id: row.id, reason: "kedjan bruten: föregående hash stämmer inte" } };
      const { prevHash: _p, hash, ...content } = row;
      if (auditHash(prevHash, content) !== hash)
        return { ok: false, checked, breakAt: { id: row.id, reason: "innehållet har ändrats" } };
      prevHash = hash;
      expectedId++;
      checked++;
    }
  }
}
