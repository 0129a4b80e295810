import {
  type ActionStatus,
  type ActionView,
  ActionReportFields,
  isActionOverdue,
  isSendBack,
  mayChangeStatus,
  verificationDueOn,
} from "@uppsikt/core";
import type { z } from "zod";
import type { ActionCreate, ActionPatch } from "@uppsikt/core";
import type { Db, Executor, Tx } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import {
  clearanceScope,
  confidentialMark,
  covers,
  readersOf,
  recordConfidentialRead,
} from "../../platform/confidentiality/index.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import { type Upload, acceptFiles, auditedFile, storeFiles } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize, inScope } from "../../platform/permissions.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { resolvePeriod } from "../reference/service.js";
import * as visitRepo from "../visits/repository.js";
import { actionFileOwner } from "./action-files.js";
import * as repo from "./actions-repository.js";
import { findUserNames } from "./repository.js";
import type { StoredMeasure } from "./schema.js";

/*
 * The action plan (R2.7-8): the sent protocol's measures become actions; the municipality adds its own, moves them
 * and reports them done with a comment and files; the county verifies or sends back with a comment. Every change of
 * status is kept in the action's history.
 */

const NOT_FOUND = "Åtgärden finns inte.";
type Row = repo.ActionRow;

async function present(db: Executor, ctx: ActorContext, rows: readonly Row[], names: Map<string, string>) {
  const codes = [...new Set(rows.map((r) => r.municipalityCode))];
  const secret = rows.some((r) => r.confidentialBasis);
  const [events, files, rules, scope, readers, municipalityNames] = await Promise.all([
    repo.findEvents(
      db,
      rows.map((r) => r.id),
    ),
    repo.findFilesOf(
      db,
      rows.map((r) => r.id),
    ),
    nationalRulesReader(db).on(ctx.clock.today()),
    secret ? clearanceScope(db, ctx.actor, ctx.clock.today()) : Promise.resolve(null),
    secret ? readersOf(db, codes, ctx.clock.today()) : Promise.resolve(new Map()),
    repo.findMunicipalityNames(db, codes),
  ]);
  const days = rules.rules.verificationAfterReportedDoneDays.value;
  const today = ctx.clock.today();
  const read: Row[] = [];
  const views = rows.map((r): ActionView => {
    const canRead = !r.confidentialBasis || (scope !== null && covers(scope, r.municipalityCode));
    if (r.confidentialBasis && canRead) read.push(r);
    const hide = <T>(v: T) => (canRead ? v : null);
    const status = r.status as ActionStatus;
    return {
      id: r.id,
      municipality: { code: r.municipalityCode, name: municipalityNames.get(r.municipalityCode) ?? r.municipalityCode },
      visitId: r.visitId,
      source: r.source as ActionView["source"],
      text: hide(r.text),
      owner:
        r.ownerUserId || r.ownerName
          ? { id: r.ownerUserId, name: r.ownerName ?? names.get(r.ownerUserId!) ?? "" }
          : null,
      due: r.due,
      followUp: hide(r.followUp),
      steps: hide(r.steps),
      status,
      overdue: isActionOverdue({ due: r.due, status }, today),
      reportedOn: r.reportedOn,
      verificationDueOn: status === "reportedDone" && r.reportedOn ? verificationDueOn(r.reportedOn, days) : null,
      confidential: confidentialMark(r.confidentialBasis, readers.get(r.municipalityCode) ?? [], canRead),
      history: events
        .filter((e) => e.actionId === r.id)
        .map((e) => ({
          at: e.at.toISOString(),
          by: { id: e.byId, name: e.byName },
          from: (e.fromStatus as ActionStatus | null) ?? null,
          to: e.toStatus as ActionStatus,
          comment: hide(e.comment),
        })),
      files: files
        .filter((f) => f.actionId === r.id)
        .map((f) => ({
          id: f.id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          downloadUrl: `/api/v1/action-files/${f.id}/content`,
        })),
      version: r.version,
    };
  });
  for (const r of read)
    await recordConfidentialRead(db, ctx, {
      entityType: "action",
      entityId: r.id,
      municipality: r.municipalityCode,
      parts: ["actionText"],
      basis: r.confidentialBasis,
    });
  return views;
}

async function ownerNames(db: Executor, rows: readonly Row[]) {
  return findUserNames(
    db,
    rows.flatMap((r) => (r.ownerUserId && !r.ownerName ? [r.ownerUserId] : [])),
  );
}

