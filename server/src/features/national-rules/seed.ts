import { NationalRuleVersionInput } from "@uppsikt/core";
import { count } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { nationalRuleVersions } from "../../db/schema/index.js";
import { systemActor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import { DEFAULT_NATIONAL_RULE_VERSIONS } from "./defaults.js";

/** The default rule versions (2019 and 2024), once; after that the agency edits them. Returns the number loaded. */
export async function loadNationalRules(db: Db, clock: Clock): Promise<number> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(nationalRuleVersions);
    if (Number(existing?.n ?? 0) > 0) return 0;
    const versions = DEFAULT_NATIONAL_RULE_VERSIONS.map((v) => NationalRuleVersionInput.parse(v));
    await tx
      .insert(nationalRuleVersions)
      .values(versions.map((v) => ({ ...v, createdAt: clock.now(), createdBy: null })));
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      {
        action: "reference.load",
        entityType: "nationalRuleVersion",
        after: { versions: versions.map((v) => v.appliesFrom) },
      },
    );
    return versions.length;
  });
}
