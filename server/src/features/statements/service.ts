import {
  GROUND_RULES,
  webPaths,
  type PreconditionCode,
  type Statement,
  type StatementCreate,
  type StatementGroundCode,
  type StatementListItem,
  type StatementOptions,
  type StatementSend,
  type StatementStateCode,
  type StatementUpdate,
  allows,
  correctionState,
  isStatementEditable,
  mayApproveStatement,
  maySendStatement,
  missingPreconditions,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import {
  clearanceScope,
  confidentialMark,
  covers,
  readersOf,
  recordConfidentialRead,
} from "../../platform/confidentiality/index.js";
import { AppError, Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getMunicipality } from "../municipalities/service.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { factsOf } from "../reduction-cases/facts.js";
import type { CoordinatorNotice } from "../protocols/notify.js";
import { findCoordinators } from "../protocols/repository.js";
import { openReductionCase } from "../reduction-cases/open.js";
import { resolvePeriod } from "../reference/service.js";
import { detectGrounds } from "./grounds-service.js";
import {
  ACTION_STATUS_NAMES,
  FORM_NAMES,
  type StatementFacts,
  actionsOf,
  assertLinks,
  communicationsOf,
  statementFacts,
} from "./preconditions-service.js";
import * as repo from "./repository.js";
import type { StoredGround } from "./schema.js";
import { type StatementContent, renderStatement } from "./statement-document.js";

/*
 * The county's statement to the agency (R3.1-1, R3.2-1, R3.3-3). County officers draft about their county's
 * municipalities; a county head who did not draft it approves and sends it with the county's registration number;
 * sending opens the agency's reduction case. The agency reads every sent statement, a municipality's users the sent
 * statements about their municipality; a draft or an approved statement is not found for them (404).
 */

export const NOT_FOUND = "Yttrandet finns inte.";
const STALE = "Yttrandet har ändrats av någon annan sedan du öppnade det. Ladda om och försök igen.";
const NOT_EDITABLE = "Yttrandet är godkänt eller skickat och kan inte längre ändras.";

type Head = repo.StatementHead;

/** Whether the actor may see the statement at all (else 404). */
function maySee(ctx: ActorContext, s: Pick<Head, "countyCode" | "municipalityCode" | "state">): boolean {
  const a = ctx.actor;
  if (a.role === "county") return a.county === s.countyCode;
  if (a.role === "municipality") return a.municipality === s.municipalityCode && s.state === "sent";
  if (a.role === "agency") return s.state === "sent";
  return false;
}

/** The statement, or 404 out of scope (or a draft for the agency or the municipality), 403 without the action. */
export async function loadFor(db: Db, ctx: ActorContext, id: string, action: Parameters<typeof authorize>[1]) {
  const s = await repo.findStatement(db, id);
  if (!s) throw NotFound(NOT_FOUND);
  if (ctx.actor.role !== "admin" && !maySee(ctx, s)) throw NotFound(NOT_FOUND);
  authorize(ctx.actor, action, { county: s.countyCode, municipality: s.municipalityCode });
  return s;
}

const person = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? "" } : null);

async function caseOf(db: Db, ids: string[], today: string) {
  const rows = await repo.findCaseOf(db, ids);
  const reader = nationalRulesReader(db);
  const result = new Map<string, { id: string; status: Awaited<ReturnType<typeof factsOf>>["status"] }>();
  for (const r of rows) result.set(r.statementId, { id: r.id, status: (await factsOf(reader, r.row, today)).status });
  return result;
}

/** The stored checklist of a sent statement (as it was when sent), else the live one. */
function preconditionsOf(s: Head, facts: StatementFacts) {
  const stored = s.state === "sent" ? (s.content?.preconditions as Statement["preconditions"] | undefined) : undefined;
  return stored ?? facts.results;
}

