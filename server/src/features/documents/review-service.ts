import {
  type CriterionTier,
  type DocumentReview,
  type DocumentReviewInput,
  type DocumentTypeId,
  REVIEW_RESULTS,
  type ReviewOutcome,
  type ReviewResult,
  type VersionStatus,
} from "@uppsikt/core";
import type { Db, Executor } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import {
  clearanceScope,
  confidentialMark,
  covers,
  readersOf,
  recordConfidentialRead,
} from "../../platform/confidentiality/index.js";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { type Action, authorize } from "../../platform/permissions.js";
import * as criteriaRepo from "../criteria/repository.js";
import * as repo from "./review-repository.js";

const NO_LIBRARY =
  "Det finns inget aktivt kriteriebibliotek att granska mot. MCF behöver importera och aktivera en version.";

/** The version, or 404; then the permission for it (404 outside the actor's scope, 403 when forbidden). */
async function targetFor(db: Executor, actor: Actor, versionId: string, action: Action) {
  const target = await repo.findReviewTarget(db, versionId);
  if (!target) throw NotFound("Dokumentversionen finns inte.");
  authorize(actor, action, { county: target.county, municipality: target.municipality });
  return target;
}

/** The library the review is made against: the one it was started with, else the active one. */
async function libraryFor(db: Executor, libraryVersionId: string | undefined) {
  const library = libraryVersionId
    ? await criteriaRepo.findVersion(db, libraryVersionId)
    : await criteriaRepo.findActiveVersion(db);
  if (!library) throw Conflict(NO_LIBRARY);
  return library;
}

type Counts = Record<ReviewResult | "notAssessed", number>;

function countResults(criteria: { id: string }[], results: Map<string, ReviewResult>): Counts {
  const counts = Object.fromEntries([...REVIEW_RESULTS, "notAssessed"].map((k) => [k, 0])) as Counts;
  for (const c of criteria) counts[results.get(c.id) ?? "notAssessed"]++;
  return counts;
}

/** Whether the actor may read the confidential parts of the version's review: its comments and summary. */
async function mayReadConfidential(db: Executor, ctx: ActorContext, target: repo.ReviewTarget) {
  if (!target.confidentialBasis) return true;
  return covers(await clearanceScope(db, ctx.actor, ctx.clock.today()), target.municipality);
}

async function loadReview(db: Db, ctx: ActorContext, target: repo.ReviewTarget): Promise<DocumentReview> {
  const found = await repo.findReview(db, target.versionId);
  const library = await libraryFor(db, found?.review.libraryVersionId);
  const criteria = await repo.findCriteriaForType(db, library.id, target.typeId);
  const items = found ? await repo.findReviewItems(db, found.review.id) : [];
  // The municipality sees the county's assessment once the review is completed, not the work in progress.
  const visible = ctx.actor.role !== "municipality" || found?.review.completedAt != null;
  const byCriterion = new Map(visible ? items.map((i) => [i.criterionId, i]) : []);
  const review = visible ? found?.review : undefined;
  // The comments and the summary are content: those of a confidential version only for a cleared reader, and
  // each such read is logged (R2.10-2). Results and outcome are not hidden.
  const readable = await mayReadConfidential(db, ctx, target);
  const shown = readable && (review?.summary != null || [...byCriterion.values()].some((i) => i.comment !== null));
  if (target.confidentialBasis && shown)
    await recordConfidentialRead(db, ctx, {
      entityType: "documentReview",
      entityId: review!.id,
      municipality: target.municipality,
      parts: ["comments"],
      basis: target.confidentialBasis,
    });
  const confidential = target.confidentialBasis
    ? confidentialMark(
        target.confidentialBasis,
        (await readersOf(db, [target.municipality], ctx.clock.today())).get(target.municipality) ?? [],
        readable,
      )
    : null;
  return {
    versionId: target.versionId,
    documentType: target.typeId as DocumentTypeId,
    versionStatus: target.status as VersionStatus,
    libraryVersion: { id: library.id, name: library.name, version: library.version, isExample: library.isExample },
    criteria: criteria.map((c) => ({
      id: c.id,
      code: c.code,
      area: { code: c.areaCode, title: c.areaTitle },
      tier: c.tier as CriterionTier,
      text: c.text,
      help: c.help,
      result: (byCriterion.get(c.id)?.result as ReviewResult | undefined) ?? null,
      comment: readable ? (byCriterion.get(c.id)?.comment ?? null) : null,
    })),
    outcome: (review?.outcome as ReviewOutcome | null | undefined) ?? null,
    summary: readable ? (review?.summary ?? null) : null,
    confidential,
    completedAt: review?.completedAt?.toISOString() ?? null,
    reviewer: review && found ? { id: review.reviewerId, name: found.reviewerName } : null,
    updatedAt: review?.updatedAt.toISOString() ?? null,
  };
}

