import { type EarlyWarning, type EarlyWarningCreate, type EarlyWarningKind, compareSwedish } from "@uppsikt/core";
import type { Db, Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getCounty, getMunicipality, listMunicipalities } from "../municipalities/service.js";
import { type ReadContext, markFor, readContext } from "../dialogue/read-rules.js";
import * as entries from "../dialogue/repository.js";
import * as repo from "./repository.js";

/*
 * Early warnings (R2.3-2) are county-internal: only county users read or write them (the permission table keeps
 * the municipality's users and the agency out). A warning raised from a confidential entry inherits the entry's
 * basis: its description is shown only to users cleared for the warning's municipality.
 */

const NOT_FOUND = "Varningen finns inte.";

function toView(row: repo.WarningRow, read: ReadContext): EarlyWarning {
  const code = row.warning.municipalityCode;
  const mark = markFor(read, row.entryBasis, [code], "countyInternal");
  const hidden = mark !== null && !mark.canRead;
  return {
    id: row.warning.id,
    municipality: { code, name: row.municipalityName },
    kind: row.warning.kind as EarlyWarningKind,
    description: hidden ? null : row.warning.description,
    confidential: mark,
    entryId: row.warning.entryId,
    entryDate: row.entryDate,
    raisedBy: { id: row.warning.raisedBy, name: row.raisedByName },
    raisedAt: row.warning.raisedAt.toISOString(),
    open: row.warning.resolvedAt === null,
    resolvedBy: row.warning.resolvedBy ? { id: row.warning.resolvedBy, name: row.resolvedByName ?? "" } : null,
    resolvedAt: row.warning.resolvedAt?.toISOString() ?? null,
    resolutionNote: hidden ? null : row.warning.resolutionNote,
  };
}

/** Views of warnings for a county reader; each confidential description shown is logged as a read. */
export async function presentWarnings(
  db: Db,
  ctx: ActorContext,
  rows: repo.WarningRow[],
  read?: ReadContext,
): Promise<EarlyWarning[]> {
  if (rows.length === 0) return [];
  const r =
    read ??
    (await readContext(
      db,
      ctx.actor,
      rows.map((w) => w.warning.municipalityCode),
      ctx.clock.today(),
    ));
  const views = rows.map((row) => toView(row, r));
  for (const [i, v] of views.entries())
    if (v.confidential?.canRead)
      await recordConfidentialRead(db, ctx, {
        entityType: "warning",
        entityId: v.id,
        municipality: v.municipality.code,
        parts: ["description"],
        basis: rows[i]!.entryBasis,
      });
  return views;
}

/** The audit summary of a warning: never its description. */
const summary = (w: { municipality: string; kind: string; description: string; entryId: string | null }) => ({
  municipality: w.municipality,
  kind: w.kind,
  entryId: w.entryId,
  descriptionLength: w.description.length,
});

/** Inserts warnings and their audit events; inside the caller's transaction. */
export async function insertWarnings(
  tx: Tx,
  ctx: ActorContext,
  items: { municipality: string; kind: string; description: string; entryId: string | null }[],
): Promise<string[]> {
  const now = ctx.clock.now();
  const ids = await repo.insertWarnings(
    tx,
    items.map((w) => ({
      entryId: w.entryId,
      municipalityCode: w.municipality,
      kind: w.kind,
      description: w.description,
      raisedBy: ctx.actor.id,
      raisedAt: now,
    })),
  );
  for (const [i, id] of ids.entries())
    await recordAudit(tx, ctx, {
      action: "warnings.raise",
      entityType: "warning",
      entityId: id,
      after: summary(items[i]!),
    });
  return ids;
}

/** A county officer raises a warning on a municipality, optionally from an entry concerning it. */
export async function raiseWarning(db: Db, ctx: ActorContext, code: string, input: EarlyWarningCreate) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "warnings.write", { county: municipality.county.code, municipality: code });
  if (input.entryId) {
    const found = await entries.findEntry(db, input.entryId);
    if (!found || found.entry.countyCode !== municipality.county.code || !found.municipalities.includes(code))
      throw Invalid("Dialoganteckningen finns inte eller gäller inte kommunen.");
  }
  const [id] = await db.transaction((tx) =>
    insertWarnings(tx, ctx, [
      { municipality: code, kind: input.kind, description: input.description, entryId: input.entryId ?? null },
    ]),
  );
  const rows = await repo.findWarnings(db, { id: id! });
  return (await presentWarnings(db, ctx, rows))[0]!;
}

export async function listMunicipalityWarnings(db: Db, ctx: ActorContext, code: string, open: boolean | undefined) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "warnings.read", { county: municipality.county.code, municipality: code });
  const items = await presentWarnings(db, ctx, await repo.findWarnings(db, { municipality: code, open }));
  return { items, total: items.length };
}

export async function listCountyWarnings(db: Db, ctx: ActorContext, countyCode: string, open: boolean | undefined) {
  authorize(ctx.actor, "warnings.read", { county: countyCode });
  await getCounty(db, ctx.actor, countyCode);
  const items = await presentWarnings(db, ctx, await repo.findWarnings(db, { countyCode, open }));
  return { items, total: items.length };
}

/** Open warnings per municipality, for the county's list of municipalities (every municipality, 0 included). */
export async function countyWarningSummary(db: Db, ctx: ActorContext, countyCode: string) {
  authorize(ctx.actor, "warnings.read", { county: countyCode });
  const [{ items: list }, counts] = await Promise.all([
    listMunicipalities(db, ctx.actor, countyCode, { sort: "name", order: "asc", limit: 500, offset: 0 }),
    repo.countOpenByMunicipality(db, countyCode),
  ]);
  return {
    items: list
      .map((m) => ({ municipality: { code: m.code, name: m.name }, open: counts.get(m.code) ?? 0 }))
      .sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name)),
  };
}

/** An officer resolves an open warning with a note; 409 when it is already resolved. */
export async function resolveWarning(db: Db, ctx: ActorContext, id: string, note: string) {
  const [row] = await repo.findWarnings(db, { id });
  if (!row) throw NotFound(NOT_FOUND);
  authorize(ctx.actor, "warnings.write", { county: row.countyCode, municipality: row.warning.municipalityCode });
  const alreadyResolved = () =>
    Conflict(
      `Varningen är redan löst${row.warning.resolvedAt ? ` (${row.warning.resolvedAt.toISOString().slice(0, 10)})` : ""}.`,
    );
  if (row.warning.resolvedAt) throw alreadyResolved();
  await db.transaction(async (tx) => {
    if (!(await repo.resolveWarning(tx, id, ctx.actor.id, ctx.clock.now(), note))) throw alreadyResolved();
    await recordAudit(tx, ctx, {
      action: "warnings.resolve",
      entityType: "warning",
      entityId: id,
      before: { open: true },
      after: { open: false, municipality: row.warning.municipalityCode, noteLength: note.length },
    });
  });
  const [updated] = await repo.findWarnings(db, { id });
  return (await presentWarnings(db, ctx, [updated!]))[0]!;
}