async function present(db: Db, ctx: ActorContext, s: Head): Promise<Statement> {
  const today = ctx.clock.today();
  const code = s.municipalityCode;
  const [facts, places, names, cases, notice, scope, readers] = await Promise.all([
    statementFacts(db, ctx, s),
    repo.findMunicipalityNames(db, [code]),
    repo.userNames(db, [s.draftedBy, s.approvedBy, s.sentBy]),
    caseOf(db, [s.id], today),
    s.savingsNoticeId ? repo.findNotice(db, s.savingsNoticeId) : Promise.resolve(undefined),
    clearanceScope(db, ctx.actor, today),
    readersOf(db, [code], today),
  ]);
  const place = places.get(code);
  const cleared = covers(scope, code);
  const byRef = new Map(facts.communications.map((c) => [`${c.kind}:${c.id}`, c]));
  const preconditions = preconditionsOf(s, facts);
  const actor = { id: ctx.actor.id, countyHead: ctx.actor.countyHead };
  const state = s.state as StatementStateCode;
  const county = ctx.actor.role === "county";
  const secretParts = s.secretParts.map((p) => ({
    text: cleared ? p.text : null,
    confidential: confidentialMark(p.confidentialBasis, readers.get(code) ?? [], cleared)!,
  }));
  if (cleared && s.secretParts.length)
    await recordConfidentialRead(db, ctx, {
      entityType: "statement",
      entityId: s.id,
      municipality: code,
      parts: ["secretParts"],
      basis: s.secretParts[0]!.confidentialBasis,
    });
  return {
    id: s.id,
    municipality: { code, name: place?.name ?? code },
    county: { code: s.countyCode, name: place?.countyName ?? s.countyCode },
    period: s.period,
    status: state,
    initiatedBy: s.initiatedBy as Statement["initiatedBy"],
    savingsNotice: notice ? { id: notice.id, text: notice.text, createdOn: notice.createdOn } : null,
    grounds: s.grounds.map((g) => ({
      ground: g.ground as StatementGroundCode,
      text: g.text,
      rule: GROUND_RULES[g.ground as StatementGroundCode] ?? "",
      communicatedBy: g.communicatedBy.map((r) => {
        const c = byRef.get(`${r.kind}:${r.id}`);
        return {
          kind: r.kind,
          id: r.id,
          label: c?.label ?? "Skrivelsen finns inte längre",
          date: c?.date ?? null,
          link: c?.link ?? null,
        };
      }),
    })),
    text: s.text,
    secretParts,
    actions: facts.actions
      .filter((a) => s.actionIds.includes(a.id))
      .map((a) => ({ id: a.id, text: a.text, due: a.due, status: a.status, link: a.link })),
    correctionOpportunities: facts.opportunities.map((o) => ({
      id: o.id,
      description: o.description,
      state: correctionState(o, today),
    })),
    preconditions,
    missing: preconditions.filter((p) => !p.met).map((p) => p.key),
    draftedBy: person(s.draftedBy, names)!,
    approvedBy: person(s.approvedBy, names),
    approvedOn: s.approvedOn,
    sentBy: person(s.sentBy, names),
    sentOn: s.sentOn,
    registrationNumber: s.registrationNumber,
    override: s.overrideReason
      ? { reason: s.overrideReason, missing: (s.overrideMissing ?? []) as PreconditionCode[] }
      : null,
    reductionCase: cases.get(s.id) ?? null,
    hasSecretAppendix: s.secretParts.length > 0,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    can: {
      edit: county && allows(ctx.actor, "statements.write") && isStatementEditable(state),
      approve:
        county &&
        allows(ctx.actor, "statements.approve") &&
        mayApproveStatement({ state, draftedBy: s.draftedBy }, actor),
      send:
        county && allows(ctx.actor, "statements.send") && maySendStatement({ state, draftedBy: s.draftedBy }, actor),
    },
  };
}

export async function getStatement(db: Db, ctx: ActorContext, id: string): Promise<Statement> {
  return present(db, ctx, await loadFor(db, ctx, id, "statements.read"));
}

