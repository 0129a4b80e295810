import {
  type AwaitingFeedbackItem,
  type FeedbackSendChannel,
  webPaths,
  type DocumentTypeId,
  type FeedbackInput,
  type FeedbackView,
  type FeedbackWaiver,
  type FeedbackWaiverInput,
  compareSwedish,
  feedbackDaysWaited,
  isFeedbackOwed,
  receivedOnDueOn,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import {
  type ClearanceScope,
  clearanceScope,
  confidentialMark,
  covers,
  readersOf,
  recordConfidentialRead,
} from "../../platform/confidentiality/index.js";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { renderLetterDocx, renderLetterPdf } from "../../platform/letters/index.js";
import { authorize, inScope } from "../../platform/permissions.js";
import { getCounty, getMunicipality } from "../municipalities/service.js";
import { resolvePeriod } from "../reference/service.js";
import { feedbackLetter, feedbackLetterFileName } from "./feedback-letter.js";
import * as repo from "./feedback-repository.js";
import { documentTypesOfPeriod, nationalRulesReader } from "../national-rules/rules-on.js";
import { feedbackSentMail } from "../event-mails/mails.js";
import * as eventMails from "../event-mails/service.js";

type Row = NonNullable<Awaited<ReturnType<typeof repo.findFeedback>>>;

const NOT_FOUND = "Återkopplingen finns inte.";

const targetOf = (row: { countyCode: string; document: { municipalityCode: string } }) => ({
  county: row.countyCode,
  municipality: row.document.municipalityCode,
});

/**
 * Scope and visibility: 404 outside the actor's scope, and for a municipality user also for a draft
 * (drafts are the county's until sent; their existence is not revealed).
 */
function authorizeRead(actor: Actor, row: Row) {
  authorize(actor, "feedback.read", targetOf(row));
  if (actor.role === "municipality" && row.feedback.sentOn === null) throw NotFound(NOT_FOUND);
}

async function loadForRead(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await repo.findFeedback(db, id);
  if (!row || !inScope(actor, targetOf(row))) throw NotFound(NOT_FOUND);
  authorizeRead(actor, row);
  return row;
}

async function loadForWrite(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await repo.findFeedback(db, id);
  if (!row) throw NotFound(NOT_FOUND);
  authorize(actor, "feedback.write", targetOf(row));
  return row;
}

function toView(row: Row, scope: ClearanceScope, readers: Map<string, { id: string; name: string }[]>): FeedbackView {
  const code = row.document.municipalityCode;
  const mark = confidentialMark(row.feedback.confidentialBasis, readers.get(code) ?? [], covers(scope, code));
  const hidden = mark !== null && !mark.canRead;
  const url = `/api/v1/feedback/${row.feedback.id}/letter`;
  return {
    id: row.feedback.id,
    documentId: row.document.id,
    versionId: row.version.id,
    versionNo: row.version.versionNo,
    municipality: { code, name: row.municipalityName },
    period: row.document.period,
    type: row.document.typeId as DocumentTypeId,
    typeName: row.typeName,
    body: hidden ? null : row.feedback.body,
    countyRegistrationNumber: row.feedback.countyRegistrationNumber,
    confidential: mark,
    status: row.feedback.sentOn ? "sent" : "draft",
    sentOn: row.feedback.sentOn,
    sentBy: row.feedback.sentBy ? { id: row.feedback.sentBy, name: row.sentByName ?? "" } : null,
    author: { id: row.feedback.authorId, name: row.authorName },
    createdAt: row.feedback.createdAt.toISOString(),
    updatedAt: row.feedback.updatedAt.toISOString(),
    letter: hidden ? null : { docx: `${url}?format=docx`, pdf: `${url}?format=pdf` },
  };
}

/** Views of some feedback rows; each confidential body actually shown is logged as a read (R2.10-2). */
async function present(db: Db, ctx: ActorContext, rows: Row[]): Promise<FeedbackView[]> {
  if (rows.length === 0) return [];
  const today = ctx.clock.today();
  const codes = [...new Set(rows.map((r) => r.document.municipalityCode))];
  const [scope, readers] = await Promise.all([clearanceScope(db, ctx.actor, today), readersOf(db, codes, today)]);
  const views = rows.map((r) => toView(r, scope, readers));
  for (const [i, v] of views.entries())
    if (v.confidential?.canRead)
      await recordConfidentialRead(db, ctx, {
        entityType: "documentFeedback",
        entityId: v.id,
        municipality: v.municipality.code,
        parts: ["body"],
        basis: rows[i]!.feedback.confidentialBasis,
      });
  return views;
}

async function presentOne(db: Db, ctx: ActorContext, id: string): Promise<FeedbackView> {
  const row = await repo.findFeedback(db, id);
  if (!row) throw NotFound(NOT_FOUND);
  return (await present(db, ctx, [row]))[0]!;
}

/** Summary for the audit log: never the text itself. */
const auditSummary = (f: {
  countyRegistrationNumber: string | null;
  confidentialBasis: string | null;
  body: string;
}) => ({
  countyRegistrationNumber: f.countyRegistrationNumber,
  confidential: f.confidentialBasis !== null,
  bodyLength: f.body.length,
});

/** A county officer writes feedback on a document version; it stays a draft until marked sent (R2.3-3). */
export async function createFeedback(
  db: Db,
  ctx: ActorContext,
  versionId: string,
  input: FeedbackInput,
): Promise<FeedbackView> {
  const v = await repo.findVersionForFeedback(db, versionId);
  if (!v) throw NotFound("Dokumentversionen finns inte.");
  authorize(ctx.actor, "feedback.write", { county: v.countyCode, municipality: v.document.municipalityCode });
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertFeedback(tx, {
      documentId: v.document.id,
      versionId,
      authorId: ctx.actor.id,
      body: input.body,
      countyRegistrationNumber: input.countyRegistrationNumber,
      confidentialBasis: input.confidentialBasis,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: "feedback.create",
      entityType: "documentFeedback",
      entityId: id,
      after: {
        municipality: v.document.municipalityCode,
        period: v.document.period,
        type: v.document.typeId,
        versionId,
        versionNo: v.version.versionNo,
        ...auditSummary(input),
      },
    });
    return id;
  });
  return presentOne(db, ctx, id);
}

