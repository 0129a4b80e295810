import { compareSwedish, type FollowUpOwnerCandidate } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { findOwnerCandidates } from "./repository.js";

/**
 * Who may own a follow-up item of an entry (within the rule the entry's validation applies): the county's active
 * users, and the active users of the entry's municipalities who can mark the item done (the client offers these
 * only for a shared entry). County users first, then by municipality, in
 * Swedish order.
 */
export async function followUpOwnerCandidates(
  db: Db,
  ctx: ActorContext,
  countyCode: string,
  codes: string[],
): Promise<{ items: FollowUpOwnerCandidate[] }> {
  // Only county users may write dialogue, and only in their own county (404 elsewhere).
  authorize(ctx.actor, "dialogue.write", { county: countyCode });
  const rows = await findOwnerCandidates(db, countyCode, codes);
  const items = rows.map((r): FollowUpOwnerCandidate => ({
    id: r.id,
    name: r.name,
    role: r.role === "county" ? "county" : "municipality",
    municipality:
      r.role === "municipality" && r.municipalityCode ? { code: r.municipalityCode, name: r.municipalityName! } : null,
  }));
  items.sort(
    (a, b) =>
      Number(a.role === "municipality") - Number(b.role === "municipality") ||
      compareSwedish(a.municipality?.name ?? "", b.municipality?.name ?? "") ||
      compareSwedish(a.name, b.name),
  );
  return { items };
}