export async function listStatements(
  db: Db,
  ctx: ActorContext,
  q: { county?: string | undefined; municipality?: string | undefined; status?: StatementStateCode | undefined },
): Promise<{ items: StatementListItem[]; total: number }> {
  authorize(ctx.actor, "statements.read");
  const a = ctx.actor;
  let county = q.county;
  let municipality = q.municipality;
  let states: StatementStateCode[] | undefined = q.status ? [q.status] : undefined;
  const empty = { items: [], total: 0 };
  if (a.role === "county") {
    if (county && county !== a.county) return empty;
    if (municipality && municipality.slice(0, 2) !== a.county) return empty;
    county = a.county ?? "";
  } else {
    if (states && !states.includes("sent")) return empty;
    states = ["sent"];
    if (a.role === "municipality") {
      if (municipality && municipality !== a.municipality) return empty;
      municipality = a.municipality ?? "";
    }
  }
  const rows = await repo.listStatements(db, { county, municipality, ...(states ? { states } : {}) });
  const [places, names, cases] = await Promise.all([
    repo.findMunicipalityNames(db, [...new Set(rows.map((r) => r.municipalityCode))]),
    repo.userNames(
      db,
      rows.map((r) => r.draftedBy),
    ),
    caseOf(
      db,
      rows.map((r) => r.id),
      ctx.clock.today(),
    ),
  ]);
  const items = rows.map((r): StatementListItem => {
    const place = places.get(r.municipalityCode);
    return {
      id: r.id,
      municipality: { code: r.municipalityCode, name: place?.name ?? r.municipalityCode },
      county: { code: r.countyCode, name: place?.countyName ?? r.countyCode },
      status: r.state as StatementStateCode,
      initiatedBy: r.initiatedBy as StatementListItem["initiatedBy"],
      grounds: r.grounds.map((g) => g.ground as StatementGroundCode),
      draftedBy: person(r.draftedBy, names)!,
      sentOn: r.sentOn,
      registrationNumber: r.registrationNumber,
      reductionCase: cases.get(r.id) ?? null,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
  return { items, total: items.length };
}

const storedGrounds = (grounds: StatementCreate["grounds"]): StoredGround[] =>
  grounds.map((g) => ({
    ground: g.ground,
    text: g.text,
    communicatedBy: g.communicatedBy.map((c) => ({ kind: c.kind, id: c.id })),
  }));

const auditedContent = (
  input: Pick<StatementCreate, "grounds" | "text" | "secretParts" | "actions" | "correctionOpportunities">,
) => ({
  grounds: input.grounds.map((g) => g.ground),
  communicatedBy: input.grounds.reduce((n, g) => n + g.communicatedBy.length, 0),
  textLength: input.text.length,
  secretParts: input.secretParts.length,
  actions: input.actions.length,
  correctionOpportunities: input.correctionOpportunities.length,
});

/** A county officer drafts a statement; from a savings notice it is initiated by the municipality (R3.3-3). */
export async function createStatement(db: Db, ctx: ActorContext, input: StatementCreate): Promise<Statement> {
  const code = input.municipality;
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "statements.write", { county: municipality.county.code, municipality: code });
  const period = await resolvePeriod(db, ctx.clock, undefined);
  if (input.savingsNotice) {
    const notice = await repo.findNotice(db, input.savingsNotice);
    if (!notice || notice.municipalityCode !== code)
      throw Invalid("Meddelandet om sparande finns inte för kommunen.", {
        issues: [{ path: "savingsNotice", message: "Okänt meddelande." }],
      });
  }
  await assertLinks(db, ctx, code, period.id, input);
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    if (input.savingsNotice) {
      await repo.lockNotice(tx, input.savingsNotice);
      if (await repo.statementOfNotice(tx, input.savingsNotice))
        throw Conflict("Ett yttrande har redan upprättats från meddelandet om sparande.");
    }
    const id = await repo.insertStatement(tx, {
      countyCode: municipality.county.code,
      municipalityCode: code,
      period: period.id,
      initiatedBy: input.savingsNotice ? "municipality" : "county",
      savingsNoticeId: input.savingsNotice,
      grounds: storedGrounds(input.grounds),
      text: input.text,
      secretParts: input.secretParts.map((p) => ({ text: p.text, confidentialBasis: p.confidentialBasis })),
      actionIds: [...new Set(input.actions)],
      opportunityIds: [...new Set(input.correctionOpportunities)],
      draftedBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
      updatedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "statements.create",
      entityType: "statement",
      entityId: id,
      after: {
        municipality: code,
        initiatedBy: input.savingsNotice ? "municipality" : "county",
        savingsNotice: input.savingsNotice,
        ...auditedContent(input),
      },
    });
    return id;
  });
  return getStatement(db, ctx, id);
}

