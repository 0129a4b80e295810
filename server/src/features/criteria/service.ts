import {
  type CriteriaExportFormat,
  type CriteriaLibrary,
  type CriteriaLibraryFile,
  type CriteriaLibraryVersion,
  type DocumentTypeId,
  DOCUMENT_TYPE_IDS,
} from "@uppsikt/core";
import type { Db, Tx } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { type WriteContext, recordAudit } from "../../platform/audit/audit.js";
import { AppError, Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { formatOf, parseLibraryFile, toXlsx, toYaml } from "./library-file.js";
import * as repo from "./repository.js";

export function toVersion(row: repo.LibraryVersionRow): CriteriaLibraryVersion {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    sourceReference: row.sourceReference,
    isExample: row.isExample,
    active: row.active,
    importedAt: row.importedAt.toISOString(),
    importedBy: row.importedBy,
    areaCount: row.areaCount,
    criterionCount: row.criterionCount,
  };
}

const KNOWN_TYPES = new Set<string>(DOCUMENT_TYPE_IDS);
export const documentTypesOf = (row: repo.CriterionRow) =>
  (row.documentTypes ?? []).filter((t): t is DocumentTypeId => KNOWN_TYPES.has(t));

const NO_ACTIVE = "Det finns inget aktivt kriteriebibliotek. MCF behöver importera och aktivera en version.";

async function versionOrActive(db: Db, id: string | undefined) {
  const row = id ? await repo.findVersion(db, id) : await repo.findActiveVersion(db);
  if (!row) throw NotFound(id ? "Versionen av kriteriebiblioteket finns inte." : NO_ACTIVE);
  return row;
}

export async function getLibrary(db: Db, actor: Actor, versionId?: string): Promise<CriteriaLibrary> {
  authorize(actor, "criteria.read");
  if (!versionId && !(await repo.findActiveVersion(db))) return { version: null, areas: [] };
  const version = await versionOrActive(db, versionId);
  const areas = await repo.findAreasWithCriteria(db, version.id);
  return {
    version: toVersion(version),
    areas: areas.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      agreementArea: a.agreementArea as "crisisPreparedness" | "civilDefence",
      description: a.description,
      criteria: a.criteria.map((c) => ({
        id: c.id,
        code: c.code,
        tier: c.tier as "basic" | "quality",
        text: c.text,
        help: c.help,
        documentTypes: documentTypesOf(c),
      })),
    })),
  };
}

export async function listVersions(db: Db, actor: Actor) {
  authorize(actor, "criteria.read");
  const items = (await repo.findVersions(db)).map(toVersion);
  return { items, total: items.length };
}

/** The library as the file format holds it (for export). */
async function asFile(db: Db, version: repo.LibraryVersionRow): Promise<CriteriaLibraryFile> {
  const areas = await repo.findAreasWithCriteria(db, version.id);
  return {
    name: version.name,
    version: version.version,
    sourceReference: version.sourceReference,
    isExample: version.isExample,
    areas: areas.map((a) => ({
      code: a.code,
      title: a.title,
      agreementArea: a.agreementArea as "crisisPreparedness" | "civilDefence",
      description: a.description,
      criteria: a.criteria.map((c) => ({
        code: c.code,
        tier: c.tier as "basic" | "quality",
        text: c.text,
        help: c.help,
        documentTypes: documentTypesOf(c),
      })),
    })),
  };
}

export async function exportVersion(db: Db, actor: Actor, id: string, format: CriteriaExportFormat) {
  authorize(actor, "criteria.read");
  const version = await versionOrActive(db, id);
  const file = await asFile(db, version);
  const base = `kriterier-${version.version}`.replace(/[^\p{L}\p{N}._-]+/gu, "_");
  if (format === "xlsx")
    return {
      fileName: `${base}.xlsx`,
      mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      content: await toXlsx(file),
    };
  return { fileName: `${base}.yaml`, mediaType: "application/yaml; charset=utf-8", content: toYaml(file) };
}

const summaryOf = (file: CriteriaLibraryFile) => ({
  name: file.name,
  version: file.version,
  sourceReference: file.sourceReference,
  isExample: file.isExample,
  areas: file.areas.length,
  criteria: file.areas.reduce((n, a) => n + a.criteria.length, 0),
});

async function activateIn(tx: Tx, ctx: WriteContext, id: string, label: string) {
  const before = await repo.findActiveVersion(tx);
  await repo.setActive(tx, id);
  await recordAudit(tx, ctx, {
    action: "criteria.activate",
    entityType: "criteriaLibraryVersion",
    entityId: id,
    before: before ? { activeVersion: before.version, activeVersionId: before.id } : { activeVersion: null },
    after: { activeVersion: label, activeVersionId: id },
  });
}

/**
 * Inserts a validated library version in the caller's transaction, audited; activates it when asked
 * or when no version is active (there is always exactly one active once any exists).
 */
export async function insertVersion(
  tx: Tx,
  ctx: WriteContext,
  file: CriteriaLibraryFile,
  options: { activate: boolean; source: Record<string, unknown> },
): Promise<string> {
  await repo.lockLibrary(tx);
  if (await repo.versionLabelExists(tx, file.version))
    throw Conflict(
      `Versionen ”${file.version}” finns redan i biblioteket. Ge den importerade filen en ny versionsbeteckning.`,
      {
        field: "version",
      },
    );
  const id = await repo.insertLibrary(tx, file, {
    importedBy: ctx.actor?.name ?? null,
    importedAt: ctx.clock.now(),
  });
  await recordAudit(tx, ctx, {
    action: "criteria.import",
    entityType: "criteriaLibraryVersion",
    entityId: id,
    after: { ...summaryOf(file), ...options.source },
  });
  const activate = options.activate || !(await repo.findActiveVersion(tx));
  if (activate) await activateIn(tx, ctx, id, file.version);
  return id;
}

export interface LibraryUpload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** A unique violation from either driver, possibly wrapped by Drizzle. */
const isUniqueViolation = (e: unknown): boolean =>
  typeof e === "object" &&
  e !== null &&
  ((e as { code?: string }).code === "23505" || isUniqueViolation((e as { cause?: unknown }).cause));

export async function importLibrary(
  db: Db,
  ctx: ActorContext,
  upload: LibraryUpload,
  activate: boolean,
): Promise<CriteriaLibraryVersion> {
  authorize(ctx.actor, "criteria.write");
  const format = formatOf(upload.fileName, upload.mediaType);
  if (!format) throw Invalid("Filtypen stöds inte. Importera en YAML-fil (.yaml, .yml) eller en Excelfil (.xlsx).");
  const file = await parseLibraryFile(format, upload.content);
  let id: string;
  try {
    id = await db.transaction((tx) =>
      insertVersion(tx, ctx, file, { activate, source: { fileName: upload.fileName, format } }),
    );
  } catch (e) {
    if (!(e instanceof AppError) && isUniqueViolation(e))
      throw Conflict(`Versionen ”${file.version}” finns redan i biblioteket.`, { field: "version" });
    throw e;
  }
  return toVersion((await repo.findVersion(db, id))!);
}

export async function activateVersion(db: Db, ctx: ActorContext, id: string): Promise<CriteriaLibraryVersion> {
  authorize(ctx.actor, "criteria.write");
  await db.transaction(async (tx) => {
    await repo.lockLibrary(tx);
    const version = await repo.findVersion(tx, id);
    if (!version) throw NotFound("Versionen av kriteriebiblioteket finns inte.");
    if (!version.active) await activateIn(tx, ctx, id, version.version);
  });
  return toVersion((await repo.findVersion(db, id))!);
}
