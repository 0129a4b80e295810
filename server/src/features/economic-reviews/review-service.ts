import {
  type EconomicReview,
  type EconomicReviewCreate,
  type EconomicReviewList,
  documentRequestStatus,
  nationalPeriodOn,
} from "@uppsikt/core";
import type { z } from "zod";
import type { EconomicReviewFileKind, EconomicReviewUpdate } from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import { type Upload, acceptFiles, auditedFile } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getMunicipality } from "../municipalities/service.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { reviewCountsFor, visitDate } from "./counting.js";
import { findCountingVisits } from "./counting-repository.js";
import * as repo from "./review-repository.js";

/*
 * Economic reviews (R2.5-1, R2.5-4 … R2.5-6): the county records a review held (or planned, when its day is
 * after today) of a municipality's use of the compensation, linked to a visit and to document requests, with a
 * remaining-funds decision where one was made and the municipality's own or an external audit attached.
 */

const NOT_FOUND = "Den ekonomiska granskningen finns inte.";
const STALE = "Granskningen har ändrats av någon annan. Ladda om och försök igen.";

const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** "Besök 2027-10-14" for a day, "Besök oktober 2027" for a planned month. */
export function visitLabel(v: { planned: string; heldOn: string | null }): string {
  if (v.heldOn) return `Besök ${v.heldOn}`;
  const month = /^(\d{4})-(\d{2})$/.exec(v.planned);
  return month ? `Besök ${MONTHS_SV[Number(month[2]) - 1]} ${month[1]}` : `Besök ${v.planned}`;
}

function toView(data: repo.ReviewsData, row: repo.ReviewsData["reviews"][number], today: string): EconomicReview {
  const r = row.review;
  return {
    id: r.id,
    municipality: { code: r.municipalityCode, name: row.municipalityName },
    period: r.period,
    reviewedOn: r.reviewedOn,
    held: r.reviewedOn <= today,
    fromYear: r.fromYear,
    toYear: r.toYear,
    findings: r.findings,
    visit:
      r.visitId && row.visitPlanned !== null
        ? { id: r.visitId, label: visitLabel({ planned: row.visitPlanned, heldOn: row.visitHeldOn }) }
        : null,
    documentRequests: data.requests
      .filter((q) => q.reviewId === r.id)
      .map(({ request: q }) => ({
        id: q.id,
        // A confidential request's subject is not repeated here; the dialogue shows it to cleared readers.
        subject: q.confidentialBasis ? "Sekretessbelagd begäran" : q.subject,
        status: documentRequestStatus(q, today),
      })),
    remainingFunds:
      r.remainingFundsAmount !== null && r.remainingFundsDecidedOn !== null
        ? {
            amount: r.remainingFundsAmount,
            reasoning: r.remainingFundsReasoning ?? "",
            decidedOn: r.remainingFundsDecidedOn,
          }
        : null,
    files: data.files
      .filter((f) => f.reviewId === r.id)
      .map((f) => ({
        id: f.id,
        kind: f.kind as z.infer<typeof EconomicReviewFileKind>,
        fileName: f.fileName,
        mediaType: f.mediaType,
        sizeBytes: f.sizeBytes,
        downloadUrl: `/api/v1/economic-reviews/${r.id}/files/${f.id}`,
      })),
    createdBy: { id: r.createdBy, name: row.createdByName },
    version: r.version,
  };
}

async function presentOne(db: Executor, id: string, today: string): Promise<EconomicReview> {
  const data = await repo.findReviews(db, { id });
  const row = data.reviews[0];
  if (!row) throw NotFound(NOT_FOUND);
  return toView(data, row, today);
}

async function periodOf(db: Executor, day: string): Promise<number> {
  return nationalPeriodOn((await nationalRulesReader(db).on(day)).rules, day).id;
}

interface ReviewFields {
  reviewedOn: string;
  fromYear: number;
  toYear: number;
  findings: string;
  visitId: string | null;
  documentRequestIds: string[];
  remainingFunds: EconomicReviewCreate["remainingFunds"];
}

