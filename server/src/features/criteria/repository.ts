import { and, asc, desc, eq, getTableColumns, inArray, ne, sql } from "drizzle-orm";
import type { CriteriaLibraryFile } from "@uppsikt/core";
import type { Executor, Tx } from "../../db/client.js";
import { criteria, criteriaAreas, criteriaLibraryVersions } from "../../db/schema/index.js";

export type LibraryVersionRow = typeof criteriaLibraryVersions.$inferSelect & {
  areaCount: number;
  criterionCount: number;
};
export type AreaRow = typeof criteriaAreas.$inferSelect;
export type CriterionRow = typeof criteria.$inferSelect;

// Serializes imports and activations, so there is never more than one active version.
const LIBRARY_LOCK_KEY = 7_311_004;

export async function lockLibrary(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${LIBRARY_LOCK_KEY})`);
}

// Written out with aliases: Drizzle leaves columns unqualified in a one-table select.
const withCounts = {
  ...getTableColumns(criteriaLibraryVersions),
  areaCount: sql<number>`(select count(*) from criteria_areas ca where ca.library_version_id = criteria_library_versions.id)::int`,
  criterionCount: sql<number>`(select count(*) from criteria c join criteria_areas ca on c.area_id = ca.id where ca.library_version_id = criteria_library_versions.id)::int`,
};

export const findVersions = (db: Executor): Promise<LibraryVersionRow[]> =>
  db
    .select(withCounts)
    .from(criteriaLibraryVersions)
    .orderBy(desc(criteriaLibraryVersions.importedAt), desc(criteriaLibraryVersions.version));

export async function findVersion(db: Executor, id: string): Promise<LibraryVersionRow | undefined> {
  const [row] = await db.select(withCounts).from(criteriaLibraryVersions).where(eq(criteriaLibraryVersions.id, id));
  return row;
}

export async function findActiveVersion(db: Executor): Promise<LibraryVersionRow | undefined> {
  const [row] = await db
    .select(withCounts)
    .from(criteriaLibraryVersions)
    .where(eq(criteriaLibraryVersions.active, true))
    .orderBy(desc(criteriaLibraryVersions.importedAt))
    .limit(1);
  return row;
}

export async function anyVersionExists(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: criteriaLibraryVersions.id }).from(criteriaLibraryVersions).limit(1);
  return row !== undefined;
}

export async function versionLabelExists(db: Executor, version: string): Promise<boolean> {
  const [row] = await db
    .select({ id: criteriaLibraryVersions.id })
    .from(criteriaLibraryVersions)
    .where(eq(criteriaLibraryVersions.version, version))
    .limit(1);
  return row !== undefined;
}

/** The areas of a version in order, each with its criteria in order. */
export async function findAreasWithCriteria(db: Executor, versionId: string) {
  const areas = await db
    .select()
    .from(criteriaAreas)
    .where(eq(criteriaAreas.libraryVersionId, versionId))
    .orderBy(asc(criteriaAreas.position));
  const rows = areas.length
    ? await db
        .select()
        .from(criteria)
        .where(
          inArray(
            criteria.areaId,
            areas.map((a) => a.id),
          ),
        )
        .orderBy(asc(criteria.position))
    : [];
  return areas.map((area) => ({ ...area, criteria: rows.filter((c) => c.areaId === area.id) }));
}

/** Inserts a whole version: the version row, its areas and its criteria, in file order. */
export async function insertLibrary(
  tx: Tx,
  file: CriteriaLibraryFile,
  meta: { importedBy: string | null; importedAt: Date },
): Promise<string> {
  const [version] = await tx
    .insert(criteriaLibraryVersions)
    .values({
      name: file.name,
      version: file.version,
      sourceReference: file.sourceReference,
      isExample: file.isExample,
      active: false,
      importedBy: meta.importedBy,
      importedAt: meta.importedAt,
    })
    .returning({ id: criteriaLibraryVersions.id });
  const areaRows = await tx
    .insert(criteriaAreas)
    .values(
      file.areas.map((a, i) => ({
        libraryVersionId: version!.id,
        code: a.code,
        title: a.title,
        agreementArea: a.agreementArea,
        description: a.description,
        position: i + 1,
      })),
    )
    .returning({ id: criteriaAreas.id, position: criteriaAreas.position });
  const areaId = new Map(areaRows.map((r) => [r.position, r.id]));
  const criterionRows = file.areas.flatMap((a, i) =>
    a.criteria.map((c, j) => ({
      areaId: areaId.get(i + 1)!,
      code: c.code,
      tier: c.tier,
      text: c.text,
      help: c.help,
      documentTypes: c.documentTypes,
      position: j + 1,
    })),
  );
  // Batches keep each statement well below the bind-parameter limit.
  for (let i = 0; i < criterionRows.length; i += 500) await tx.insert(criteria).values(criterionRows.slice(i, i + 500));
  return version!.id;
}

/** Makes one version the active one and every other inactive. */
export async function setActive(tx: Tx, id: string) {
  await tx
    .update(criteriaLibraryVersions)
    .set({ active: false })
    .where(and(eq(criteriaLibraryVersions.active, true), ne(criteriaLibraryVersions.id, id)));
  await tx.update(criteriaLibraryVersions).set({ active: true }).where(eq(criteriaLibraryVersions.id, id));
}
