import {
  type CorrectionOpportunity,
  type CorrectionOpportunityCreate,
  type CorrectionOpportunityAnswer,
  type SavingsNotice,
  type SavingsNoticeCreate,
  type StatementStateCode,
  correctionState,
} from "@uppsikt/core";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getMunicipality } from "../municipalities/service.js";
import * as repo from "./repository.js";

/*
 * The chance to correct wrongful use before a statement (R3.2-3): the county records what it found and the last day
 * to answer; the municipality's coordinator (or the county, for an answer that came outside the system, with its
 * date) answers; unanswered it lapses the day after its last day. And a municipality's notice of savings it cannot
 * use (R3.3-3), which the county raises to the agency as a statement initiated by the municipality.
 */

const NOT_FOUND = "Möjligheten att rätta finns inte.";

async function toOpportunity(db: Db, rows: repo.OpportunityRow[], today: string): Promise<CorrectionOpportunity[]> {
  const [names, places] = await Promise.all([
    repo.userNames(
      db,
      rows.flatMap((r) => [r.createdBy, r.answeredBy]),
    ),
    repo.findMunicipalityNames(db, [...new Set(rows.map((r) => r.municipalityCode))]),
  ]);
  return rows.map((o) => ({
    id: o.id,
    municipality: { code: o.municipalityCode, name: places.get(o.municipalityCode)?.name ?? o.municipalityCode },
    description: o.description,
    offeredOn: o.offeredOn,
    lapsesOn: o.lapsesOn,
    state: correctionState(o, today),
    answer:
      o.answeredOn !== null
        ? {
            text: o.answerText ?? "",
            answeredOn: o.answeredOn,
            by: { id: o.answeredBy ?? "", name: o.answeredBy ? (names.get(o.answeredBy) ?? "") : "" },
          }
        : null,
    createdBy: { id: o.createdBy, name: names.get(o.createdBy) ?? "" },
    createdAt: o.createdAt.toISOString(),
  }));
}

export async function listOpportunities(db: Db, ctx: ActorContext, code: string) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "correctionOpportunities.read", { county: municipality.county.code, municipality: code });
  const items = await toOpportunity(db, await repo.findOpportunities(db, code), ctx.clock.today());
  return { items, total: items.length };
}

export async function createOpportunity(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: CorrectionOpportunityCreate,
): Promise<CorrectionOpportunity> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "correctionOpportunities.write", { county: municipality.county.code, municipality: code });
  if (input.offeredOn > ctx.clock.today())
    throw Invalid("Dagen möjligheten gavs kan inte vara efter i dag.", {
      issues: [{ path: "offeredOn", message: "Datumet är i framtiden." }],
    });
  const row = await db.transaction(async (tx) => {
    const row = await repo.insertOpportunity(tx, {
      municipalityCode: code,
      description: input.description,
      offeredOn: input.offeredOn,
      lapsesOn: input.lapsesOn,
      createdBy: ctx.actor.id,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "correctionOpportunities.create",
      entityType: "correctionOpportunity",
      entityId: row.id,
      after: {
        municipality: code,
        offeredOn: input.offeredOn,
        lapsesOn: input.lapsesOn,
        descriptionLength: input.description.length,
      },
    });
    return row;
  });
  return (await toOpportunity(db, [row], ctx.clock.today()))[0]!;
}