/** The links must be the municipality's own (400 otherwise; a visit outside the actor's scope is 404). */
async function checkFields(db: Executor, ctx: ActorContext, code: string, input: ReviewFields) {
  const today = ctx.clock.today();
  if (input.remainingFunds && input.remainingFunds.decidedOn > today)
    throw Invalid("Beslutet om återstående medel kan inte vara fattat i framtiden.");
  if (input.visitId) {
    const visit = await repo.findVisit(db, input.visitId);
    if (!visit) throw NotFound("Besöket finns inte.");
    authorize(ctx.actor, "economicReviews.write", { county: visit.countyCode, municipality: visit.municipalityCode });
    if (visit.municipalityCode !== code) throw Invalid("Besöket hör inte till kommunen.");
  }
  const ids = [...new Set(input.documentRequestIds)];
  const found = await repo.findRequestMunicipalities(db, ids);
  if (found.length !== ids.length || found.some((r) => r.municipalityCode !== code))
    throw Invalid("En länkad begäran om underlag hör inte till kommunen.");
  return ids;
}

const columnsOf = (input: ReviewFields, period: number) => ({
  period,
  reviewedOn: input.reviewedOn,
  fromYear: input.fromYear,
  toYear: input.toYear,
  findings: input.findings,
  visitId: input.visitId,
  remainingFundsAmount: input.remainingFunds?.amount ?? null,
  remainingFundsReasoning: input.remainingFunds?.reasoning ?? null,
  remainingFundsDecidedOn: input.remainingFunds?.decidedOn ?? null,
});

const audited = (input: ReviewFields, period: number, code: string) => ({
  municipality: code,
  period,
  reviewedOn: input.reviewedOn,
  fromYear: input.fromYear,
  toYear: input.toYear,
  visitId: input.visitId,
  documentRequestIds: input.documentRequestIds,
  remainingFunds: input.remainingFunds,
  findingsLength: input.findings.length,
});

export async function createReview(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: EconomicReviewCreate,
): Promise<EconomicReview> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "economicReviews.write", { county: municipality.county.code, municipality: code });
  const ids = await checkFields(db, ctx, code, input);
  const period = await periodOf(db, input.reviewedOn);
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertReview(tx, {
      municipalityCode: code,
      ...columnsOf(input, period),
      createdAt: ctx.clock.now(),
      createdBy: ctx.actor.id,
    });
    await repo.replaceRequestLinks(tx, id, ids);
    await recordAudit(tx, ctx, {
      action: "economicReviews.create",
      entityType: "economicReview",
      entityId: id,
      after: audited(input, period, code),
    });
    return id;
  });
  return presentOne(db, id, ctx.clock.today());
}

async function loadTarget(
  db: Executor,
  ctx: ActorContext,
  id: string,
  action: "economicReviews.read" | "economicReviews.write",
) {
  const target = await repo.findReviewTarget(db, id);
  if (!target) throw NotFound(NOT_FOUND);
  authorize(ctx.actor, action, { county: target.countyCode, municipality: target.municipalityCode });
  return target;
}

export async function updateReview(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: z.infer<typeof EconomicReviewUpdate>,
): Promise<EconomicReview> {
  const target = await loadTarget(db, ctx, id, "economicReviews.write");
  if (target.version !== input.version) throw Conflict(STALE);
  const before = await presentOne(db, id, ctx.clock.today());
  const ids = await checkFields(db, ctx, target.municipalityCode, input);
  const period = await periodOf(db, input.reviewedOn);
  await db.transaction(async (tx) => {
    const ok = await repo.updateReview(tx, id, input.version, {
      ...columnsOf(input, period),
      updatedAt: ctx.clock.now(),
    });
    if (!ok) throw Conflict(STALE);
    await repo.replaceRequestLinks(tx, id, ids);
    await recordAudit(tx, ctx, {
      action: "economicReviews.update",
      entityType: "economicReview",
      entityId: id,
      before: {
        reviewedOn: before.reviewedOn,
        visitId: before.visit?.id ?? null,
        documentRequestIds: before.documentRequests.map((r) => r.id),
        remainingFunds: before.remainingFunds,
        version: before.version,
      },
      after: audited(input, period, target.municipalityCode),
    });
  });
  return presentOne(db, id, ctx.clock.today());
}

