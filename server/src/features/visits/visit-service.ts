import {
  type AssessmentOverride,
  type DocumentTypeId,
  type VisitKind,
  type VisitStatus,
  type VisitView,
  type VisitAssessmentInput,
  type VisitCreate,
  type VisitUpdate,
  countsTowardCoverage,
  feedbackBeforeVisit,
  isHeldStatus,
  participantWarnings,
  plannedDueOn,
  plannedFrom,
  proposeCriteria,
  untouchedAreas,
} from "@uppsikt/core";
import type { z } from "zod";
import type { Db, Executor } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { findActiveVersion, findAreasWithCriteria, findVersion } from "../criteria/repository.js";
import { getMunicipality } from "../municipalities/service.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { resolvePeriod } from "../reference/service.js";
import { type LibraryAreas, resultsOf, validateAssessment } from "./assessment-service.js";
import { saveProtocolFields } from "../protocols/service.js";
import { checkEvidence, evidenceOptions, labelled } from "./evidence.js";
import { revise } from "./plan-service.js";
import * as repo from "./repository.js";
import { KIND_WORDS, asParticipants, readsJudgement, visibleTo } from "./views.js";

/*
 * One visit (R2.7-2, R2.7-4 … R2.7-6, R2.8-1): its preparation, participants and their warnings, the criteria it
 * covers and its assessment. County officers write; the agency reads the judgement; the municipality's users see
 * their visits (once the plan is published) without the county's notes and assessment.
 */

const NOT_FOUND = "Besöket finns inte.";
const STALE = "Besöket har ändrats sedan du öppnade det. Ladda om och gör ändringen igen.";

type Found = NonNullable<Awaited<ReturnType<typeof repo.findVisit>>>;

export async function load(db: Executor, ctx: ActorContext, id: string): Promise<Found> {
  const found = await repo.findVisit(db, id);
  if (!found) throw NotFound(NOT_FOUND);
  authorize(ctx.actor, "visits.read", { county: found.countyCode, municipality: found.visit.municipalityCode });
  const plan = await repo.findPlan(db, found.countyCode, found.visit.period);
  if (!visibleTo(ctx.actor, found.visit, plan)) throw NotFound(NOT_FOUND);
  return found;
}

export async function libraryOf(db: Executor, versionId: string | null): Promise<LibraryAreas> {
  return versionId ? findAreasWithCriteria(db, versionId) : [];
}

const criteriaFacts = (library: LibraryAreas) =>
  library.map((a) => ({
    code: a.code,
    criteria: a.criteria.map((c) => ({
      code: c.code,
      tier: c.tier as "basic" | "quality",
      documentTypes: c.documentTypes as DocumentTypeId[],
    })),
  }));

