import { and, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { forgetReferenceData } from "../../platform/cache/reference-cache.js";
import { counties, municipalities, users } from "../../db/schema/index.js";

export async function findCounties(db: Executor, onlyCode?: string) {
  return db
    .select({
      code: counties.code,
      name: counties.name,
      board: counties.board,
      municipalityCount: count(municipalities.code),
    })
    .from(counties)
    .leftJoin(municipalities, eq(municipalities.countyCode, counties.code))
    .where(onlyCode ? eq(counties.code, onlyCode) : undefined)
    .groupBy(counties.code)
    .orderBy(counties.code);
}

export async function countyExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: counties.code }).from(counties).where(eq(counties.code, code)).limit(1);
  return row !== undefined;
}

export async function countyOfMunicipality(db: Executor, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ county: municipalities.countyCode })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return row?.county;
}

const municipalityColumns = {
  code: municipalities.code,
  name: municipalities.name,
  countyCode: counties.code,
  countyName: counties.name,
  officerId: users.id,
  officerName: users.name,
  officerEmail: users.email,
};

export type MunicipalityRow = {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  officerId: string | null;
  officerName: string | null;
  officerEmail: string | null;
};

/**
 * A county's list, the page every county user opens first, as a prepared statement: built once per database, not per
 * request (building the SQL cost as much as running it on the embedded database). The county's existence comes in
 * the same query (a county row without municipalities), so an unknown county needs no second query.
 */
const preparedCountyLists = new WeakMap<Db, ReturnType<typeof prepareCountyList>>();

function prepareCountyList(db: Db) {
  return db
    .select(municipalityColumns)
    .from(counties)
    .leftJoin(municipalities, eq(municipalities.countyCode, counties.code))
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(eq(counties.code, sql.placeholder("county")))
    .prepare("county_municipality_list");
}

/** The county's municipalities; null when the county does not exist. (The service keeps the serialised list.) */
export async function findCountyMunicipalities(db: Db, countyCode: string): Promise<MunicipalityRow[] | null> {
  let prepared = preparedCountyLists.get(db);
  if (!prepared) preparedCountyLists.set(db, (prepared = prepareCountyList(db)));
  const rows = await prepared.execute({ county: countyCode });
  if (rows.length === 0) return null;
  return rows.filter((r): r is MunicipalityRow => r.code !== null);
}

/** One query with the county and the responsible officer joined in; no per-row look-ups. */
export async function findMunicipalities(
  db: Executor,
  filter: { countyCode?: string; municipalityCode?: string; q?: string },
): Promise<MunicipalityRow[]> {
  const q = filter.q?.replace(/[%_\\]/g, (c) => `\\${c}`);
  return db
    .select(municipalityColumns)
    .from(municipalities)
    .innerJoin(counties, eq(counties.code, municipalities.countyCode))
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(
      and(
        filter.countyCode ? eq(municipalities.countyCode, filter.countyCode) : undefined,
        filter.municipalityCode ? eq(municipalities.code, filter.municipalityCode) : undefined,
        q
          ? or(ilike(municipalities.name, `%${q}%`), ilike(municipalities.code, `${q}%`), ilike(users.name, `%${q}%`))
          : undefined,
      ),
    );
}

export async function findMunicipality(db: Executor, code: string): Promise<MunicipalityRow | undefined> {
  const [row] = await findMunicipalities(db, { municipalityCode: code });
  return row;
}

export async function updateResponsibleOfficer(db: Executor, code: string, userId: string | null) {
  await db.update(municipalities).set({ responsibleOfficerId: userId }).where(eq(municipalities.code, code));
  forgetReferenceData();
}