export async function getReview(db: Db, ctx: ActorContext, id: string): Promise<EconomicReview> {
  await loadTarget(db, ctx, id, "economicReviews.read");
  return presentOne(db, id, ctx.clock.today());
}

export async function listReviews(
  db: Db,
  ctx: ActorContext,
  code: string,
  query: { period?: number | undefined },
): Promise<EconomicReviewList> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "economicReviews.read", { county: municipality.county.code, municipality: code });
  const today = ctx.clock.today();
  const period = query.period ?? (await periodOf(db, today));
  const data = await repo.findReviews(db, { municipality: code, period });
  const count = (await reviewCountsFor(db, [code], today, period)).get(code)!;
  const visits = await findCountingVisits(db, [code], period);
  return {
    items: data.reviews.map((row) => toView(data, row, today)),
    period,
    held: count.held,
    planned: count.planned,
    impliedByVisits: count.impliedByVisits.map((vid) => {
      const v = visits.find((x) => x.id === vid);
      return { id: vid, label: v ? visitLabel({ planned: v.planned, heldOn: v.heldOn }) : `Besök ${vid}` };
    }),
    warnings: count.warnings,
    // What the officer exempted stays visible, so that it can be undone (PUT …/economic-review impliesReview=true).
    exemptVisits: visits
      .filter((v) => v.exemptedAt !== null && v.status !== "cancelled")
      .map((v) => ({ visitId: v.id, label: visitLabel(v), date: visitDate(v) }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** Checked before the upload is read: 404 outside scope. */
export async function assertMayAttach(db: Executor, ctx: ActorContext, id: string) {
  return loadTarget(db, ctx, id, "economicReviews.write");
}

export async function attachFiles(
  db: Db,
  ctx: ActorContext,
  id: string,
  kind: z.infer<typeof EconomicReviewFileKind>,
  upload: Upload,
): Promise<EconomicReview> {
  const target = await assertMayAttach(db, ctx, id);
  if (upload.files.length === 0) throw Invalid("Bifoga minst en fil (PDF, DOCX eller ODT) i fält som heter file.");
  const files = await acceptFiles(upload.files, { extractText: false });
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const fileIds: string[] = [];
    for (const f of files)
      fileIds.push(
        await repo.insertFile(tx, {
          reviewId: id,
          kind,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          content: f.content,
          createdAt: now,
          createdBy: ctx.actor.id,
        }),
      );
    await recordAudit(tx, ctx, {
      action: "economicReviews.attach",
      entityType: "economicReview",
      entityId: id,
      after: { municipality: target.municipalityCode, kind, fileIds, files: files.map(auditedFile) },
    });
  });
  return presentOne(db, id, ctx.clock.today());
}

/** The file of a review: 404 when it does not belong to that review. */
export async function assertFileOfReview(db: Executor, ctx: ActorContext, id: string, fileId: string) {
  await loadTarget(db, ctx, id, "economicReviews.read");
  const file = await repo.findFile(db, fileId);
  if (!file || file.reviewId !== id) throw NotFound("Filen finns inte.");
}

/** The officer says a planned visit has (or has not) an economic review of its own. */
export async function putVisitReview(db: Db, ctx: ActorContext, visitId: string, impliesReview: boolean) {
  const visit = await repo.findVisit(db, visitId);
  if (!visit) throw NotFound("Besöket finns inte.");
  authorize(ctx.actor, "economicReviews.write", { county: visit.countyCode, municipality: visit.municipalityCode });
  await db.transaction(async (tx) => {
    const changed = impliesReview
      ? await repo.deleteExemption(tx, visitId)
      : await repo.insertExemption(tx, visitId, ctx.actor.id, ctx.clock.now());
    if (changed)
      await recordAudit(tx, ctx, {
        action: "economicReviews.visitReview",
        entityType: "visit",
        entityId: visitId,
        before: { impliesReview: !impliesReview },
        after: { municipality: visit.municipalityCode, visitId, impliesReview },
      });
  });
  return { visitId, date: visitDate(visit), impliesReview };
}