function assertVersion(s: Head, version: number | undefined) {
  if (version !== undefined && version !== s.version) throw Conflict(STALE);
}

export async function updateStatement(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: StatementUpdate,
): Promise<Statement> {
  const found = await loadFor(db, ctx, id, "statements.write");
  if (found.initiatedBy === "county" && input.grounds.length === 0)
    throw Invalid("Välj minst en grund för yttrandet.", {
      issues: [{ path: "grounds", message: "Välj minst en grund." }],
    });
  await assertLinks(db, ctx, found.municipalityCode, found.period, input);
  // A writer not cleared for the municipality never saw the secret parts, so cannot send them back: they are kept
  // and what the writer sends is added to them.
  const cleared = covers(await clearanceScope(db, ctx.actor, ctx.clock.today()), found.municipalityCode);
  await db.transaction(async (tx) => {
    const s = await repo.lockStatement(tx, id);
    if (!s) throw NotFound(NOT_FOUND);
    assertVersion(s, input.version);
    if (!isStatementEditable(s.state as StatementStateCode)) throw Conflict(NOT_EDITABLE);
    const given = input.secretParts.map((p) => ({ text: p.text, confidentialBasis: p.confidentialBasis }));
    await repo.updateStatement(tx, id, {
      grounds: storedGrounds(input.grounds),
      text: input.text,
      secretParts: cleared ? given : [...s.secretParts, ...given],
      actionIds: [...new Set(input.actions)],
      opportunityIds: [...new Set(input.correctionOpportunities)],
      version: s.version + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "statements.update",
      entityType: "statement",
      entityId: id,
      before: auditedContent({
        grounds: s.grounds.map((g) => ({
          ground: g.ground as StatementGroundCode,
          text: g.text,
          communicatedBy: g.communicatedBy,
        })),
        text: s.text,
        secretParts: s.secretParts.map((p) => ({ text: p.text, confidentialBasis: p.confidentialBasis })),
        actions: s.actionIds,
        correctionOpportunities: s.opportunityIds,
      }),
      after: { municipality: s.municipalityCode, ...auditedContent(input) },
    });
  });
  return getStatement(db, ctx, id);
}

export const DRAFTER_MAY_NOT_APPROVE =
  "Den som har upprättat yttrandet kan inte godkänna det. En annan länsråd eller enhetschef i länet godkänner yttrandet.";

/** A county head who did not draft the statement approves it (R3.1-1). */
export async function approveStatement(
  db: Db,
  ctx: ActorContext,
  id: string,
  version: number | undefined,
): Promise<Statement> {
  await loadFor(db, ctx, id, "statements.approve");
  await db.transaction(async (tx) => {
    const s = await repo.lockStatement(tx, id);
    if (!s) throw NotFound(NOT_FOUND);
    assertVersion(s, version);
    if (s.state !== "draft")
      throw Conflict(s.state === "sent" ? "Yttrandet är redan skickat." : "Yttrandet är redan godkänt.");
    if (s.draftedBy === ctx.actor.id) throw Forbidden(DRAFTER_MAY_NOT_APPROVE);
    if (!mayApproveStatement({ state: "draft", draftedBy: s.draftedBy }, ctx.actor))
      throw Forbidden("Yttrandet godkänns av en länsråd eller enhetschef som inte har upprättat det.");
    const today = ctx.clock.today();
    await repo.updateStatement(tx, id, {
      state: "approved",
      approvedBy: ctx.actor.id,
      approvedOn: today,
      version: s.version + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "statements.approve",
      entityType: "statement",
      entityId: id,
      before: { state: "draft" },
      after: { state: "approved", approvedOn: today, municipality: s.municipalityCode },
    });
  });
  return getStatement(db, ctx, id);
}