/** Replaces a draft; 409 once sent, 403 for confidential feedback the officer may not read. */
export async function updateFeedback(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: FeedbackInput,
): Promise<FeedbackView> {
  const row = await loadForWrite(db, ctx.actor, id);
  if (row.feedback.sentOn)
    throw Conflict(`Återkopplingen skickades ${row.feedback.sentOn} och kan inte längre ändras.`);
  if (row.feedback.confidentialBasis) {
    const scope = await clearanceScope(db, ctx.actor, ctx.clock.today());
    if (!covers(scope, row.document.municipalityCode))
      throw Forbidden(
        `Återkopplingen är sekretessbelagd (${row.feedback.confidentialBasis}). Du behöver behörighet för kommunen för att ändra den.`,
      );
  }
  await db.transaction(async (tx) => {
    const updated = await repo.updateDraft(tx, id, {
      body: input.body,
      countyRegistrationNumber: input.countyRegistrationNumber,
      confidentialBasis: input.confidentialBasis,
      updatedAt: ctx.clock.now(),
    });
    if (!updated) throw Conflict("Återkopplingen har precis markerats som skickad och kan inte längre ändras.");
    await recordAudit(tx, ctx, {
      action: "feedback.update",
      entityType: "documentFeedback",
      entityId: id,
      before: auditSummary(row.feedback),
      after: { ...auditSummary(input), bodyChanged: input.body !== row.feedback.body },
    });
  });
  return presentOne(db, ctx, id);
}

/**
 * Records the date the letter was sent: not in the future, not before the version came in.
 * Marking it sent again with the same date changes nothing; another date is a conflict.
 * With `channel: "email"` (issue 10.11) the letter goes to every coordinator of the municipality who takes such mail,
 * written in the same transaction: as PDF, or only a link when the letter has a confidential part; 409 when there
 * is no one to send it to.
 */
