import {
  type NationalRuleVersion,
  type NationalRuleVersionInput as InputSchema,
  type NationalRules,
  type RsaSectionsInput,
  ruleVersionOn,
} from "@uppsikt/core";
import type { z } from "zod";
import type { Db, Executor } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { fromYaml, toYaml } from "./file.js";
import * as repo from "./repository.js";
import { nationalRulesReader } from "./rules-on.js";

type Input = z.output<typeof InputSchema>;

function present(
  row: repo.NationalRuleVersionRow,
  all: repo.NationalRuleVersionRow[],
  today: string,
): NationalRuleVersion {
  const inForce = ruleVersionOn(all, today)?.id === row.id;
  return {
    id: row.id,
    appliesFrom: row.appliesFrom,
    sourceTitle: row.sourceTitle,
    sourceDnr: row.sourceDnr,
    rules: row.rules,
    version: row.version,
    inForce,
    upcoming: row.appliesFrom > today,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

const summary = (v: Pick<Input, "appliesFrom" | "sourceTitle" | "sourceDnr">) => ({
  appliesFrom: v.appliesFrom,
  sourceTitle: v.sourceTitle,
  sourceDnr: v.sourceDnr,
});

export async function listVersions(db: Db, ctx: ActorContext) {
  authorize(ctx.actor, "nationalRules.read");
  const all = await repo.findVersions(db);
  const today = ctx.clock.today();
  return { items: all.map((r) => present(r, all, today)), total: all.length };
}

export async function getVersion(db: Db, ctx: ActorContext, id: string) {
  authorize(ctx.actor, "nationalRules.read");
  const all = await repo.findVersions(db);
  const row = all.find((r) => r.id === id);
  if (!row) throw NotFound("Versionen av de nationella reglerna finns inte.");
  return present(row, all, ctx.clock.today());
}

/** The version in force today (the web's document-type names and deadlines come from it). */
export async function currentVersion(db: Db, ctx: ActorContext) {
  authorize(ctx.actor, "nationalRules.read");
  const all = await repo.findVersions(db);
  const row = ruleVersionOn(all, ctx.clock.today()) ?? all[0];
  if (!row) throw NotFound("Det finns inga nationella regler.");
  return present(row, all, ctx.clock.today());
}

function assertFuture(appliesFrom: string, today: string) {
  if (appliesFrom <= today)
    throw Invalid(
      `En ny eller ändrad version ska gälla från ett senare datum än i dag (${today}); en version som redan gäller ändras inte.`,
      [{ field: "appliesFrom", message: "Ange ett datum efter i dag." }],
    );
}

async function assertFreeDate(db: Executor, appliesFrom: string, exceptId?: string) {
  const other = await repo.findVersionFrom(db, appliesFrom);
  if (other && other.id !== exceptId)
    throw Conflict(`Det finns redan en version som gäller från ${appliesFrom}.`, [
      { field: "appliesFrom", message: "Datumet har redan en version." },
    ]);
}

/** A new version applying from a later day, with its source (R1-2). */
export async function createVersion(db: Db, ctx: ActorContext, input: Input) {
  authorize(ctx.actor, "nationalRules.write");
  const today = ctx.clock.today();
  assertFuture(input.appliesFrom, today);
  const row = await db.transaction(async (tx) => {
    await assertFreeDate(tx, input.appliesFrom);
    const created = await repo.insertVersion(tx, {
      ...input,
      createdAt: ctx.clock.now(),
      createdBy: ctx.actor?.id ?? null,
    });
    await recordAudit(tx, ctx, {
      action: "nationalRules.create",
      entityType: "nationalRuleVersion",
      entityId: created.id,
      after: summary(input),
    });
    return created;
  });
  return getVersion(db, ctx, row.id);
}

/** Edits a version not yet in force; `version` guards against overwriting someone else's save. */
export async function updateVersion(db: Db, ctx: ActorContext, id: string, input: Input & { version: number }) {
  authorize(ctx.actor, "nationalRules.write");
  const today = ctx.clock.today();
  await db.transaction(async (tx) => {
    const existing = await repo.findVersion(tx, id);
    if (!existing) throw NotFound("Versionen av de nationella reglerna finns inte.");
    if (existing.appliesFrom <= today)
      throw Conflict(
        "Versionen gäller redan och kan inte ändras. Skapa en ny version som gäller från ett senare datum.",
      );
    assertFuture(input.appliesFrom, today);
    await assertFreeDate(tx, input.appliesFrom, id);
    const { version, ...values } = input;
    const saved = await repo.updateVersion(tx, id, version, values, ctx.clock.now());
    if (!saved)
      // The same shape as every stale update: 409 with the version now current.
      throw Conflict("Versionen har ändrats sedan du öppnade den. Ladda om och gör ändringen igen.", {
        version: (await repo.findVersion(tx, id))?.version ?? existing.version,
      });
    await recordAudit(tx, ctx, {
      action: "nationalRules.update",
      entityType: "nationalRuleVersion",
      entityId: id,
      before: { ...summary(existing), version: existing.version },
      after: { ...summary(values), version: saved.version },
    });
  });
  return getVersion(db, ctx, id);
}

export async function exportYaml(db: Db, ctx: ActorContext, id?: string) {
  authorize(ctx.actor, "nationalRules.read");
  const all = await repo.findVersions(db);
  const rows = id ? all.filter((r) => r.id === id) : all;
  if (id && rows.length === 0) throw NotFound("Versionen av de nationella reglerna finns inte.");
  const stamp = ctx.clock.today();
  return {
    content: toYaml(rows),
    fileName: id ? `nationella-regler-${rows[0]!.appliesFrom}.yaml` : `nationella-regler-${stamp}.yaml`,
    mediaType: "application/yaml; charset=utf-8",
  };
}

/** JSON with sorted keys: jsonb does not keep the key order of what was stored. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const sameContent = (row: repo.NationalRuleVersionRow, v: Input) =>
  row.sourceTitle === v.sourceTitle && row.sourceDnr === v.sourceDnr && canonical(row.rules) === canonical(v.rules);

/**
 * Imports a YAML file: a version with a new date is created, one not yet in force is replaced, one in force must be
 * unchanged. All or nothing: any refusal leaves the rules as they were.
 */
export async function importYaml(db: Db, ctx: ActorContext, text: string) {
  authorize(ctx.actor, "nationalRules.write");
  const versions = fromYaml(text);
  const dates = versions.map((v) => v.appliesFrom);
  if (new Set(dates).size !== dates.length) throw Invalid("Filen har två versioner som gäller från samma datum.");
  const today = ctx.clock.today();
  return db.transaction(async (tx) => {
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const v of versions) {
      const existing = await repo.findVersionFrom(tx, v.appliesFrom);
      if (existing && sameContent(existing, v)) {
        result.unchanged++;
      } else if (existing) {
        if (existing.appliesFrom <= today)
          throw Conflict(
            `Versionen som gäller från ${v.appliesFrom} gäller redan och kan inte ändras genom import. Ingenting har importerats.`,
          );
        await repo.updateVersion(tx, existing.id, existing.version, v, ctx.clock.now());
        result.updated++;
      } else {
        if (v.appliesFrom <= today)
          throw Invalid(
            `En ny version ska gälla från ett senare datum än i dag (${today}), inte ${v.appliesFrom}. Ingenting har importerats.`,
          );
        await repo.insertVersion(tx, { ...v, createdAt: ctx.clock.now(), createdBy: ctx.actor?.id ?? null });
        result.created++;
      }
    }
    await recordAudit(tx, ctx, {
      action: "nationalRules.import",
      entityType: "nationalRuleVersion",
      after: { ...result, versions: dates },
    });
    return result;
  });
}

/** The RSA disposition in force today, in the shape of the older `/rsa-sections` API. */
export async function listRsaSections(db: Executor, today: string) {
  const { rules, version } = await nationalRulesReader(db).on(today);
  return rsaSectionsOf(rules, version);
}

export function rsaSectionsOf(rules: NationalRules, version: number) {
  const items = [...rules.rsaDisposition.sections]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      id: String(s.position),
      position: s.position,
      title: s.title,
      keywords: s.keywords,
      required: s.required,
      verified: s.verified,
    }));
  return { items, total: items.length, version };
}