// ---- The document ----

/** What the statement's letter is rendered from: the chosen grounds with their evidence, the history, the checklist. */
async function contentOf(
  db: Db,
  ctx: ActorContext,
  s: Head,
  agency: string,
  sending?: { registrationNumber: string; sentOn: string; sentBy: string; override: StatementContent["override"] },
): Promise<StatementContent> {
  const code = s.municipalityCode;
  const [facts, places, county, names, notice, findings] = await Promise.all([
    statementFacts(db, ctx, s),
    repo.findMunicipalityNames(db, [code]),
    repo.findCounty(db, s.countyCode),
    repo.userNames(db, [s.draftedBy, s.approvedBy]),
    s.savingsNoticeId ? repo.findNotice(db, s.savingsNoticeId) : Promise.resolve(undefined),
    s.initiatedBy === "county" ? detectGrounds(db, ctx, code) : Promise.resolve([]),
  ]);
  const byRef = new Map(facts.communications.map((c) => [`${c.kind}:${c.id}`, c]));
  const confidentialAction = "En sekretessbelagd åtgärd (se den hemliga bilagan eller åtgärdsplanen)";
  const history = [
    ...facts.communications.map((c) => ({ text: `${c.label} skickades till kommunen.`, date: c.date })),
    ...facts.dialogue.map((d) => ({ text: `Dialog med kommunen: ${FORM_NAMES[d.form] ?? d.form}.`, date: d.date })),
    ...facts.actions
      .filter((a) => a.reportedOn !== null)
      .map((a) => ({
        text: `Kommunen rapporterade åtgärden ${a.text === null ? "(sekretessbelagd)" : `”${a.text}”`} som genomförd.`,
        date: a.reportedOn,
      })),
    ...facts.opportunities.map((o) => ({
      text: `Kommunen fick möjlighet att rätta: ${o.description}${
        o.answeredOn ? ` Kommunens svar ${o.answeredOn}: ${o.answerText ?? ""}` : ` Sista dag att svara ${o.lapsesOn}.`
      }`,
      date: o.offeredOn,
    })),
  ].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  const preconditions = facts.results;
  return {
    county: county ?? { code: s.countyCode, name: s.countyCode, board: s.countyCode },
    municipality: { code, name: places.get(code)?.name ?? code },
    agency,
    initiatedBy: s.initiatedBy as StatementContent["initiatedBy"],
    savingsNotice: notice ? { text: notice.text, createdOn: notice.createdOn, amount: notice.amount } : null,
    grounds: s.grounds.map((g) => ({
      ground: g.ground as StatementGroundCode,
      text: g.text,
      communicatedBy: g.communicatedBy
        .map((r) => byRef.get(`${r.kind}:${r.id}`))
        .filter((c) => c !== undefined)
        .map((c) => ({ label: c.label, date: c.date })),
      evidence: (findings.find((f) => f.ground === g.ground)?.evidence ?? []).map((e) => ({
        text: e.text,
        date: e.date,
      })),
    })),
    text: s.text,
    history,
    actions: facts.actions.map((a) => ({
      text: a.text ?? confidentialAction,
      due: a.due,
      status: ACTION_STATUS_NAMES[a.status] ?? a.status,
    })),
    opportunities: facts.opportunities.map((o) => ({
      description: o.description,
      offeredOn: o.offeredOn,
      lapsesOn: o.lapsesOn,
      answer: o.answerText,
      answeredOn: o.answeredOn,
    })),
    preconditions: preconditions.map((p) => ({ key: p.key, applies: p.applies, met: p.met })),
    override: sending
      ? sending.override
      : s.overrideReason
        ? { reason: s.overrideReason, missing: (s.overrideMissing ?? []) as PreconditionCode[] }
        : null,
    secretParts: s.secretParts,
    draftedBy: names.get(s.draftedBy) ?? "",
    approvedBy: s.approvedBy ? (names.get(s.approvedBy) ?? "") : null,
    registrationNumber: sending?.registrationNumber ?? s.registrationNumber,
    sentOn: sending?.sentOn ?? s.sentOn ?? null,
  };
}

