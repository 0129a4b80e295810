import {
  type AgreementArea,
  type AssessmentOverride,
  type ProtocolFieldsInput,
  type ProtocolState,
  type ProtocolView,
  factualReviewReplyBy,
  isProtocolEditable,
  mayApprove,
  mayComment,
  maySend,
  mayStartFactualReview,
  stateAfterEdit,
  webPaths,
} from "@uppsikt/core";
import type { Db, Executor, Tx } from "../../db/client.js";
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
import { authorize } from "../../platform/permissions.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { resultsOf } from "../visits/assessment-service.js";
import * as visitRepo from "../visits/repository.js";
import { asParticipants } from "../visits/views.js";
import { libraryOf, load } from "../visits/visit-service.js";
import { type ProtocolContent, hasSecretParts, renderProtocol } from "./protocol-document.js";
import { actionsFromProtocol } from "./actions-service.js";
import { protocolTexts } from "./template-service.js";
import type { CoordinatorNotice } from "./notify.js";
import * as repo from "./repository.js";
import type { StoredMeasure, StoredPart } from "./schema.js";

/*
 * The protocol's course (R2.7-7, R2.10-1): the county writes it on the visit, may send the draft to the
 * municipality for factual review, a county head approves it, an officer sends it (registration number and date);
 * the sent version is stored with its files and never changes, a correction is the next version.
 */

type Found = Awaited<ReturnType<typeof load>>;
type Row = repo.ProtocolRow;

const NOT_FOUND = "Protokollet finns inte.";
const SENT = "Protokollet är skickat och kan inte ändras. Påbörja en rättelse för att skicka en ny version.";
const target = (f: Found) => ({ county: f.countyCode, municipality: f.visit.municipalityCode });

const emptyRow = (visitId: string, now: Date): Row => ({
  visitId,
  state: "draft",
  worksWell: "",
  deficiencies: [],
  measures: [],
  otherNotes: [],
  actionPlanDue: null,
  factualReviewReplyBy: null,
  factualReviewSentAt: null,
  factualReviewRound: 0,
  approvedBy: null,
  approvedAt: null,
  corrects: null,
  version: 1,
  updatedAt: now,
  updatedBy: null,
});

async function loadFor(db: Executor, ctx: ActorContext, visitId: string, action: "protocols.read" | "protocols.write") {
  const found = await load(db as Db, ctx, visitId);
  authorize(ctx.actor, action, target(found));
  return found;
}

/** The draft's content with the visit's header and assessment, as the protocol shows it. */
async function draftContent(db: Executor, found: Found, row: Row, extra: Partial<ProtocolContent> = {}) {
  const v = found.visit;
  const [participants, county, items, library, sent, names, texts] = await Promise.all([
    visitRepo.findParticipants(db, [v.id]),
    visitRepo.findCounty(db, found.countyCode),
    visitRepo.findAssessmentItems(db, [v.id]),
    libraryOf(db, v.libraryVersionId),
    repo.findVersions(db, v.id),
    repo.findUserNames(
      db,
      [row.updatedBy, row.approvedBy, v.createdBy].filter((x): x is string => !!x),
    ),
    protocolTexts(db, found.countyCode),
  ]);
  const results = resultsOf(library, items, v.overrides as AssessmentOverride[]);
  const titles = new Map(library.map((a) => [a.code, a.title]));
  const content: ProtocolContent = {
    municipality: { code: v.municipalityCode, name: found.municipalityName },
    countyBoard: county?.board ?? "Länsstyrelsen",
    heldOn: v.heldOn,
    place: v.place,
    participants: asParticipants(participants),
    writtenBy: names.get(row.updatedBy ?? "") ?? names.get(v.createdBy ?? "") ?? "Länsstyrelsen",
    approvedBy: row.approvedBy ? (names.get(row.approvedBy) ?? null) : null,
    registrationNumber: null,
    sentOn: null,
    versionNo: (sent[0]?.versionNo ?? 0) + (row.state === "sent" ? 0 : 1),
    corrects: row.corrects,
    texts,
    worksWell: row.worksWell,
    deficiencies: row.deficiencies,
    measures: row.measures,
    otherNotes: row.otherNotes,
    actionPlanDue: row.actionPlanDue,
    assessment: {
      areas: results.areas
        .filter((a) => a.result !== "notAssessed" || items.length > 0)
        .map((a) => ({
          code: a.area,
          title: titles.get(a.area) ?? a.area,
          agreementArea: a.agreementArea,
          result: a.result,
          overridden: a.reason !== null,
        })),
      overall: Object.fromEntries(
        (["crisisPreparedness", "civilDefence"] as const).map((k) => [
          k,
          { result: results.overall[k].result, overridden: results.overall[k].reason !== null },
        ]),
      ) as Record<AgreementArea, { result: string; overridden: boolean }>,
    },
    ...extra,
  };
  return content;
}