async function present(db: Executor, ctx: ActorContext, found: Found): Promise<VisitView> {
  const v = found.visit;
  const judgement = readsJudgement(ctx.actor);
  const [participantRows, items, library, version, rules, sameMunicipality, sent, evidence] = await Promise.all([
    repo.findParticipants(db, [v.id]),
    judgement ? repo.findAssessmentItems(db, [v.id]) : Promise.resolve([]),
    judgement ? libraryOf(db, v.libraryVersionId) : Promise.resolve([] as LibraryAreas),
    v.libraryVersionId ? findVersion(db, v.libraryVersionId) : Promise.resolve(undefined),
    nationalRulesReader(db).on(ctx.clock.today()),
    repo.findVisitsOf(db, [v.municipalityCode], v.period),
    repo.findSentFeedbackTypes(db, [v.municipalityCode], v.period),
    judgement ? evidenceOptions(db, v.municipalityCode) : Promise.resolve([]),
  ]);
  const participants = asParticipants(participantRows);
  const warnings: VisitView["warnings"] = participantWarnings(participants, v.heldOn !== null).map(
    ({ code, severity, rule }) => ({
      code,
      severity,
      rule,
    }),
  );
  const owed = feedbackBeforeVisit(
    { planned: v.planned, status: v.status as VisitStatus },
    {
      period: { firstYear: v.period },
      countedVisits: sameMunicipality.filter(countsTowardCoverage).length,
      sentFeedback: new Set(sent.map((s) => s.typeId as DocumentTypeId)),
    },
    {
      documentTypes: rules.rules.lateVisitFeedbackDocumentTypes.value,
      daysBefore: rules.rules.lateVisitFeedbackDays.value,
    },
  );
  if (owed && judgement)
    warnings.push({
      code: "feedbackBeforeVisit",
      severity: "warning",
      rule: `Kommunen har bara ett besök, sent i perioden: skriftlig återkoppling på de inriktande dokumenten ska skickas före besöket, senast ${owed.dueOn} (vägledningen, avsnitt 2.7.1). Saknas: ${owed.missing.length} dokument.`,
    });
  const selected = v.selectedCriteria;
  const overrides = v.overrides as AssessmentOverride[];
  let previous: NonNullable<VisitView["assessment"]>["previous"] = null;
  if (judgement) {
    const before = sameMunicipality
      .filter(
        (o) => o.id !== v.id && isHeldStatus(o.status) && o.libraryVersionId && (o.heldOn ?? "") < (v.heldOn ?? "9999"),
      )
      .sort((a, b) => (b.heldOn ?? "").localeCompare(a.heldOn ?? ""))[0];
    if (before) {
      const [prevItems, prevLibrary] = await Promise.all([
        repo.findAssessmentItems(db, [before.id]),
        libraryOf(db, before.libraryVersionId),
      ]);
      previous = {
        visitId: before.id,
        heldOn: before.heldOn,
        items: prevItems.map((i) => ({ criterion: i.criterionCode, result: i.result })),
        results: resultsOf(prevLibrary, prevItems, before.overrides as AssessmentOverride[]),
      };
    }
  }
  return {
    id: v.id,
    municipality: { code: v.municipalityCode, name: found.municipalityName },
    county: found.countyCode,
    period: v.period,
    planned: v.planned,
    dueOn: plannedDueOn(v.planned),
    from: plannedFrom(v.planned),
    kind: v.kind as VisitKind,
    status: v.status as VisitStatus,
    reason: v.reason,
    heldOn: v.heldOn,
    place: v.place,
    participants,
    preparation: {
      documentsReviewed: false,
      preMeetingOn: null,
      preMeetingNotes: "",
      premisesSuitableForClassified: false,
      lsoCoordinated: false,
      lsoReference: "",
      ...(v.preparation as object),
    },
    notes: judgement ? v.notes : null,
    warnings,
    libraryVersion: version ? { id: version.id, version: version.version } : null,
    criteria: judgement ? selected : null,
    untouchedAreas: judgement ? untouchedAreas(criteriaFacts(library), selected) : null,
    assessment: judgement
      ? {
          items: items.map((i) => ({
            criterion: i.criterionCode,
            result: i.result,
            note: i.note,
            evidence: labelled(evidence, i.evidence),
          })),
          overrides,
          results: resultsOf(library, items, overrides),
          previous,
        }
      : null,
    version: v.version,
  };
}

export async function getVisit(db: Db, ctx: ActorContext, id: string): Promise<VisitView> {
  return present(db, ctx, await load(db, ctx, id));
}

export async function listMunicipalityVisits(db: Db, ctx: ActorContext, code: string, periodId?: number) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "visits.read", { county: municipality.county.code, municipality: code });
  const period = await resolvePeriod(db, ctx.clock, periodId);
  const plan = await repo.findPlan(db, municipality.county.code, period.id);
  const rows = (await repo.findVisitsOf(db, [code], period.id)).filter((v) => visibleTo(ctx.actor, v, plan));
  const items: VisitView[] = [];
  for (const v of rows)
    items.push(
      await present(db, ctx, { visit: v, countyCode: municipality.county.code, municipalityName: municipality.name }),
    );
  return { period: period.id, items };
}

export async function createVisit(db: Db, ctx: ActorContext, input: z.output<typeof VisitCreate>): Promise<VisitView> {
  const municipality = await getMunicipality(db, ctx.actor, input.municipality);
  const county = municipality.county.code;
  authorize(ctx.actor, "visits.write", { county, municipality: municipality.code });
  const period = await resolvePeriod(db, ctx.clock, input.period);
  const year = Number(input.planned.slice(0, 4));
  if (year < period.firstYear || year > period.lastYear)
    throw Invalid(`Besöket ska planeras inom mandatperioden ${period.firstYear}–${period.lastYear}.`, [
      { field: "planned", message: `Ange en månad eller ett datum ${period.firstYear}–${period.lastYear}.` },
    ]);
  const id = await db.transaction(async (tx) => {
    const plan = await repo.lockPlan(tx, county, period.id, 1);
    const [row] = await repo.insertVisits(tx, [
      {
        municipalityCode: municipality.code,
        period: period.id,
        planned: input.planned,
        kind: input.kind,
        reason: input.reason,
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor.id,
        updatedAt: ctx.clock.now(),
      },
    ]);
    await revise(tx, ctx, plan, `Besök i ${municipality.name} tillagt (${input.planned}, ${KIND_WORDS[input.kind]}).`);
    await recordAudit(tx, ctx, {
      action: "visits.create",
      entityType: "visit",
      entityId: row!.id,
      after: { municipality: municipality.code, period: period.id, planned: input.planned, kind: input.kind },
    });
    return row!.id;
  });
  return getVisit(db, ctx, id);
}