/** A county head sends the approved statement to the agency (R3.1-1, R3.2-1); it opens the reduction case (R3.3-1). */
export async function sendStatement(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: StatementSend,
  agency: string,
): Promise<Statement> {
  const found = await loadFor(db, ctx, id, "statements.send");
  assertVersion(found, input.version);
  if (found.state !== "approved")
    throw Conflict(
      found.state === "sent" ? "Yttrandet är redan skickat." : "Yttrandet ska godkännas innan det skickas.",
    );
  if (!maySendStatement({ state: "approved", draftedBy: found.draftedBy }, ctx.actor))
    throw Forbidden("Yttrandet skickas av en länsråd eller enhetschef som inte har upprättat det.");
  const today = ctx.clock.today();
  const sentOn = input.sentOn ?? today;
  if (sentOn > today)
    throw Invalid("Dagen yttrandet skickas kan inte vara efter i dag.", {
      issues: [{ path: "sentOn", message: "Datumet är i framtiden." }],
    });
  if (found.approvedOn && sentOn < found.approvedOn)
    throw Invalid("Yttrandet kan inte skickas före den dag det godkändes.", {
      issues: [{ path: "sentOn", message: "Datumet är före godkännandet." }],
    });
  const facts = await statementFacts(db, ctx, found);
  const missing = missingPreconditions(facts.results);
  if (missing.length > 0 && !input.override)
    throw new AppError(
      409,
      "preconditionsMissing",
      "Förutsättningar för att skicka yttrandet saknas. Skicka med ett skriftligt skäl om yttrandet ändå ska skickas.",
      { missing },
    );
  const override = missing.length > 0 && input.override ? { reason: input.override.reason, missing } : null;
  const content = await contentOf(db, ctx, found, agency, {
    registrationNumber: input.registrationNumber,
    sentOn,
    sentBy: ctx.actor.id,
    override,
  });
  const files = await renderStatement(content, null);
  await db.transaction(async (tx) => {
    const s = await repo.lockStatement(tx, id);
    if (!s) throw NotFound(NOT_FOUND);
    assertVersion(s, input.version ?? found.version);
    if (s.state !== "approved") throw Conflict("Yttrandet är redan skickat.");
    await repo.updateStatement(tx, id, {
      state: "sent",
      sentBy: ctx.actor.id,
      sentOn,
      registrationNumber: input.registrationNumber,
      overrideReason: override?.reason ?? null,
      overrideMissing: override?.missing ?? null,
      content: { ...content, secretParts: [], preconditions: facts.results } as unknown as Record<string, unknown>,
      pdf: files.pdf,
      docx: files.docx,
      appendixPdf: files.appendixPdf,
      appendixDocx: files.appendixDocx,
      version: s.version + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "statements.send",
      entityType: "statement",
      entityId: id,
      before: { state: "approved" },
      after: {
        state: "sent",
        municipality: s.municipalityCode,
        registrationNumber: input.registrationNumber,
        sentOn,
        missing,
        override,
      },
    });
    await openReductionCase(tx, ctx, { id, countyCode: s.countyCode, municipalityCode: s.municipalityCode, sentOn });
  });
  return getStatement(db, ctx, id);
}

const fileOf = (content: Buffer, name: string, format: "pdf" | "docx") => ({
  content,
  fileName: `${name}.${format}`,
  mediaType:
    format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
});

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * The statement or its secret appendix as a file: rendered on demand with a draft mark until sent, then as sent.
 * The appendix needs a clearance for the municipality (403), and each read of it is logged.
 */