/** The municipality answers (today) while the chance is open; the county records an answer with its date. */
export async function answerOpportunity(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: z.output<typeof CorrectionOpportunityAnswer>,
): Promise<CorrectionOpportunity> {
  const found = await repo.findOpportunity(db, id);
  if (!found) throw NotFound(NOT_FOUND);
  authorize(ctx.actor, "correctionOpportunities.answer", {
    county: found.municipalityCode.slice(0, 2),
    municipality: found.municipalityCode,
  });
  const today = ctx.clock.today();
  const byCounty = ctx.actor.role === "county";
  const answeredOn = byCounty ? (input.answeredOn ?? today) : today;
  if (answeredOn > today)
    throw Invalid("Svarsdagen kan inte vara efter i dag.", {
      issues: [{ path: "answeredOn", message: "Datumet är i framtiden." }],
    });
  if (answeredOn < found.offeredOn)
    throw Invalid("Svarsdagen kan inte vara före den dag möjligheten gavs.", {
      issues: [{ path: "answeredOn", message: "Datumet är före möjligheten." }],
    });
  await db.transaction(async (tx) => {
    const o = await repo.lockOpportunity(tx, id);
    if (!o) throw NotFound(NOT_FOUND);
    const state = correctionState(o, today);
    if (state === "answered") throw Conflict("Möjligheten att rätta är redan besvarad.");
    if (state === "lapsed" && !byCounty)
      throw Conflict(`Möjligheten att rätta löpte ut ${o.lapsesOn}. Kontakta länsstyrelsen.`);
    await repo.answerOpportunity(tx, id, { answerText: input.text, answeredOn, answeredBy: ctx.actor.id });
    await recordAudit(tx, ctx, {
      action: "correctionOpportunities.answer",
      entityType: "correctionOpportunity",
      entityId: id,
      before: { state },
      after: { state: "answered", answeredOn, municipality: o.municipalityCode, textLength: input.text.length },
    });
  });
  return (await toOpportunity(db, [(await repo.findOpportunity(db, id))!], today))[0]!;
}

// ---- Savings notices (R3.3-3) ----

type NoticeRows = Awaited<ReturnType<typeof repo.findNotices>>;

async function toNotices(db: Db, rows: NoticeRows): Promise<SavingsNotice[]> {
  const [names, places] = await Promise.all([
    repo.userNames(
      db,
      rows.map((r) => r.n.createdBy),
    ),
    repo.findMunicipalityNames(db, [...new Set(rows.map((r) => r.n.municipalityCode))]),
  ]);
  return rows.map(({ n, statementId, statementState }) => ({
    id: n.id,
    municipality: { code: n.municipalityCode, name: places.get(n.municipalityCode)?.name ?? n.municipalityCode },
    text: n.text,
    amount: n.amount,
    createdOn: n.createdOn,
    createdBy: { id: n.createdBy, name: names.get(n.createdBy) ?? "" },
    statement: statementId ? { id: statementId, status: statementState as StatementStateCode } : null,
  }));
}

export async function listNotices(db: Db, ctx: ActorContext, code: string) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "savingsNotices.read", { county: municipality.county.code, municipality: code });
  const rows = await repo.findNotices(db, code);
  // The municipality learns of a statement only once it is sent.
  const visible =
    ctx.actor.role === "county"
      ? rows
      : rows.map((r) => (r.statementState === "sent" ? r : { ...r, statementId: null, statementState: null }));
  const items = await toNotices(db, visible);
  return { items, total: items.length };
}

/** The notices of the county's municipalities in one query (a municipality's users see their own). */
export async function listCountyNotices(db: Db, ctx: ActorContext, county: string) {
  authorize(ctx.actor, "savingsNotices.read", { county });
  if (!(await repo.findCounty(db, county))) throw NotFound("Länet finns inte.");
  const own = ctx.actor.role === "municipality" ? ctx.actor.municipality : null;
  const rows = await repo.findCountyNotices(db, county, own);
  const visible =
    ctx.actor.role === "county"
      ? rows
      : rows.map((r) => (r.statementState === "sent" ? r : { ...r, statementId: null, statementState: null }));
  const items = await toNotices(db, visible);
  return { items, total: items.length };
}

/** A municipality's coordinator notifies the county of savings it cannot use. */
export async function createNotice(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: SavingsNoticeCreate,
): Promise<SavingsNotice> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "savingsNotices.write", { county: municipality.county.code, municipality: code });
  const row = await db.transaction(async (tx) => {
    const row = await repo.insertNotice(tx, {
      municipalityCode: code,
      text: input.text,
      amount: input.amount,
      createdOn: ctx.clock.today(),
      createdBy: ctx.actor.id,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: "savingsNotices.create",
      entityType: "savingsNotice",
      entityId: row.id,
      after: { municipality: code, amount: input.amount, textLength: input.text.length },
    });
    return row;
  });
  return (await toNotices(db, [{ n: row, statementId: null, statementState: null }]))[0]!;
}
