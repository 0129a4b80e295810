import type { ConfidentialMark, PersonRef } from "@uppsikt/core";
import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { clearances, users } from "../../db/schema/index.js";
import type { Actor } from "../actor.js";

/** A clearance counts from the day the undertaking was signed, through its end date, until withdrawn. */
const activeOn = (today: string) =>
  and(
    isNull(clearances.withdrawnAt),
    lte(clearances.undertakingSignedOn, today),
    or(isNull(clearances.validUntil), gte(clearances.validUntil, today)),
  );

/** What one actor may read confidentially today. */
export interface ClearanceScope {
  counties: Set<string>;
  municipalities: Set<string>;
}

export async function clearanceScope(db: Executor, actor: Actor, today: string): Promise<ClearanceScope> {
  const rows = await db
    .select({ county: clearances.countyCode, municipality: clearances.municipalityCode })
    .from(clearances)
    .innerJoin(users, eq(users.id, clearances.userId))
    .where(and(eq(clearances.userId, actor.id), eq(users.active, true), activeOn(today)));
  const scope: ClearanceScope = { counties: new Set(), municipalities: new Set() };
  for (const r of rows) {
    if (r.municipality) scope.municipalities.add(r.municipality);
    else scope.counties.add(r.county);
  }
  return scope;
}

export function covers(scope: ClearanceScope, municipalityCode: string): boolean {
  return scope.municipalities.has(municipalityCode) || scope.counties.has(municipalityCode.slice(0, 2));
}

/** Who may read confidential parts of each municipality today (shown to those who may not). */
export async function readersOf(
  db: Executor,
  municipalityCodes: string[],
  today: string,
): Promise<Map<string, PersonRef[]>> {
  const result = new Map<string, PersonRef[]>(municipalityCodes.map((c) => [c, []]));
  if (municipalityCodes.length === 0) return result;
  const countiesOf = [...new Set(municipalityCodes.map((c) => c.slice(0, 2)))];
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      county: clearances.countyCode,
      municipality: clearances.municipalityCode,
    })
    .from(clearances)
    .innerJoin(users, eq(users.id, clearances.userId))
    .where(
      and(
        eq(users.active, true),
        activeOn(today),
        or(
          inArray(clearances.municipalityCode, municipalityCodes),
          and(isNull(clearances.municipalityCode), inArray(clearances.countyCode, countiesOf)),
        ),
      ),
    );
  for (const code of municipalityCodes) {
    const people = new Map<string, PersonRef>();
    for (const r of rows)
      if (r.municipality === code || (r.municipality === null && r.county === code.slice(0, 2)))
        people.set(r.id, { id: r.id, name: r.name });
    result.set(
      code,
      [...people.values()].sort((a, b) => a.name.localeCompare(b.name, "sv")),
    );
  }
  return result;
}

export function confidentialMark(
  basis: string | null,
  readers: PersonRef[],
  canRead: boolean,
): ConfidentialMark | null {
  return basis ? { basis, readableBy: readers, canRead } : null;
}