export async function markFeedbackSent(
  db: Db,
  ctx: ActorContext,
  id: string,
  sentOn: string,
  channel: FeedbackSendChannel = "other",
): Promise<FeedbackView> {
  const row = await loadForWrite(db, ctx.actor, id);
  if (row.feedback.sentOn === sentOn) return presentOne(db, ctx, id);
  if (row.feedback.sentOn) throw Conflict(`Återkopplingen är redan markerad som skickad ${row.feedback.sentOn}.`);
  const today = ctx.clock.today();
  if (sentOn > today) throw Invalid("Datumet då återkopplingen skickades kan inte vara senare än i dag.");
  if (sentOn < row.version.receivedOn)
    throw Invalid(`Återkopplingen kan inte ha skickats före ${row.version.receivedOn}, då dokumentet kom in.`);
  const code = row.document.municipalityCode;
  let mail: { recipients: eventMails.MailRecipient[]; pdf: Buffer | null } | null = null;
  if (channel === "email") {
    const recipients = await eventMails.receiving(db, "eventFeedbackSent", await eventMails.findCoordinators(db, code));
    if (recipients.length === 0)
      throw Conflict(
        `${row.municipalityName} har ingen beredskapssamordnare med e-postadress i Uppsikt som tar emot återkoppling med e-post. Välj ”Skickad på annat sätt” och skicka brevet själv.`,
        { field: "channel" },
      );
    // Never a letter with a confidential part in a mail: the same rule that marks the letter confidential.
    const reviewItems = await repo.findReviewItems(db, row.version.id);
    const confidentialPart =
      row.feedback.confidentialBasis !== null ||
      (row.version.confidentialBasis !== null && reviewItems.some((i) => i.comment !== null));
    const pdf = confidentialPart
      ? null
      : await renderLetterPdf(
          feedbackLetter({
            ...letterData(row, reviewItems, sentOn),
            confidentialBasis: null,
            commentsWithheldBasis: null,
          }),
        );
    mail = { recipients, pdf };
  }
  const mailed = await db.transaction(async (tx) => {
    if (!(await repo.markSent(tx, id, { sentOn, sentBy: ctx.actor.id, updatedAt: ctx.clock.now() })))
      throw Conflict("Återkopplingen har redan markerats som skickad.");
    const written = mail
      ? await eventMails.enqueueEventMails(tx, {
          kind: "eventFeedbackSent",
          entityType: "documentFeedback",
          entityId: id,
          recipients: mail.recipients,
          mail: (r) =>
            feedbackSentMail(r, {
              countyBoard: row.countyBoard,
              municipality: { code, name: row.municipalityName },
              typeName: row.typeName,
              versionNo: row.version.versionNo,
              sentOn,
              attached: mail.pdf !== null,
              path: webPaths.municipality(code, { period: row.document.period }),
            }),
          attachment: mail.pdf
            ? {
                fileName: feedbackLetterFileName(letterData(row, [], sentOn), "pdf"),
                mediaType: "application/pdf",
                content: mail.pdf,
              }
            : null,
          now: ctx.clock.now(),
        })
      : 0;
    await recordAudit(tx, ctx, {
      action: "feedback.send",
      entityType: "documentFeedback",
      entityId: id,
      before: { sentOn: null },
      after: {
        sentOn,
        municipality: code,
        versionId: row.version.id,
        channel,
        ...(mail ? { mailedTo: written, letterAttached: mail.pdf !== null } : {}),
      },
    });
    return written;
  });
  eventMails.eventMailsCommitted(mailed);
  return presentOne(db, ctx, id);
}

/** What goes into the letter; the caller decides the confidentiality fields. */
function letterData(row: Row, reviewItems: Awaited<ReturnType<typeof repo.findReviewItems>>, date: string) {
  return {
    countyBoard: row.countyBoard,
    municipalityName: row.municipalityName,
    type: row.document.typeId as DocumentTypeId,
    typeName: row.typeName,
    period: row.document.period,
    versionNo: row.version.versionNo,
    decidedBy: row.version.decidedBy,
    decidedOn: row.version.decidedOn,
    receivedOn: row.version.receivedOn,
    municipalityRegistrationNumber: row.version.registrationNumber,
    countyRegistrationNumber: row.feedback.countyRegistrationNumber ?? row.version.countyRegistrationNumber,
    body: row.feedback.body,
    authorName: row.authorName,
    date,
    draft: false,
    reviewItems,
  };
}

