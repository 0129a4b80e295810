import { compareSwedish, type FollowUpOwnerCandidate } from "@uppsikt/core";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { municipalities, users } from "../../db/schema/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";

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
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
    })
    .from(users)
    .leftJoin(municipalities, eq(municipalities.code, users.municipalityCode))
    .where(
      and(
        eq(users.active, true),
        or(
          and(eq(users.role, "county"), eq(users.countyCode, countyCode)),
          codes.length
            ? and(
                eq(users.role, "municipality"),
                // Leadership with read-only access cannot mark an item done; they can be named instead.
                eq(users.readOnly, false),
                eq(municipalities.countyCode, countyCode),
                inArray(users.municipalityCode, codes),
              )
            : undefined,
        ),
      ),
    );
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