export async function updateVisit(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: z.output<typeof VisitUpdate>,
): Promise<VisitView> {
  const found = await load(db, ctx, id);
  authorize(ctx.actor, "visits.write", { county: found.countyCode, municipality: found.visit.municipalityCode });
  const period = await resolvePeriod(db, ctx.clock, found.visit.period);
  if (input.planned) {
    const year = Number(input.planned.slice(0, 4));
    if (year < period.firstYear || year > period.lastYear)
      throw Invalid(`Besöket ska planeras inom mandatperioden ${period.firstYear}–${period.lastYear}.`, [
        { field: "planned", message: `Ange en månad eller ett datum ${period.firstYear}–${period.lastYear}.` },
      ]);
  }
  if (input.heldOn && input.heldOn > ctx.clock.today())
    throw Invalid("Ett besök kan inte ha hållits ett datum som inte har varit.", [
      { field: "heldOn", message: "Datumet har inte varit ännu." },
    ]);
  await db.transaction(async (tx) => {
    const current = await repo.lockVisit(tx, id);
    if (!current) throw NotFound(NOT_FOUND);
    if (current.version !== input.version) throw Conflict(STALE, { version: current.version });
    const heldOn = input.heldOn === undefined ? current.heldOn : input.heldOn;
    const status: VisitStatus =
      input.status ?? (heldOn && current.status === "planned" ? "held" : (current.status as VisitStatus));
    if (input.status === "protocolSent" && current.status !== "protocolSent")
      throw Invalid("Ett besök får statusen protokoll skickat när protokollet skickas.", [
        { field: "status", message: "Skicka protokollet i stället." },
      ]);
    if (isHeldStatus(status) && !heldOn)
      throw Invalid("Ange vilket datum besöket hölls.", [{ field: "heldOn", message: "Ange datumet besöket hölls." }]);
    const updated = await repo.updateVisit(tx, id, {
      planned: input.planned ?? current.planned,
      kind: input.kind ?? current.kind,
      status,
      reason: input.reason ?? current.reason,
      heldOn: status === "held" ? heldOn : heldOn,
      place: input.place ?? current.place,
      preparation: input.preparation ? { ...input.preparation } : current.preparation,
      notes: input.notes ? { ...(current.notes as Record<string, string>), ...input.notes } : current.notes,
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    });
    if (input.participants) await repo.replaceParticipants(tx, id, input.participants);
    await saveProtocolFields(
      tx,
      ctx,
      { id, countyCode: found.countyCode, municipalityCode: found.visit.municipalityCode },
      input,
    );
    const replanned =
      updated.planned !== current.planned || updated.kind !== current.kind || updated.status !== current.status;
    if (replanned) {
      const plan = await repo.lockPlan(tx, found.countyCode, current.period, 1);
      const what =
        updated.status === "cancelled" && current.status !== "cancelled"
          ? "inställt"
          : updated.status === "held" && current.status !== "held"
            ? `hållet ${updated.heldOn}`
            : `ändrat (${current.planned} → ${updated.planned}, ${KIND_WORDS[updated.kind as VisitKind]})`;
      await revise(
        tx,
        ctx,
        plan,
        `Besök i ${found.municipalityName} ${what}.${input.reason ? ` ${input.reason}` : ""}`,
      );
    }
    await recordAudit(tx, ctx, {
      action: "visits.update",
      entityType: "visit",
      entityId: id,
      before: { planned: current.planned, kind: current.kind, status: current.status, heldOn: current.heldOn },
      after: {
        planned: updated.planned,
        kind: updated.kind,
        status: updated.status,
        heldOn: updated.heldOn,
        participants: input.participants?.length,
        fields: Object.keys(input).filter((k) => k !== "version"),
      },
    });
  });
  return getVisit(db, ctx, id);
}

