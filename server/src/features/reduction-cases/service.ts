import {
  type CaseLogEntry,
  type CaseLogEntryCreate,
  type ReductionCase,
  type ReductionCaseListItem,
  type ReductionCaseStatus,
  type ReductionCaseUpdate,
  type ReductionDecisionInput,
  type ReductionOutcomeCode,
  allows,
  outcomeHasAmount,
  splitOverParts,
} from "@uppsikt/core";
import type { Db, Tx } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { AppError, Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { amountAccess } from "../economy/access.js";
import * as economy from "../economy/repository.js";
import { type NationalRulesReader, nationalRulesReader } from "../national-rules/rules-on.js";
import { syncCompensation } from "./compensation.js";
import { type CaseFacts, factsOf } from "./facts.js";
import * as repo from "./repository.js";
import { settleReductionCases } from "./settle.js";

/*
 * The agency's reduction case (R3.3-1, R3.3-2). The agency reads every case and writes; a county reads its own
 * county's cases, a municipality's users their municipality's. The 30 April rule, the outcomes that fit, the last
 * day of appeal and legal finality come from core's rules with the national values in force.
 */

const NOT_FOUND = "Ärendet finns inte.";
const STALE = "Ärendet har ändrats av någon annan. Ladda om och försök igen.";
const OUTCOME_LABELS: Record<ReductionOutcomeCode, string> = {
  noReduction: "ingen reducering",
  reduction: "reducering",
  noRepayment: "ingen återbetalning",
  repayment: "återbetalning",
};

const targetOf = (c: repo.CaseRow) => ({ county: c.countyCode, municipality: c.municipalityCode });

async function loadData(db: Db, actor: Actor, id: string): Promise<repo.CaseData> {
  const [data] = await repo.findCases(db, { id });
  if (!data) throw NotFound(NOT_FOUND);
  authorize(actor, "reductionCases.read", targetOf(data.c));
  return data;
}

async function toView(
  db: Db,
  actor: Actor,
  data: repo.CaseData,
  facts: CaseFacts,
  today: string,
): Promise<ReductionCase> {
  const c = data.c;
  const rows = await economy.findYearAmounts(db, c.municipalityCode, facts.effect.year);
  const access = await amountAccess(
    db,
    actor,
    [c.municipalityCode],
    today,
    rows.some((r) => r.confidentialBasis !== null),
  );
  const hidden = (basis: string | null) => basis !== null && !access.canRead(c.municipalityCode);
  const outcome = (c.outcome as ReductionOutcomeCode | null) ?? null;
  return {
    id: c.id,
    version: c.version,
    municipality: { code: c.municipalityCode, name: data.municipalityName },
    county: { code: c.countyCode, name: data.countyName },
    statement: {
      id: c.statementId,
      registrationNumber: data.registrationNumber ?? "",
      sentOn: data.sentOn ?? c.receivedOn,
      initiatedBy: data.initiatedBy === "municipality" ? "municipality" : "county",
    },
    receivedOn: c.receivedOn,
    year: facts.effect.year,
    effect: facts.effect.effect,
    rule: facts.rule,
    allowedOutcomes: facts.allowedOutcomes,
    status: facts.status,
    decisionDueOn: facts.decisionDueOn,
    decision:
      outcome === null
        ? null
        : {
            outcome,
            amount: c.amount ?? 0,
            parts: c.partAmounts,
            performedShare: c.performedShare,
            reasoning: c.reasoning ?? "",
            decidedOn: c.decidedOn!,
            notifiedOn: c.notifiedOn,
            decidedBy: { id: c.decidedBy ?? "", name: data.decidedByName ?? "" },
          },
    lastAppealDay: facts.lastAppealDay,
    appeal: c.appealLodgedOn ? { lodgedOn: c.appealLodgedOn, decidedOn: c.appealDecidedOn } : null,
    legallyFinalOn: facts.legallyFinalOn,
    invoice: data.invoice
      ? {
          amount: data.invoice.amount,
          createdOn: data.invoice.createdOn,
          invoiceNumber: data.invoice.invoiceNumber,
          sentOn: data.invoice.sentOn,
        }
      : null,
    compensation: rows.map((r) => ({
      part: r.amount.partCode,
      name: r.partName,
      amount: hidden(r.confidentialBasis) ? null : r.amount.amount,
      status: r.amount.status as ReductionCase["compensation"][number]["status"],
      adjustment: hidden(r.confidentialBasis) ? null : r.amount.adjustment,
    })),
    can: { write: allows(actor, "reductionCases.write") },
    createdAt: c.createdAt.toISOString(),
  };
}

async function present(db: Db, ctx: ActorContext, id: string): Promise<ReductionCase> {
  const today = ctx.clock.today();
  const data = await loadData(db, ctx.actor, id);
  return toView(db, ctx.actor, data, await factsOf(nationalRulesReader(db), data.c, today), today);
}

export async function getCase(db: Db, ctx: ActorContext, id: string): Promise<ReductionCase> {
  await loadData(db, ctx.actor, id);
  await settleReductionCases(db, ctx.clock);
  return present(db, ctx, id);
}

export async function listCases(
  db: Db,
  ctx: ActorContext,
  query: { county?: string; status?: ReductionCaseStatus },
): Promise<{ items: ReductionCaseListItem[]; total: number }> {
  const { actor } = ctx;
  authorize(actor, "reductionCases.read");
  if (query.county) authorize(actor, "reductionCases.read", { county: query.county });
  await settleReductionCases(db, ctx.clock);
  const today = ctx.clock.today();
  const rows = await repo.findCases(db, {
    county: actor.role === "county" ? (actor.county ?? "") : query.county,
    municipality: actor.role === "municipality" ? (actor.municipality ?? "") : undefined,
  });
  const reader = nationalRulesReader(db);
  const items: ReductionCaseListItem[] = [];
  for (const data of rows) {
    if (query.county && data.c.countyCode !== query.county) continue;
    const facts = await factsOf(reader, data.c, today);
    if (query.status && facts.status !== query.status) continue;
    items.push({
      id: data.c.id,
      municipality: { code: data.c.municipalityCode, name: data.municipalityName },
      county: { code: data.c.countyCode, name: data.countyName },
      receivedOn: data.c.receivedOn,
      year: facts.effect.year,
      effect: facts.effect.effect,
      status: facts.status,
      outcome: (data.c.outcome as ReductionOutcomeCode | null) ?? null,
      decisionDueOn: facts.decisionDueOn,
      legallyFinalOn: facts.legallyFinalOn,
      initiatedBy: data.initiatedBy === "municipality" ? "municipality" : "county",
    });
  }
  return { items, total: items.length };
}

/**
 * One write to a case: locked, the version checked when given, the change made, the compensation brought in line
 * with the case (before and after by core's rules) and the change audited, all in one transaction.
 */
async function change(
  db: Db,
  ctx: ActorContext,
  id: string,
  version: number | undefined,
  apply: (
    tx: Tx,
    current: repo.CaseRow,
    facts: CaseFacts,
    reader: NationalRulesReader,
  ) => Promise<Parameters<typeof repo.updateCase>[2]>,
): Promise<ReductionCase> {
  const data = await loadData(db, ctx.actor, id);
  authorize(ctx.actor, "reductionCases.write", targetOf(data.c));
  const today = ctx.clock.today();
  await db.transaction(async (tx) => {
    const current = await repo.lockCase(tx, id);
    if (!current) throw NotFound(NOT_FOUND);
    if (version !== undefined && version !== current.version) throw Conflict(STALE);
    const reader = nationalRulesReader(tx);
    const before = await factsOf(reader, current, today);
    const values = await apply(tx, current, before, reader);
    const next = { ...current, ...values, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.id };
    if (!(await repo.updateCase(tx, current, { ...values, updatedAt: next.updatedAt, updatedBy: next.updatedBy })))
      throw Conflict(STALE);
    const after = await factsOf(reader, next, today);
    await syncCompensation(tx, ctx, current, before.forCompensation, after.forCompensation, today);
  });
  await settleReductionCases(db, ctx.clock);
  return present(db, ctx, id);
}

/** The agency corrects the date received (only before a decision; the effect follows) or the day notified. */
export async function updateCase(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: ReductionCaseUpdate,
): Promise<ReductionCase> {
  return change(db, ctx, id, input.version, async (tx, current, before) => {
    const values: Parameters<typeof repo.updateCase>[2] = {};
    if (input.receivedOn !== undefined && input.receivedOn !== current.receivedOn) {
      if (current.outcome !== null)
        throw Conflict("Datumet då yttrandet kom in kan inte ändras när ärendet är beslutat.");
      if (input.receivedOn > ctx.clock.today())
        throw Invalid("Datumet då yttrandet kom in kan inte ligga i framtiden.", { field: "receivedOn" });
      values.receivedOn = input.receivedOn;
    }
    if (input.notifiedOn !== undefined && input.notifiedOn !== current.notifiedOn) {
      if (current.outcome === null || current.decidedOn === null)
        throw Conflict("Dagen då kommunen underrättades anges när ärendet är beslutat.");
      if (input.notifiedOn !== null && input.notifiedOn < current.decidedOn)
        throw Invalid("Kommunen kan inte ha underrättats före beslutet.", { field: "notifiedOn" });
      if (before.status === "legallyFinal" || current.appealLodgedOn !== null)
        throw Conflict(
          "Dagen då kommunen underrättades kan inte ändras när beslutet överklagats eller vunnit laga kraft.",
        );
      values.notifiedOn = input.notifiedOn;
    }
    await recordAudit(tx, ctx, {
      action: "reductionCases.update",
      entityType: "reductionCase",
      entityId: id,
      before: { receivedOn: current.receivedOn, notifiedOn: current.notifiedOn, effect: before.effect.effect },
      after: { ...values, version: current.version + 1 },
    });
    return values;
  });
}

/** The agency decides: an outcome that fits the effect, an amount within the year's compensation, split over parts. */
export async function decide(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: ReductionDecisionInput,
): Promise<ReductionCase> {
  return change(db, ctx, id, input.version, async (tx, current, before) => {
    if (current.outcome !== null) throw Conflict("Ärendet är redan beslutat.");
    if (!before.allowedOutcomes.includes(input.outcome))
      throw new AppError(
        409,
        "outcomeNotAllowed",
        `Beslutet ${OUTCOME_LABELS[input.outcome]} passar inte ärendet: yttrandet kom in ${current.receivedOn}, så beslutet kan bara vara ${before.allowedOutcomes.map((o) => OUTCOME_LABELS[o]).join(" eller ")}.`,
        { allowedOutcomes: before.allowedOutcomes, field: "outcome" },
      );
    if (input.decidedOn < current.receivedOn)
      throw Invalid("Beslutet kan inte fattas innan yttrandet kom in.", { field: "decidedOn" });
    if (input.decidedOn > ctx.clock.today())
      throw Invalid("Beslutsdagen kan inte ligga i framtiden.", { field: "decidedOn" });
    const rows = await economy.findYearAmounts(tx, current.municipalityCode, before.effect.year);
    const yearParts = rows.map((r) => ({ part: r.amount.partCode, amount: r.amount.amount }));
    let parts: { part: string; amount: number }[] = [];
    let amount = 0;
    if (outcomeHasAmount(input.outcome)) {
      amount = input.amount;
      if (amount <= 0) throw Invalid("Ange ett belopp större än noll.", { field: "amount" });
      const total = yearParts.reduce((sum, p) => sum + p.amount, 0);
      if (amount > total)
        throw Invalid(`Beloppet kan inte vara större än ersättningen för ${before.effect.year}.`, { field: "amount" });
      if (input.parts && input.parts.length > 0) {
        const byPart = new Map(yearParts.map((p) => [p.part, p.amount]));
        const seen = new Set<string>();
        for (const p of input.parts) {
          if (!byPart.has(p.part))
            throw Invalid(`Delen ${p.part} har ingen ersättning för ${before.effect.year}.`, { field: "parts" });
          if (seen.has(p.part)) throw Invalid(`Delen ${p.part} finns två gånger.`, { field: "parts" });
          seen.add(p.part);
          if (p.amount > byPart.get(p.part)!)
            throw Invalid(`Beloppet för ${p.part} är större än delens ersättning.`, { field: "parts" });
        }
        if (input.parts.reduce((sum, p) => sum + p.amount, 0) !== amount)
          throw Invalid("Beloppen per del ska tillsammans bli beslutets belopp.", { field: "parts" });
        parts = input.parts.filter((p) => p.amount > 0).map((p) => ({ part: p.part, amount: p.amount }));
      } else parts = splitOverParts(amount, yearParts).filter((p) => p.amount > 0);
    }
    const values = {
      outcome: input.outcome,
      amount,
      partAmounts: parts,
      performedShare: input.performedShare,
      reasoning: input.reasoning,
      decidedOn: input.decidedOn,
      decidedBy: ctx.actor.id,
      notifiedOn: input.notifiedOn,
    };
    await recordAudit(tx, ctx, {
      action: "reductionCases.decide",
      entityType: "reductionCase",
      entityId: id,
      before: { outcome: null, effect: before.effect.effect },
      after: {
        outcome: input.outcome,
        amount,
        parts,
        performedShare: input.performedShare,
        decidedOn: input.decidedOn,
        notifiedOn: input.notifiedOn,
        reasoningLength: input.reasoning.length,
        version: current.version + 1,
      },
    });
    return values;
  });
}

export async function appealLodged(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: { version?: number; on: string },
): Promise<ReductionCase> {
  return change(db, ctx, id, input.version, async (tx, current, before) => {
    if (current.outcome === null || current.decidedOn === null)
      throw Conflict("Ärendet är inte beslutat och kan inte överklagas.");
    if (current.appealLodgedOn !== null) throw Conflict("Ett överklagande är redan registrerat.");
    if (input.on < current.decidedOn)
      throw Invalid("Beslutet kan inte ha överklagats före beslutsdagen.", { field: "on" });
    if (input.on > ctx.clock.today()) throw Invalid("Datumet kan inte ligga i framtiden.", { field: "on" });
    if (before.lastAppealDay !== null && input.on > before.lastAppealDay)
      throw Conflict(`Överklagandet kom in efter sista dag för överklagande (${before.lastAppealDay}).`);
    await recordAudit(tx, ctx, {
      action: "reductionCases.appealLodged",
      entityType: "reductionCase",
      entityId: id,
      after: { appealLodgedOn: input.on, version: current.version + 1 },
    });
    return { appealLodgedOn: input.on };
  });
}

export async function appealDecided(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: { version?: number; on: string },
): Promise<ReductionCase> {
  return change(db, ctx, id, input.version, async (tx, current) => {
    if (current.appealLodgedOn === null) throw Conflict("Inget överklagande är registrerat.");
    if (current.appealDecidedOn !== null) throw Conflict("Dagen då beslutet vann laga kraft är redan angiven.");
    if (input.on < current.appealLodgedOn)
      throw Invalid("Beslutet kan inte ha vunnit laga kraft före överklagandet.", { field: "on" });
    await recordAudit(tx, ctx, {
      action: "reductionCases.appealDecided",
      entityType: "reductionCase",
      entityId: id,
      after: { appealDecidedOn: input.on, version: current.version + 1 },
    });
    return { appealDecidedOn: input.on };
  });
}

export async function invoiceSent(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: { version?: number; invoiceNumber: string; sentOn: string },
): Promise<ReductionCase> {
  await settleReductionCases(db, ctx.clock);
  return change(db, ctx, id, input.version, async (tx, current) => {
    const invoice = await repo.findInvoice(tx, current.id);
    if (!invoice)
      throw Conflict(
        "Det finns ingen faktura i ärendet; den skapas när ett beslut om återbetalning vunnit laga kraft.",
      );
    if (invoice.sentOn !== null) throw Conflict("Fakturan är redan skickad.");
    if (input.sentOn < invoice.createdOn)
      throw Invalid("Fakturan kan inte ha skickats innan den skapades.", { field: "sentOn" });
    if (input.sentOn > ctx.clock.today()) throw Invalid("Datumet kan inte ligga i framtiden.", { field: "sentOn" });
    await repo.markInvoiceSent(tx, invoice.id, input.invoiceNumber, input.sentOn);
    await recordAudit(tx, ctx, {
      action: "reductionCases.invoiceSent",
      entityType: "repaymentInvoice",
      entityId: invoice.id,
      after: { case: current.id, invoiceNumber: input.invoiceNumber, sentOn: input.sentOn },
    });
    return {};
  });
}

// ---- The case's log (R3.3-1): read by the agency, the county and the municipality concerned ----

const toEntry = (r: NonNullable<Awaited<ReturnType<typeof repo.findLogEntry>>>): CaseLogEntry => ({
  id: r.entry.id,
  on: r.entry.on,
  form: r.entry.form as CaseLogEntry["form"],
  with: r.entry.with as CaseLogEntry["with"],
  text: r.entry.text,
  by: { id: r.entry.createdBy, name: r.byName },
  createdAt: r.entry.createdAt.toISOString(),
});

export async function listLog(db: Db, ctx: ActorContext, id: string) {
  await loadData(db, ctx.actor, id);
  const items = (await repo.findLog(db, id)).map(toEntry);
  return { items, total: items.length };
}

export async function createLogEntry(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: CaseLogEntryCreate,
): Promise<CaseLogEntry> {
  const data = await loadData(db, ctx.actor, id);
  authorize(ctx.actor, "reductionCases.write", targetOf(data.c));
  if (input.on > ctx.clock.today()) throw Invalid("Datumet kan inte ligga i framtiden.", { field: "on" });
  const entryId = await db.transaction(async (tx) => {
    const entryId = await repo.insertLogEntry(tx, {
      caseId: id,
      on: input.on,
      form: input.form,
      with: [...new Set(input.with)],
      text: input.text,
      createdBy: ctx.actor.id,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "reductionCases.logEntry",
      entityType: "reductionCaseLogEntry",
      entityId: entryId,
      after: { case: id, on: input.on, form: input.form, with: input.with, textLength: input.text.length },
    });
    return entryId;
  });
  return toEntry((await repo.findLogEntry(db, entryId))!);
}

/** The case for a scope check by another feature (the case's document requests): 404 outside the reader's scope. */
export async function caseInScope(db: Db, actor: Actor, id: string) {
  const data = await loadData(db, actor, id);
  return { id: data.c.id, municipalityCode: data.c.municipalityCode, countyCode: data.c.countyCode };
}