export async function getReview(db: Db, ctx: ActorContext, versionId: string): Promise<DocumentReview> {
  const target = await targetFor(db, ctx.actor, versionId, "documentReviews.read");
  return loadReview(db, ctx, target);
}

/**
 * Saves the county's review of a version (R2.2-3): the items replace the earlier ones. Without an
 * outcome the version becomes `underReview`; with one the review is completed, which needs every
 * basic requirement for the type assessed, and the version takes the outcome as its status.
 */
export async function saveReview(
  db: Db,
  ctx: ActorContext,
  versionId: string,
  input: DocumentReviewInput,
): Promise<DocumentReview> {
  const before = await targetFor(db, ctx.actor, versionId, "documentReviews.write");
  // Saving replaces every comment: on a confidential version only someone who can read them may (nothing is lost).
  if (!(await mayReadConfidential(db, ctx, before)))
    throw Forbidden(
      `Versionen är sekretessbelagd (${before.confidentialBasis}). Du behöver behörighet för kommunen för att granska den.`,
    );
  const seen = new Set<string>();
  const duplicates = input.items.filter((i) => seen.has(i.criterionId) || !seen.add(i.criterionId));
  if (duplicates.length)
    throw Invalid(`Samma kriterium är bedömt två gånger (${duplicates[0]!.criterionId}).`, {
      criterionIds: duplicates.map((d) => d.criterionId),
    });

  await db.transaction(async (tx) => {
    await repo.lockVersion(tx, versionId);
    const target = (await repo.findReviewTarget(tx, versionId))!;
    const existing = await repo.findReview(tx, versionId);
    const library = await libraryFor(tx, existing?.review.libraryVersionId);
    const criteria = await repo.findCriteriaForType(tx, library.id, target.typeId);
    const byId = new Map(criteria.map((c) => [c.id, c]));

    const unknown = input.items.filter((i) => !byId.has(i.criterionId)).map((i) => i.criterionId);
    if (unknown.length)
      throw Invalid(
        `Kriteriet ${unknown[0]} finns inte bland kriterierna för dokumenttypen i ${library.name} (${library.version}).`,
        { criterionIds: unknown },
      );
    const results = new Map(input.items.map((i) => [i.criterionId, i.result]));
    if (input.outcome) {
      const missing = criteria.filter((c) => c.tier === "basic" && !results.has(c.id));
      if (missing.length)
        throw Invalid(
          `Bedöm alla grundläggande krav innan granskningen avslutas. Obedömda: ${missing.map((c) => c.code).join(", ")}.`,
          { criterionIds: missing.map((c) => c.id) },
        );
    }

    const beforeItems = existing ? await repo.findReviewItems(tx, existing.review.id) : [];
    const review = await repo.upsertReview(tx, {
      versionId,
      libraryVersionId: library.id,
      reviewerId: ctx.actor.id,
      outcome: input.outcome,
      summary: input.summary,
      now: ctx.clock.now(),
    });
    await repo.replaceItems(tx, review.id, input.items);
    const status: VersionStatus = input.outcome ?? "underReview";
    await repo.setVersionStatus(tx, versionId, status);

    // Counts and outcome only: the comments and the summary stay out of the log.
    await recordAudit(tx, ctx, {
      action: "documentReviews.save",
      entityType: "documentReview",
      entityId: review.id,
      before: existing
        ? {
            status: target.status,
            outcome: existing.review.outcome,
            counts: countResults(criteria, new Map(beforeItems.map((i) => [i.criterionId, i.result as ReviewResult]))),
          }
        : { status: target.status },
      after: {
        versionId,
        documentType: target.typeId,
        municipality: target.municipality,
        libraryVersion: library.version,
        status,
        outcome: input.outcome,
        counts: countResults(criteria, results),
        commented: input.items.filter((i) => i.comment).length,
        hasSummary: input.summary !== null,
      },
    });
  });

  const target = (await repo.findReviewTarget(db, versionId))!;
  return loadReview(db, ctx, target);
}