/**
 * The agency corrects the disposition of the version in force (it is marked "to verify against the regulation", so
 * it is corrected in place rather than by a new version); audited as before.
 */
export async function replaceRsaSections(db: Db, ctx: ActorContext, input: z.infer<typeof RsaSectionsInput>) {
  authorize(ctx.actor, "rsaSections.write");
  const positions = input.sections.map((s) => s.position);
  if (new Set(positions).size !== positions.length) throw Invalid("Varje avsnitt ska ha ett eget nummer.");
  const today = ctx.clock.today();
  return db.transaction(async (tx) => {
    const current = await nationalRulesReader(tx).on(today);
    const stale = (version: number) =>
      Conflict("De nationella reglerna har ändrats sedan du öppnade dem. Ladda om och gör ändringen igen.", {
        version,
      });
    if (input.version !== current.version) throw stale(current.version);
    const before = current.rules.rsaDisposition.sections;
    const sections = input.sections.map((s) => ({
      position: s.position,
      title: s.title,
      keywords: s.keywords,
      required: s.required ?? before.find((b) => b.position === s.position)?.required ?? true,
      verified: s.verified,
    }));
    const rules = { ...current.rules, rsaDisposition: { ...current.rules.rsaDisposition, sections } };
    const saved = await repo.replaceRules(tx, current.id, current.version, rules, ctx.clock.now());
    if (!saved) throw stale((await repo.findVersion(tx, current.id))?.version ?? current.version);
    await recordAudit(tx, ctx, {
      action: "rsaSections.replace",
      entityType: "rsaSections",
      entityId: current.id,
      before: { sections: before.map((s) => ({ position: s.position, title: s.title, keywords: s.keywords })) },
      after: { sections: sections.map((s) => ({ position: s.position, title: s.title, keywords: s.keywords })) },
    });
    return rsaSectionsOf(rules, saved.version);
  });
}