/** What a reader outside the county sees: the draft out for their factual review, else the latest sent version. */
function showingFor(ctx: ActorContext, row: Row | undefined, sentCount: number): "draft" | "sent" {
  if (ctx.actor.role === "county") return "draft";
  if (ctx.actor.role === "municipality" && row?.state === "factualReview") return "draft";
  if (sentCount > 0) return "sent";
  throw NotFound(NOT_FOUND);
}

export async function getProtocol(db: Db, ctx: ActorContext, visitId: string): Promise<ProtocolView> {
  const found = await loadFor(db, ctx, visitId, "protocols.read");
  const stored = await repo.findProtocol(db, visitId);
  const row = stored ?? emptyRow(visitId, ctx.clock.now());
  const [sent, comments] = await Promise.all([repo.findVersions(db, visitId), repo.findComments(db, visitId)]);
  const showing = showingFor(ctx, stored, sent.length);
  const fields =
    showing === "draft"
      ? {
          worksWell: row.worksWell,
          deficiencies: row.deficiencies,
          measures: row.measures,
          otherNotes: row.otherNotes,
          actionPlanDue: row.actionPlanDue,
        }
      : (sent[0]!.content as unknown as Pick<
          ProtocolContent,
          "worksWell" | "deficiencies" | "measures" | "otherNotes" | "actionPlanDue"
        >);
  const code = found.visit.municipalityCode;
  const secret = hasSecretParts(fields);
  const [scope, readers] = secret
    ? await Promise.all([clearanceScope(db, ctx.actor, ctx.clock.today()), readersOf(db, [code], ctx.clock.today())])
    : [null, new Map()];
  const canRead = scope !== null && covers(scope, code);
  const part = (p: StoredPart) => ({
    text: p.confidentialBasis && !canRead ? null : p.text,
    confidential: confidentialMark(p.confidentialBasis, readers.get(code) ?? [], canRead),
  });
  const measure = (m: StoredMeasure) => ({
    ...part(m),
    due: m.due,
    followUp: m.confidentialBasis && !canRead ? null : m.followUp,
  });
  if (secret && canRead)
    await recordConfidentialRead(db, ctx, {
      entityType: "visitProtocol",
      entityId: visitId,
      municipality: code,
      parts: ["protocolParts"],
      basis: [...fields.deficiencies, ...fields.measures, ...fields.otherNotes].find((p) => p.confidentialBasis)
        ?.confidentialBasis,
    });
  const names = await repo.findUserNames(
    db,
    [row.approvedBy, ...sent.flatMap((s) => [s.sentBy, s.approvedBy])].filter((x): x is string => !!x),
  );
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "" } : null);
  // The municipality's and the agency's readers see the comments of a review they take part in, the county all.
  const shownComments = ctx.actor.role === "agency" ? [] : comments;
  return {
    visitId,
    municipality: { code, name: found.municipalityName },
    state: row.state as ProtocolState,
    showing,
    version: row.version,
    versionNo: (sent[0]?.versionNo ?? 0) + (row.state === "sent" ? 0 : 1),
    worksWell: fields.worksWell,
    deficiencies: fields.deficiencies.map(part),
    measures: fields.measures.map(measure),
    otherNotes: fields.otherNotes.map(part),
    actionPlanDue: fields.actionPlanDue,
    hasSecretAppendix: secret,
    factualReview:
      row.factualReviewReplyBy && row.factualReviewSentAt
        ? {
            replyBy: row.factualReviewReplyBy,
            sentAt: row.factualReviewSentAt.toISOString(),
            round: row.factualReviewRound,
          }
        : null,
    comments: shownComments.map((c) => ({
      id: c.id,
      author: { id: c.authorId, name: c.authorName },
      text: c.text,
      at: c.createdAt.toISOString(),
      round: c.round,
    })),
    approved:
      row.approvedBy && row.approvedAt && showing === "draft"
        ? { by: person(row.approvedBy)!, at: row.approvedAt.toISOString() }
        : null,
    corrects: showing === "draft" ? row.corrects : (sent[0]?.corrects ?? null),
    sent: sent.map((s) => ({
      versionNo: s.versionNo,
      registrationNumber: s.registrationNumber,
      sentOn: s.sentOn,
      sentBy: person(s.sentBy)!,
      approvedBy: person(s.approvedBy),
      corrects: s.corrects,
      hasSecretAppendix: hasSecretParts(s.content as unknown as ProtocolContent),
    })),
  };
}