export async function listActions(db: Db, ctx: ActorContext, code: string, periodId?: number) {
  authorize(ctx.actor, "actions.read", { county: code.slice(0, 2), municipality: code });
  const [municipality] = await repo.findMunicipalityNames(db, [code]).then((m) => [m.get(code)]);
  if (!municipality) throw NotFound("Kommunen finns inte.");
  const period = await resolvePeriod(db, ctx.clock, periodId);
  const rows = await repo.findActionsOf(db, code, period.id);
  const items = await present(db, ctx, rows, await ownerNames(db, rows));
  return { items, total: items.length };
}

async function load(db: Executor, ctx: ActorContext, id: string) {
  const found = await repo.findAction(db, id);
  if (!found || !inScope(ctx.actor, { county: found.countyCode, municipality: found.action.municipalityCode }))
    throw NotFound(NOT_FOUND);
  authorize(ctx.actor, "actions.read", { county: found.countyCode, municipality: found.action.municipalityCode });
  return found;
}

async function one(db: Executor, ctx: ActorContext, id: string) {
  const found = await load(db, ctx, id);
  const [view] = await present(db, ctx, [found.action], await ownerNames(db, [found.action]));
  return view!;
}

async function ownerOf(db: Executor, code: string, owner: { userId?: string; name?: string } | undefined) {
  if (!owner) return {};
  if (owner.userId) {
    const name = await repo.findOwnerName(db, owner.userId, code);
    if (!name)
      throw Invalid("Den ansvariga ska vara en användare i kommunen.", [
        { field: "owner.userId", message: "Välj en användare i kommunen eller skriv ett namn." },
      ]);
    return { ownerUserId: owner.userId, ownerName: owner.name ?? name };
  }
  return { ownerUserId: null, ownerName: owner.name ?? null };
}

export async function createAction(db: Db, ctx: ActorContext, code: string, input: z.output<typeof ActionCreate>) {
  authorize(ctx.actor, "actions.write", { county: code.slice(0, 2), municipality: code });
  const names = await repo.findMunicipalityNames(db, [code]);
  if (!names.has(code)) throw NotFound("Kommunen finns inte.");
  let period = (await resolvePeriod(db, ctx.clock, undefined)).id;
  if (input.visitId) {
    const visit = await visitRepo.findVisit(db, input.visitId);
    if (!visit || visit.visit.municipalityCode !== code)
      throw Invalid("Besöket hör inte till kommunen.", [{ field: "visitId", message: "Välj ett av kommunens besök." }]);
    period = visit.visit.period;
  }
  const owner = await ownerOf(db, code, input.owner);
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    const [row] = await repo.insertActions(tx, [
      {
        municipalityCode: code,
        period,
        visitId: input.visitId ?? null,
        source: "municipality",
        text: input.text,
        ...owner,
        due: input.due,
        followUp: input.followUp ?? "",
        steps: input.steps ?? "",
        confidentialBasis: input.confidentialBasis ?? null,
        createdAt: now,
        createdBy: ctx.actor.id,
        updatedAt: now,
      },
    ]);
    await repo.insertEvent(tx, { actionId: row!.id, at: now, by: ctx.actor.id, fromStatus: null, toStatus: "planned" });
    await recordAudit(tx, ctx, {
      action: "actions.create",
      entityType: "action",
      entityId: row!.id,
      after: {
        municipality: code,
        due: input.due,
        visitId: input.visitId ?? null,
        confidential: !!input.confidentialBasis,
      },
    });
    return row!.id;
  });
  return one(db, ctx, id);
}

/** The measures of a sent protocol as the municipality's actions; a correction adds only measures not already there. */
export async function actionsFromProtocol(
  tx: Tx,
  ctx: ActorContext,
  visit: { id: string; municipalityCode: string; period: number },
  measures: readonly StoredMeasure[],
) {
  const existing = new Set(
    (await repo.findActionsOfVisit(tx, visit.id)).filter((a) => a.source === "protocol").map((a) => a.text),
  );
  const now = ctx.clock.now();
  const rows = await repo.insertActions(
    tx,
    measures
      .filter((m) => !existing.has(m.text))
      .map((m) => ({
        municipalityCode: visit.municipalityCode,
        period: visit.period,
        visitId: visit.id,
        source: "protocol",
        text: m.text,
        due: m.due,
        followUp: m.followUp,
        confidentialBasis: m.confidentialBasis,
        createdAt: now,
        createdBy: ctx.actor.id,
        updatedAt: now,
      })),
  );
  for (const row of rows)
    await repo.insertEvent(tx, { actionId: row.id, at: now, by: ctx.actor.id, fromStatus: null, toStatus: "planned" });
  return rows.length;
}