export async function statementFile(
  db: Db,
  ctx: ActorContext,
  id: string,
  part: "statement" | "appendix",
  format: "pdf" | "docx",
  agency: string,
) {
  const s = await loadFor(db, ctx, id, "statements.read");
  const name = `yttrande-${slug((await repo.findMunicipalityNames(db, [s.municipalityCode])).get(s.municipalityCode)?.name ?? s.municipalityCode)}`;
  if (part === "appendix") {
    if (s.secretParts.length === 0) throw NotFound("Yttrandet har ingen hemlig bilaga.");
    const scope = await clearanceScope(db, ctx.actor, ctx.clock.today());
    if (!covers(scope, s.municipalityCode))
      throw Forbidden("Den hemliga bilagan kräver behörighet att läsa sekretessbelagda uppgifter om kommunen.");
  }
  let files: { pdf: Buffer | null; docx: Buffer | null; appendixPdf: Buffer | null; appendixDocx: Buffer | null };
  if (s.state === "sent") {
    const stored = await repo.findStatementFiles(db, id);
    if (!stored) throw NotFound(NOT_FOUND);
    files = stored;
  } else {
    const content = await contentOf(db, ctx, s, agency);
    files = await renderStatement(
      content,
      s.state === "approved" ? "Godkänt utkast – inte skickat" : "Utkast – inte skickat",
    );
  }
  if (part === "appendix") {
    const content = format === "pdf" ? files.appendixPdf : files.appendixDocx;
    if (!content) throw NotFound("Yttrandet har ingen hemlig bilaga.");
    await recordConfidentialRead(db, ctx, {
      entityType: "statement",
      entityId: id,
      municipality: s.municipalityCode,
      parts: ["secretAppendix"],
      basis: s.secretParts[0]?.confidentialBasis ?? null,
    });
    return fileOf(content, `hemlig-bilaga-${name}`, format);
  }
  const content = format === "pdf" ? files.pdf : files.docx;
  if (!content) throw NotFound(NOT_FOUND);
  return fileOf(content, name, format);
}

/** What a statement about the municipality can be linked to (the officer's choices in the form). */
export async function statementOptions(db: Db, ctx: ActorContext, code: string): Promise<StatementOptions> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "statements.write", { county: municipality.county.code, municipality: code });
  const today = ctx.clock.today();
  const period = await resolvePeriod(db, ctx.clock, undefined);
  const [communications, actions, opportunities, notices] = await Promise.all([
    communicationsOf(db, code),
    actionsOf(db, ctx, code, period.id),
    repo.findOpportunities(db, code),
    repo.findNotices(db, code),
  ]);
  return {
    communications,
    actions: actions.map((a) => ({ id: a.id, text: a.text, due: a.due, status: a.status, link: a.link })),
    correctionOpportunities: opportunities.map((o) => ({
      id: o.id,
      description: o.description,
      state: correctionState(o, today),
    })),
    savingsNotices: notices
      .filter((n) => n.statementId === null)
      .map(({ n }) => ({ id: n.id, text: n.text, createdOn: n.createdOn })),
  };
}

/** The municipality's coordinators are told that a statement about it was sent (a link, never the document). */
export async function sentNotice(db: Db, statement: Statement, agency: string): Promise<CoordinatorNotice> {
  const to = (await findCoordinators(db, statement.municipality.code)).map((c) => ({ name: c.name, address: c.email }));
  return {
    to,
    subject: `Yttrande till ${agency} om ${statement.municipality.name}`,
    text: `Länsstyrelsen har skickat ett yttrande om ${statement.municipality.name} till ${agency} (dnr ${
      statement.registrationNumber ?? ""
    }, ${statement.sentOn ?? ""}). ${agency} prövar om ersättningen ska minskas eller betalas tillbaka.`,
    link: webPaths.statement(statement.id),
  };
}