const normalisePart = (p: { text: string; confidentialBasis?: string | null }): StoredPart => ({
  text: p.text,
  confidentialBasis: p.confidentialBasis?.trim() || null,
});

/**
 * Saves the protocol's fields given with `PUT /visits/:id`, in that transaction. Unchanged fields are no change (a
 * form that sends everything still saves the visit's other fields after sending); a changed one after sending
 * answers 409.
 */
export async function saveProtocolFields(
  tx: Tx,
  ctx: ActorContext,
  visit: { id: string; countyCode: string; municipalityCode: string },
  input: ProtocolFieldsInput,
) {
  const given = (["worksWell", "deficiencies", "measures", "otherNotes", "actionPlanDue"] as const).filter(
    (k) => input[k] !== undefined,
  );
  if (given.length === 0) return;
  authorize(ctx.actor, "protocols.write", { county: visit.countyCode, municipality: visit.municipalityCode });
  const row = await repo.lockProtocol(tx, visit.id, ctx.clock.now());
  const next = {
    worksWell: input.worksWell ?? row.worksWell,
    deficiencies: input.deficiencies?.map(normalisePart) ?? row.deficiencies,
    measures: input.measures?.map((m) => ({ ...normalisePart(m), due: m.due, followUp: m.followUp })) ?? row.measures,
    otherNotes: input.otherNotes?.map(normalisePart) ?? row.otherNotes,
    actionPlanDue: input.actionPlanDue === undefined ? row.actionPlanDue : input.actionPlanDue,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(row[k]),
  );
  if (changed.length === 0) return;
  if (!isProtocolEditable(row.state as ProtocolState)) throw Conflict(SENT, { field: changed[0], state: row.state });
  const state = stateAfterEdit(row.state as ProtocolState);
  await repo.updateProtocol(tx, visit.id, {
    ...next,
    state,
    ...(state !== row.state ? { approvedBy: null, approvedAt: null } : {}),
    version: row.version + 1,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.actor.id,
  });
  await recordAudit(tx, ctx, {
    action: "protocols.update",
    entityType: "visitProtocol",
    entityId: visit.id,
    before: { state: row.state, version: row.version },
    after: { state, version: row.version + 1, fields: changed },
  });
}

function requireHeld(found: Found) {
  if (!found.visit.heldOn)
    throw Invalid("Besöket är inte hållet ännu. Ange datumet då det hölls innan protokollet går vidare.", [
      { field: "heldOn", message: "Ange datumet då besöket hölls." },
    ]);
}

export async function startFactualReview(
  db: Db,
  ctx: ActorContext,
  visitId: string,
  input: { replyBy?: string },
): Promise<{ view: ProtocolView; notice: CoordinatorNotice }> {
  const found = await loadFor(db, ctx, visitId, "protocols.write");
  requireHeld(found);
  const today = ctx.clock.today();
  const rules = await nationalRulesReader(db).on(today);
  const replyBy = input.replyBy ?? factualReviewReplyBy(today, rules.rules.factualReviewReplyDays.value);
  if (replyBy < today)
    throw Invalid("Svarsdatumet har redan varit.", [
      { field: "replyBy", message: "Ange ett datum från och med i dag." },
    ]);
  await db.transaction(async (tx) => {
    const row = await repo.lockProtocol(tx, visitId, ctx.clock.now());
    if (!mayStartFactualReview(row.state as ProtocolState))
      throw Conflict(
        row.state === "sent" ? SENT : "Protokollet är godkänt. Ändra det för att skicka det på sakgranskning igen.",
      );
    await repo.updateProtocol(tx, visitId, {
      state: "factualReview",
      factualReviewReplyBy: replyBy,
      factualReviewSentAt: ctx.clock.now(),
      factualReviewRound: row.factualReviewRound + 1,
      version: row.version + 1,
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "protocols.factualReview",
      entityType: "visitProtocol",
      entityId: visitId,
      after: { replyBy, round: row.factualReviewRound + 1 },
    });
  });
  return {
    view: await getProtocol(db, ctx, visitId),
    notice: {
      to: await coordinatorsOf(db, found),
      subject: `Utkast till protokoll för sakgranskning: ${found.municipalityName}`,
      text: `Länsstyrelsen har skickat utkastet till protokoll från uppföljningsbesöket i ${found.municipalityName} för sakgranskning. Lämna era synpunkter senast ${replyBy}.`,
      link: webPaths.visit(visitId),
    },
  };
}