export async function getFeedback(db: Db, ctx: ActorContext, id: string): Promise<FeedbackView> {
  const row = await loadForRead(db, ctx.actor, id);
  return (await present(db, ctx, [row]))[0]!;
}

/** A municipality's feedback in a period: the county and the agency see drafts, the municipality only what was sent. */
export async function listMunicipalityFeedback(db: Db, ctx: ActorContext, code: string, periodId: number | undefined) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "feedback.read", { county: municipality.county.code, municipality: code });
  const period = await resolvePeriod(db, ctx.clock, periodId);
  const rows = await repo.findMunicipalityFeedback(db, {
    municipalityCode: code,
    period: period.id,
    includeDrafts: ctx.actor.role !== "municipality",
  });
  const items = await present(db, ctx, rows);
  return { items, total: items.length };
}

/** The letter as DOCX or PDF; confidential feedback only for cleared users, and each such download is logged. */
export async function feedbackLetterFile(db: Db, ctx: ActorContext, id: string, format: "docx" | "pdf") {
  const row = await loadForRead(db, ctx.actor, id);
  const code = row.document.municipalityCode;
  const basis = row.feedback.confidentialBasis;
  const versionBasis = row.version.confidentialBasis;
  const cleared = basis || versionBasis ? covers(await clearanceScope(db, ctx.actor, ctx.clock.today()), code) : true;
  if (basis && !cleared)
    throw Forbidden(
      `Återkopplingen är sekretessbelagd (${basis}). Du behöver behörighet för kommunen för att läsa den.`,
    );
  // Only a finished review goes into a letter; the comments of a confidential version's review follow its secrecy:
  // left out for a reader without clearance, logged as read for one with (R2.10-2).
  const finished = await repo.findReviewItems(db, row.version.id);
  const commented = finished.some((i) => i.comment !== null);
  const withheld = versionBasis !== null && !cleared && commented;
  const reviewItems = withheld ? finished.map((i) => ({ ...i, comment: null })) : finished;
  const confidentialComments = versionBasis !== null && !withheld && commented;
  const data = {
    ...letterData(row, reviewItems, row.feedback.sentOn ?? ctx.clock.today()),
    draft: row.feedback.sentOn === null,
    confidentialBasis: basis ?? (confidentialComments ? versionBasis : null),
    commentsWithheldBasis: withheld ? versionBasis : null,
  };
  const letter = feedbackLetter(data);
  const content = format === "docx" ? await renderLetterDocx(letter) : await renderLetterPdf(letter);
  if (basis || confidentialComments)
    await recordConfidentialRead(db, ctx, {
      entityType: "documentFeedback",
      entityId: id,
      municipality: code,
      parts: [...(basis ? ["letter"] : []), ...(confidentialComments ? ["reviewComments"] : [])],
      basis: basis ?? versionBasis,
    });
  return {
    content,
    fileName: feedbackLetterFileName(data, format),
    mediaType:
      format === "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf",
  };
}

/**
 * Documents that have waited more than `days` days for written feedback (R2.3-3): the latest version of
 * each document whose type expects feedback, with no sent feedback, oldest first.
 */
