import {
  type DocumentTypeId,
  type FollowUpInput,
  type FollowUpView,
  deadlineDate,
  isAgreedDateOverdue,
  isDocumentMissing,
  isValidIsoDate,
  isYearTwoActive,
  yearTwoStart,
} from "@uppsikt/core";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getMunicipality, listMunicipalities } from "../municipalities/service.js";
import { resolvePeriod } from "../reference/service.js";
import { documentTypesOfPeriod, nationalRulesReader } from "../national-rules/rules-on.js";
import * as repo from "./year-two-repository.js";

/**
 * The county's municipalities that lack any required document from the period's second year (R2.2-4):
 * a document is missing when no version of it has come in and its deadline has passed (core `isDocumentMissing`,
 * the rule the document status and the watch list read). Each with the reason and the date agreed with
 * the municipality, and whether that date has passed. Before the second year: inactive and empty.
 */
export async function yearTwoList(db: Db, ctx: ActorContext, countyCode: string, periodId: number | undefined) {
  authorize(ctx.actor, "documents.yearTwo", { county: countyCode });
  const { items: municipalities } = await listMunicipalities(db, ctx.actor, countyCode, {
    sort: "name",
    order: "asc",
    limit: 500,
    offset: 0,
  });
  const period = await resolvePeriod(db, ctx.clock, periodId);
  const today = ctx.clock.today();
  const from = yearTwoStart(period);
  if (!isYearTwoActive(period, today)) return { period: period.id, active: false, from, items: [], total: 0 };
  const codes = municipalities.map((m) => m.code);
  const [types, present, followUps] = await Promise.all([
    documentTypesOfPeriod(nationalRulesReader(db), period),
    repo.findPresentDocuments(db, { municipalityCodes: codes, period: period.id }),
    repo.findCountyFollowUps(db, { countyCode, period: period.id }),
  ]);
  const has = new Set(present.map((p) => `${p.municipalityCode}:${p.typeId}`));
  const items = municipalities
    .map((m) => ({
      municipality: { code: m.code, name: m.name },
      responsibleOfficer: m.responsibleOfficer
        ? { id: m.responsibleOfficer.id, name: m.responsibleOfficer.name }
        : null,
      missing: types
        .filter((t) =>
          isDocumentMissing({ hasVersion: has.has(`${m.code}:${t.id}`) }, deadlineDate(t.deadline, period), today),
        )
        .map((t) => {
          const f = followUps.find(
            (x) => x.followUp.municipalityCode === m.code && x.followUp.typeId === t.id,
          )?.followUp;
          return {
            type: t.id as DocumentTypeId,
            typeName: t.name,
            reason: f?.reason ?? null,
            agreedDate: f?.agreedDate ?? null,
            overdue: f ? isAgreedDateOverdue(f.agreedDate, today) : false,
          };
        }),
    }))
    .filter((r) => r.missing.length > 0);
  return { period: period.id, active: true, from, items, total: items.length };
}

/**
 * Records why a document is missing and the date agreed with the municipality (R2.2-4); a second
 * recording replaces the first. Only from the period's second year, and only for a missing document.
 * The watch list (bevakning) will collect these dates from document_follow_ups.
 */
export async function recordFollowUp(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: z.infer<typeof FollowUpInput>,
): Promise<FollowUpView> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "documents.followUp", { county: municipality.county.code, municipality: code });
  if (!isValidIsoDate(input.agreedDate))
    throw Invalid("Det överenskomna datumet finns inte i kalendern. Skriv datumet som ÅÅÅÅ-MM-DD.");
  const period = await resolvePeriod(db, ctx.clock, input.period);
  const today = ctx.clock.today();
  const from = yearTwoStart(period);
  if (!isYearTwoActive(period, today))
    throw Conflict(
      `Uppföljningen av saknade dokument för mandatperioden ${period.firstYear}–${period.lastYear} börjar ${from}.`,
    );
  const key = { municipalityCode: code, period: period.id, typeId: input.type };
  if (await repo.hasVersion(db, key)) throw Conflict("Dokumentet har kommit in och saknas inte längre.");
  const before = await repo.findFollowUp(db, key);
  await db.transaction(async (tx) => {
    await repo.upsertFollowUp(tx, {
      ...key,
      reason: input.reason,
      agreedDate: input.agreedDate,
      recordedBy: ctx.actor.id,
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "documents.recordFollowUp",
      entityType: "documentFollowUp",
      entityId: `${code}:${period.id}:${input.type}`,
      before: before ? { reason: before.followUp.reason, agreedDate: before.followUp.agreedDate } : null,
      after: {
        municipality: code,
        period: period.id,
        type: input.type,
        reason: input.reason,
        agreedDate: input.agreedDate,
      },
    });
  });
  const saved = (await repo.findFollowUp(db, key))!;
  return {
    municipality: code,
    period: period.id,
    type: input.type,
    reason: saved.followUp.reason,
    agreedDate: saved.followUp.agreedDate,
    overdue: isAgreedDateOverdue(saved.followUp.agreedDate, today),
    recordedBy: { id: saved.followUp.recordedBy, name: saved.recordedByName },
    updatedAt: saved.followUp.updatedAt.toISOString(),
  };
}