export async function comment(db: Db, ctx: ActorContext, visitId: string, input: { text: string }) {
  const found = await load(db, ctx, visitId);
  authorize(ctx.actor, "protocols.comment", target(found));
  await db.transaction(async (tx) => {
    const row = await repo.findProtocol(tx, visitId);
    // A draft that is not out for review is not revealed to the municipality.
    if (!row) throw NotFound(NOT_FOUND);
    if (!mayComment(row.state as ProtocolState))
      throw Conflict("Protokollet är inte ute på sakgranskning, så det går inte att lämna synpunkter nu.");
    const saved = await repo.insertComment(tx, {
      visitId,
      round: row.factualReviewRound,
      authorId: ctx.actor.id,
      text: input.text,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "protocols.comment",
      entityType: "visitProtocol",
      entityId: visitId,
      after: { comment: saved.id, round: row.factualReviewRound },
    });
  });
  return getProtocol(db, ctx, visitId);
}

export async function approve(db: Db, ctx: ActorContext, visitId: string, input: { version?: number }) {
  const found = await load(db, ctx, visitId);
  authorize(ctx.actor, "protocols.approve", target(found));
  requireHeld(found);
  await db.transaction(async (tx) => {
    const row = await repo.lockProtocol(tx, visitId, ctx.clock.now());
    if (input.version !== undefined && input.version !== row.version)
      throw Conflict("Protokollet har ändrats sedan du öppnade det. Läs det igen innan du godkänner.", {
        version: row.version,
      });
    if (!mayApprove(row.state as ProtocolState))
      throw Conflict(row.state === "sent" ? SENT : "Protokollet är redan godkänt.");
    await repo.updateProtocol(tx, visitId, {
      state: "approved",
      approvedBy: ctx.actor.id,
      approvedAt: ctx.clock.now(),
      version: row.version + 1,
    });
    await recordAudit(tx, ctx, {
      action: "protocols.approve",
      entityType: "visitProtocol",
      entityId: visitId,
      after: { version: row.version + 1 },
    });
  });
  return getProtocol(db, ctx, visitId);
}

async function coordinatorsOf(db: Executor, found: Found) {
  return (await repo.findCoordinators(db, found.visit.municipalityCode)).map((c) => ({
    name: c.name,
    address: c.email,
  }));
}

export async function send(
  db: Db,
  ctx: ActorContext,
  visitId: string,
  input: { registrationNumber: string; sentOn: string },
): Promise<{ view: ProtocolView; notice: CoordinatorNotice }> {
  const found = await loadFor(db, ctx, visitId, "protocols.write");
  requireHeld(found);
  if (input.sentOn > ctx.clock.today())
    throw Invalid("Protokollet kan inte ha skickats ett datum som inte har varit.", [
      { field: "sentOn", message: "Datumet har inte varit ännu." },
    ]);
  if (input.sentOn < found.visit.heldOn!)
    throw Invalid("Protokollet kan inte skickas före besöket.", [
      { field: "sentOn", message: `Ange ett datum från och med ${found.visit.heldOn}.` },
    ]);
  let versionNo = 0;
  await db.transaction(async (tx) => {
    const row = await repo.lockProtocol(tx, visitId, ctx.clock.now());
    if (!maySend(row.state as ProtocolState))
      throw Conflict(
        row.state === "sent"
          ? "Protokollet är redan skickat."
          : "Protokollet ska godkännas av en enhetschef innan det skickas.",
      );
    const sent = await repo.findVersions(tx, visitId);
    versionNo = (sent[0]?.versionNo ?? 0) + 1;
    const content = await draftContent(tx, found, row, {
      registrationNumber: input.registrationNumber,
      sentOn: input.sentOn,
      versionNo,
    });
    const files = await renderProtocol(content, null);
    await repo.insertVersion(tx, {
      visitId,
      versionNo,
      registrationNumber: input.registrationNumber,
      sentOn: input.sentOn,
      sentBy: ctx.actor.id,
      approvedBy: row.approvedBy,
      corrects: row.corrects,
      content: content as unknown as Record<string, unknown>,
      ...files,
      createdAt: ctx.clock.now(),
    });
    await repo.updateProtocol(tx, visitId, { state: "sent", version: row.version + 1, updatedAt: ctx.clock.now() });
    // The measures become the municipality's action plan (R2.7-8).
    await actionsFromProtocol(
      tx,
      ctx,
      { id: visitId, municipalityCode: found.visit.municipalityCode, period: found.visit.period },
      row.measures,
    );
    const visit = await visitRepo.lockVisit(tx, visitId);
    await visitRepo.updateVisit(tx, visitId, {
      status: "protocolSent",
      version: visit!.version + 1,
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "protocols.send",
      entityType: "visitProtocol",
      entityId: visitId,
      after: { versionNo, registrationNumber: input.registrationNumber, sentOn: input.sentOn },
    });
  });
  return {
    view: await getProtocol(db, ctx, visitId),
    notice: {
      to: await coordinatorsOf(db, found),
      subject: `Protokoll från uppföljningsbesöket i ${found.municipalityName}`,
      text: `Länsstyrelsen har skickat protokollet (version ${versionNo}) från uppföljningsbesöket i ${found.municipalityName}. Kommunens åtgärder finns under Åtgärder.`,
      link: webPaths.visit(visitId),
    },
  };
}