/** The criteria the visit covers (R2.7-6): codes of its library version, which is fixed at the first selection. */
export async function setCriteria(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: { version: number; criteria: string[] },
): Promise<VisitView> {
  const found = await load(db, ctx, id);
  authorize(ctx.actor, "visits.write", { county: found.countyCode, municipality: found.visit.municipalityCode });
  await db.transaction(async (tx) => {
    const current = await repo.lockVisit(tx, id);
    if (!current) throw NotFound(NOT_FOUND);
    if (current.version !== input.version) throw Conflict(STALE, { version: current.version });
    const versionId = current.libraryVersionId ?? (await findActiveVersion(tx))?.id;
    if (!versionId) throw Invalid("Inget kriteriebibliotek är aktivt. Myndigheten behöver aktivera en version.");
    const library = await libraryOf(tx, versionId);
    const known = new Map(library.flatMap((a) => a.criteria.map((c) => [c.code.toLowerCase(), c.code] as const)));
    const unknown = input.criteria.filter((c) => !known.has(c.toLowerCase()));
    if (unknown.length)
      throw Invalid(`Kriteriet ${unknown[0]} finns inte i besökets version av kriteriebiblioteket.`, [
        { field: "criteria", message: `Okända kriterier: ${unknown.join(", ")}.` },
      ]);
    const codes = [...new Set(input.criteria.map((c) => known.get(c.toLowerCase())!))];
    await repo.updateVisit(tx, id, {
      libraryVersionId: versionId,
      selectedCriteria: codes,
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "visits.selectCriteria",
      entityType: "visit",
      entityId: id,
      before: { criteria: current.selectedCriteria.length },
      after: { criteria: codes.length, libraryVersionId: versionId },
    });
  });
  return getVisit(db, ctx, id);
}

export async function criteriaProposal(db: Db, ctx: ActorContext, id: string) {
  const found = await load(db, ctx, id);
  authorize(ctx.actor, "visits.write", { county: found.countyCode, municipality: found.visit.municipalityCode });
  const versionId = found.visit.libraryVersionId ?? (await findActiveVersion(db))?.id;
  const library = await libraryOf(db, versionId ?? null);
  const rules = await nationalRulesReader(db).on(ctx.clock.today());
  const kind = found.visit.kind as VisitKind;
  return {
    kind,
    criteria: proposeCriteria(kind, criteriaFacts(library), rules.rules.firstVisitDocumentTypes.value),
  };
}

export async function listEvidenceOptions(db: Db, ctx: ActorContext, id: string) {
  const found = await load(db, ctx, id);
  authorize(ctx.actor, "visits.write", { county: found.countyCode, municipality: found.visit.municipalityCode });
  return { items: await evidenceOptions(db, found.visit.municipalityCode) };
}

export async function saveAssessment(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: z.output<typeof VisitAssessmentInput>,
) {
  const found = await load(db, ctx, id);
  authorize(ctx.actor, "visits.write", { county: found.countyCode, municipality: found.visit.municipalityCode });
  await db.transaction(async (tx) => {
    const current = await repo.lockVisit(tx, id);
    if (!current) throw NotFound(NOT_FOUND);
    if (current.version !== input.version) throw Conflict(STALE, { version: current.version });
    if (!current.libraryVersionId)
      throw Invalid("Välj kriterier för besöket innan du bedömer det.", [
        { field: "items", message: "Inga kriterier är valda för besöket." },
      ]);
    const library = await libraryOf(tx, current.libraryVersionId);
    const checked = validateAssessment(library, current.selectedCriteria, input.items, input.overrides);
    checkEvidence(await evidenceOptions(tx, current.municipalityCode), input.items);
    await repo.replaceAssessmentItems(tx, id, checked.items);
    await repo.updateVisit(tx, id, {
      overrides: checked.overrides,
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    });
    const results = resultsOf(library, checked.items, checked.overrides);
    await recordAudit(tx, ctx, {
      action: "visits.assess",
      entityType: "visit",
      entityId: id,
      after: {
        items: checked.items.length,
        overrides: checked.overrides.length,
        crisisPreparedness: results.overall.crisisPreparedness.result,
        civilDefence: results.overall.civilDefence.result,
      },
    });
  });
  const view = await getVisit(db, ctx, id);
  return view.assessment!.results;
}
