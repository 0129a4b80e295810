import { RSA_DISPOSITION } from "@uppsikt/core";
import { count } from "drizzle-orm";
import type { Db } from "../client.js";
import { rsaSections } from "../schema/index.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";

/** The MSBFS 2015:5 § 4 disposition, once; after that the agency edits it. Section 6 is marked unverified. */
export async function loadRsaSections(db: Db, clock: Clock): Promise<number> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(rsaSections);
    if (Number(existing?.n ?? 0) > 0) return 0;
    await tx.insert(rsaSections).values(RSA_DISPOSITION.map((s) => ({ ...s, verified: s.position !== 6 })));
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      { action: "reference.load", entityType: "rsaSections", after: { sections: RSA_DISPOSITION.length } },
    );
    return RSA_DISPOSITION.length;
  });
}