export async function correct(db: Db, ctx: ActorContext, visitId: string, input: { reason: string }) {
  await loadFor(db, ctx, visitId, "protocols.write");
  await db.transaction(async (tx) => {
    const row = await repo.lockProtocol(tx, visitId, ctx.clock.now());
    if (row.state !== "sent") throw Conflict("Bara ett skickat protokoll rättas; ändra utkastet i stället.");
    await repo.updateProtocol(tx, visitId, {
      state: "draft",
      corrects: input.reason,
      approvedBy: null,
      approvedAt: null,
      version: row.version + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "protocols.correct",
      entityType: "visitProtocol",
      entityId: visitId,
      after: { reason: input.reason },
    });
  });
  return getProtocol(db, ctx, visitId);
}

/**
 * The protocol or its secret appendix as a file. The county gets its draft (marked as one) until it is sent; the
 * municipality the draft out for its factual review, else the sent version; the agency sent versions only.
 * The appendix needs a clearance for the municipality (403), and each read of it is logged.
 */
export async function protocolFile(
  db: Db,
  ctx: ActorContext,
  visitId: string,
  part: "protocol" | "appendix",
  format: "pdf" | "docx",
  versionNo?: number,
) {
  const found = await loadFor(db, ctx, visitId, "protocols.read");
  const row = await repo.findProtocol(db, visitId);
  const sent = await repo.findVersions(db, visitId);
  let files: { pdf: Buffer; docx: Buffer; appendixPdf: Buffer | null; appendixDocx: Buffer | null };
  let label: number;
  const wanted = versionNo ?? (row?.state === "sent" ? sent[0]?.versionNo : undefined);
  const showDraft =
    wanted === undefined &&
    row !== undefined &&
    (ctx.actor.role === "county" || (ctx.actor.role === "municipality" && row.state === "factualReview"));
  if (showDraft) {
    const content = await draftContent(db, found, row);
    files = await renderProtocol(
      content,
      row.state === "factualReview" ? "Utkast för sakgranskning – inte fastställt" : "Utkast – inte skickat",
    );
    label = content.versionNo;
  } else {
    const no = wanted ?? sent[0]?.versionNo;
    const stored = no === undefined ? undefined : await repo.findVersionFiles(db, visitId, no);
    if (!stored) throw NotFound(NOT_FOUND);
    files = stored;
    label = stored.versionNo;
  }
  const name = `protokoll-${found.municipalityName}-${found.visit.heldOn ?? found.visit.planned}-v${label}`;
  if (part === "appendix") {
    const content = format === "pdf" ? files.appendixPdf : files.appendixDocx;
    if (!content) throw NotFound("Protokollet har ingen hemlig bilaga.");
    const scope = await clearanceScope(db, ctx.actor, ctx.clock.today());
    if (!covers(scope, found.visit.municipalityCode))
      throw Forbidden("Den hemliga bilagan kräver behörighet att läsa sekretessbelagda uppgifter om kommunen.");
    await recordConfidentialRead(db, ctx, {
      entityType: "visitProtocol",
      entityId: visitId,
      municipality: found.visit.municipalityCode,
      parts: ["secretAppendix"],
    });
    return fileOf(content, `hemlig-bilaga-${name}`, format);
  }
  return fileOf(format === "pdf" ? files.pdf : files.docx, name, format);
}

const fileOf = (content: Buffer, name: string, format: "pdf" | "docx") => ({
  content,
  fileName: `${name}.${format}`,
  mediaType:
    format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
});
