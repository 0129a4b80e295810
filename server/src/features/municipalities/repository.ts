import { and, count, eq, ilike, or } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
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
}
