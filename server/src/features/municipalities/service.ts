import {
  compareSwedish,
  type County,
  type Municipality,
  MunicipalityList,
  type MunicipalityListQuery,
} from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import { findUser } from "../users/repository.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { ReferenceCache } from "../../platform/cache/reference-cache.js";
import type { ActorContext } from "../../platform/http/context.js";
import { Invalid, NotFound } from "../../platform/errors.js";
import { authorize } from "../../platform/permissions.js";
import * as repo from "./repository.js";

/** Reference look-ups other features use when they validate a county or municipality code. */
export const countyExists = (db: Executor, code: string) => repo.countyExists(db, code);
export const countyOfMunicipality = (db: Executor, code: string) => repo.countyOfMunicipality(db, code);

export function toMunicipality(row: repo.MunicipalityRow): Municipality {
  return {
    code: row.code,
    name: row.name,
    county: { code: row.countyCode, name: row.countyName },
    responsibleOfficer: row.officerId
      ? { id: row.officerId, name: row.officerName ?? "", email: row.officerEmail ?? "" }
      : null,
  };
}

export async function listCounties(db: Db, actor: Actor): Promise<{ items: County[]; total: number }> {
  authorize(actor, "counties.read");
  const national = actor.role === "agency" || actor.role === "admin";
  const items = await findScopedCounties(db, national ? undefined : (actor.county ?? "--"));
  return { items, total: items.length };
}

async function findScopedCounties(db: Db, code?: string): Promise<County[]> {
  const rows = await repo.findCounties(db, code);
  return rows.map((r) => ({ ...r, municipalityCount: Number(r.municipalityCount) }));
}

export async function getCounty(db: Db, actor: Actor, code: string): Promise<County> {
  authorize(actor, "counties.read", { county: code });
  const [county] = await findScopedCounties(db, code);
  if (!county) throw NotFound("Länet finns inte.");
  return county;
}

const sorters: Record<MunicipalityListQuery["sort"], (a: Municipality, b: Municipality) => number> = {
  name: (a, b) => compareSwedish(a.name, b.name),
  code: (a, b) => a.code.localeCompare(b.code),
  responsibleOfficer: (a, b) =>
    compareSwedish(a.responsibleOfficer?.name ?? "\uffff", b.responsibleOfficer?.name ?? "\uffff") ||
    compareSwedish(a.name, b.name),
};

/**
 * A county's municipalities as the actor may see them (a coordinator sees only their own).
 * Sorted in Swedish order here rather than in SQL: PGlite has no ICU collations, and a county has at most 49 rows.
 */
export async function listMunicipalities(db: Db, actor: Actor, countyCode: string, query: MunicipalityListQuery) {
  authorize(actor, "municipalities.read", { county: countyCode });
  const own = actor.role === "municipality" ? (actor.municipality ?? "----") : undefined;
  let rows: repo.MunicipalityRow[];
  if (query.q || own) {
    rows = await repo.findMunicipalities(db, { countyCode, municipalityCode: own, q: query.q });
    // Every county has municipalities: only an empty answer needs to know whether the county exists.
    if (rows.length === 0 && !(await repo.countyExists(db, countyCode))) throw NotFound("Länet finns inte.");
  } else {
    const all = await repo.findCountyMunicipalities(db, countyCode);
    if (!all) throw NotFound("Länet finns inte.");
    rows = all;
  }
  const sorted = rows.map(toMunicipality).sort(sorters[query.sort]);
  if (query.order === "desc") sorted.reverse();
  return { items: sorted.slice(query.offset, query.offset + query.limit), total: sorted.length };
}

const countyListJson = new ReferenceCache<string>();

/**
 * The list as the JSON the route sends. A county's unfiltered list is the same for every county and agency user who
 * may read it, so its checked (by the response contract) and serialised form is kept with the reference data and only
 * the permission is checked per request: the page every county user opens first costs no database, sort or
 * serialisation while nothing has changed.
 */
export async function listMunicipalitiesJson(db: Db, actor: Actor, countyCode: string, query: MunicipalityListQuery) {
  authorize(actor, "municipalities.read", { county: countyCode });
  const serialise = async () =>
    JSON.stringify(MunicipalityList.parse(await listMunicipalities(db, actor, countyCode, query)));
  if (actor.role === "municipality" || query.q) return serialise();
  return countyListJson.get(db, [countyCode, query.sort, query.order, query.offset, query.limit].join("|"), serialise);
}

/** 404 both for an unknown code and for one outside the actor's scope. */
export async function getMunicipality(db: Db, actor: Actor, code: string): Promise<Municipality> {
  const row = await repo.findMunicipality(db, code);
  if (!row) throw NotFound("Kommunen finns inte.");
  authorize(actor, "municipalities.read", { county: row.countyCode, municipality: row.code });
  return toMunicipality(row);
}

export async function assignResponsibleOfficer(
  db: Db,
  ctx: ActorContext,
  code: string,
  userId: string | null,
): Promise<Municipality> {
  const current = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "municipalities.assignOfficer", { county: current.county.code, municipality: code });
  if (userId) {
    const officer = await findUser(db, userId);
    if (!officer || officer.role !== "county" || officer.countyCode !== current.county.code || !officer.active)
      throw Invalid("Ansvarig handläggare måste vara en aktiv handläggare vid samma länsstyrelse.");
  }
  await db.transaction(async (tx) => {
    await repo.updateResponsibleOfficer(tx, code, userId);
    await recordAudit(tx, ctx, {
      action: "municipalities.assignOfficer",
      entityType: "municipality",
      entityId: code,
      before: { responsibleOfficerId: current.responsibleOfficer?.id ?? null },
      after: { responsibleOfficerId: userId },
    });
  });
  return getMunicipality(db, ctx.actor, code);
}