export async function patchAction(db: Db, ctx: ActorContext, id: string, input: z.output<typeof ActionPatch>) {
  const found = await load(db, ctx, id);
  const target = { county: found.countyCode, municipality: found.action.municipalityCode };
  authorize(ctx.actor, "actions.write", target);
  const side = ctx.actor.role === "county" ? "county" : "municipality";
  const owner = await ownerOf(db, found.action.municipalityCode, input.owner);
  await db.transaction(async (tx) => {
    const current = await repo.lockAction(tx, id);
    if (!current) throw NotFound(NOT_FOUND);
    if (current.version !== input.version)
      throw Conflict("Åtgärden har ändrats sedan du öppnade den. Ladda om och gör ändringen igen.", {
        version: current.version,
      });
    const from = current.status as ActionStatus;
    const to = input.status ?? from;
    if (to !== from) {
      if (to === "reportedDone")
        throw Invalid("Rapportera åtgärden som genomförd med en kommentar (och gärna filer).", [
          { field: "status", message: "Använd Rapportera genomförd." },
        ]);
      if (to === "verified") authorize(ctx.actor, "actions.verify", target);
      if (!mayChangeStatus(side, from, to))
        throw Conflict(
          from === "verified" ? "Åtgärden är verifierad och kan inte ändras." : "Åtgärden kan inte få den statusen nu.",
        );
      if (isSendBack(from, to) && !input.comment?.trim())
        throw Invalid("Skriv varför åtgärden skickas tillbaka.", [
          { field: "comment", message: "Skriv en kommentar." },
        ]);
      await repo.insertEvent(tx, {
        actionId: id,
        at: ctx.clock.now(),
        by: ctx.actor.id,
        fromStatus: from,
        toStatus: to,
        comment: input.comment?.trim() || null,
      });
    } else if (current.status === "verified" && (input.owner || input.steps !== undefined))
      throw Conflict("Åtgärden är verifierad och kan inte ändras.");
    await repo.updateAction(tx, id, {
      status: to,
      ...(to === "inProgress" && from === "reportedDone" ? { reportedOn: null } : {}),
      ...owner,
      ...(input.steps !== undefined ? { steps: input.steps } : {}),
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "actions.update",
      entityType: "action",
      entityId: id,
      before: { status: from, version: current.version },
      after: { status: to, version: current.version + 1, owner: !!input.owner, steps: input.steps !== undefined },
    });
  });
  return one(db, ctx, id);
}

/** Refuses a report before its files are read: outside scope 404, other roles 403, a closed action 409. */
export async function assertMayReport(db: Db, ctx: ActorContext, id: string) {
  const found = await load(db, ctx, id);
  authorize(ctx.actor, "actions.report", { county: found.countyCode, municipality: found.action.municipalityCode });
  if (found.action.status === "verified") throw Conflict("Åtgärden är redan verifierad.");
  if (found.action.status === "reportedDone") throw Conflict("Åtgärden är redan rapporterad som genomförd.");
  return found;
}

export async function reportAction(db: Db, ctx: ActorContext, id: string, upload: Upload) {
  const found = await assertMayReport(db, ctx, id);
  const parsed = ActionReportFields.safeParse(upload.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw Invalid(issue.message, [{ field: issue.path.join(".") || "comment", message: issue.message }]);
  }
  const files = await acceptFiles(upload.files, { extractText: false });
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const current = await repo.lockAction(tx, id);
    if (!current || current.status === "verified" || current.status === "reportedDone")
      throw Conflict("Åtgärden är redan rapporterad som genomförd.");
    const eventId = await repo.insertEvent(tx, {
      actionId: id,
      at: now,
      by: ctx.actor.id,
      fromStatus: current.status,
      toStatus: "reportedDone",
      comment: parsed.data.comment,
    });
    await storeFiles(tx, actionFileOwner.kind, eventId, files, {
      createdAt: now,
      confidentialBasis: () => found.action.confidentialBasis,
    });
    await repo.updateAction(tx, id, {
      status: "reportedDone",
      reportedOn: ctx.clock.today(),
      version: current.version + 1,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: "actions.report",
      entityType: "action",
      entityId: id,
      after: { from: current.status, files: files.map(auditedFile) },
    });
  });
  return one(db, ctx, id);
}
