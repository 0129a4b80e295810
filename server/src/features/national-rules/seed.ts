import { NationalRuleVersionInput } from "@uppsikt/core";
import { count } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { nationalRuleVersions } from "../../db/schema/index.js";
import { systemActor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Clock } from "../../platform/clock.js";
import { eq } from "drizzle-orm";
import { DEFAULT_NATIONAL_RULE_VERSIONS, DEFAULT_SUPPORT_NEED_WEIGHTS, defaultCostCategoriesOn } from "./defaults.js";

/** The default rule versions (2019 and 2024), once; after that the agency edits them. Returns the number loaded. */
export async function loadNationalRules(db: Db, clock: Clock): Promise<number> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(nationalRuleVersions);
    if (Number(existing?.n ?? 0) > 0) {
      await addMissingCostCategories(tx, clock);
      return 0;
    }
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

/** Versions stored before the cost categories were national rules get the default list once (never overwritten). */
async function addMissingCostCategories(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], clock: Clock) {
  const rows = await tx
    .select({
      id: nationalRuleVersions.id,
      appliesFrom: nationalRuleVersions.appliesFrom,
      rules: nationalRuleVersions.rules,
    })
    .from(nationalRuleVersions);
  const missing = rows.filter((r) => !(r.rules as Partial<typeof r.rules>).costCategories);
  for (const r of missing)
    await tx
      .update(nationalRuleVersions)
      .set({ rules: { ...r.rules, costCategories: defaultCostCategoriesOn(r.appliesFrom) } })
      .where(eq(nationalRuleVersions.id, r.id));
  // Likewise the support-need weights (added with the annual follow-up).
  const noWeights = rows.filter((r) => !(r.rules as Partial<typeof r.rules>).supportNeedWeights);
  for (const r of noWeights)
    await tx
      .update(nationalRuleVersions)
      .set({
        rules: {
          ...(missing.includes(r) ? { ...r.rules, costCategories: defaultCostCategoriesOn(r.appliesFrom) } : r.rules),
          supportNeedWeights: DEFAULT_SUPPORT_NEED_WEIGHTS,
          annualReportCompletionDays: { value: 30, unverified: true },
          annualReportReviewDays: { value: 30, unverified: true },
        },
      })
      .where(eq(nationalRuleVersions.id, r.id));
  if (missing.length > 0)
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      {
        action: "reference.load",
        entityType: "nationalRuleVersion",
        after: { costCategoriesAddedTo: missing.map((r) => r.appliesFrom) },
      },
    );
}