export async function awaitingFeedback(
  db: Db,
  ctx: ActorContext,
  countyCode: string,
  query: { days?: number; period?: number },
  overrideDays?: number,
) {
  authorize(ctx.actor, "feedback.awaiting", { county: countyCode });
  await getCounty(db, ctx.actor, countyCode);
  const period = await resolvePeriod(db, ctx.clock, query.period);
  const today = ctx.clock.today();
  const reader = nationalRulesReader(db);
  const [{ rules }, types] = await Promise.all([reader.on(today), documentTypesOfPeriod(reader, period)]);
  const days = query.days ?? overrideDays ?? rules.feedbackWaitDays.value;
  const feedbackTypes = new Set<string>(types.filter((t) => t.feedbackExpected).map((t) => t.id));
  const wait = { waitDays: days };
  // The rule's boundary pushed into the query: owed on `today` exactly when received before this day.
  const receivedBefore = receivedOnDueOn(today, wait);
  const facts = await repo.findFeedbackFacts(db, {
    counties: [countyCode],
    period: period.id,
    receivedBefore,
    typeIds: [...feedbackTypes],
  });
  // The query returns latest versions only; the rule decides (core `isFeedbackOwed`, shared with the watch list),
  // with whether the type expects feedback taken from the national rules.
  const rows = facts.filter((r) =>
    isFeedbackOwed(
      {
        receivedOn: r.receivedOn,
        isLatest: true,
        hasSentFeedback: Boolean(r.hasSentFeedback),
        waived: Boolean(r.waived),
      },
      { feedbackExpected: feedbackTypes.has(r.typeId) },
      wait,
      today,
    ),
  );
  const expected = types.filter((t) => t.feedbackExpected).map((t) => t.name.toLowerCase().replace("(rsa)", "(RSA)"));
  const items: (AwaitingFeedbackItem & { position: number })[] = rows.map((r) => ({
    versionId: r.versionId,
    documentId: r.documentId,
    municipality: { code: r.municipalityCode, name: r.municipalityName },
    responsibleOfficer: r.officerId ? { id: r.officerId, name: r.officerName ?? "" } : null,
    type: r.typeId as DocumentTypeId,
    typeName: r.typeName,
    period: r.period,
    versionNo: r.versionNo,
    receivedOn: r.receivedOn,
    daysWaited: feedbackDaysWaited(r.receivedOn, today),
    hasDraft: Boolean(r.hasDraft),
    // Seam for the visit plans: they will raise this for a municipality with no visit planned before the
    // period's last year, so that its documents come first (R2.3-3, R2.7-4). Until then every item is 0.
    priority: 0,
    position: r.typePosition,
  }));
  items.sort(
    (a, b) =>
      b.priority - a.priority ||
      a.receivedOn.localeCompare(b.receivedOn) ||
      compareSwedish(a.municipality.name, b.municipality.name) ||
      a.position - b.position,
  );
  return {
    period: period.id,
    days,
    rule: `Senaste versionen av ${expected.join(", ")} som kom in för mer än ${days} dagar sedan (före ${receivedBefore}) och ännu inte har fått någon skickad återkoppling.`,
    items: items.map(({ position: _position, ...i }) => i),
    total: items.length,
  };
}

/**
 * A county officer decides that no feedback will be sent on a version (issue 10.10), with the reason: it leaves the
 * watch list and the "waited long" list, audited. It does not count as feedback sent (R2.7-4's late single visit
 * still wants feedback sent). Only on the document's latest version, and not once feedback has been sent.
 */
export async function waiveFeedback(
  db: Db,
  ctx: ActorContext,
  versionId: string,
  input: FeedbackWaiverInput,
): Promise<FeedbackWaiver> {
  const v = await repo.findVersionForFeedback(db, versionId);
  if (!v || !inScope(ctx.actor, { county: v.countyCode, municipality: v.document.municipalityCode }))
    throw NotFound("Dokumentversionen finns inte.");
  authorize(ctx.actor, "feedback.write", { county: v.countyCode, municipality: v.document.municipalityCode });
  const facts = await repo.findWaiverFacts(db, versionId, v.document.id);
  if (Number(facts.latestNo) !== v.version.versionNo)
    throw Conflict(`Version ${v.version.versionNo} har ersatts av en senare version och väntar inte på återkoppling.`);
  if (facts.hasSentFeedback) throw Conflict("Återkoppling på versionen är redan skickad.");
  if (facts.waivedOn) throw Conflict("Det är redan beslutat att ingen återkoppling skickas på versionen.");
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertWaiver(tx, {
      versionId,
      reason: input.reason,
      decidedBy: ctx.actor.id,
      createdAt: now,
    });
    if (!id) throw Conflict("Det är redan beslutat att ingen återkoppling skickas på versionen.");
    await recordAudit(tx, ctx, {
      action: "feedback.waive",
      entityType: "documentVersion",
      entityId: versionId,
      before: { feedbackAwaited: true },
      after: {
        feedbackAwaited: false,
        reason: input.reason,
        municipality: v.document.municipalityCode,
        period: v.document.period,
        type: v.document.typeId,
        versionNo: v.version.versionNo,
      },
    });
    return id;
  });
  return {
    id,
    versionId,
    reason: input.reason,
    decidedBy: { id: ctx.actor.id, name: ctx.actor.name },
    createdAt: now.toISOString(),
  };
}
