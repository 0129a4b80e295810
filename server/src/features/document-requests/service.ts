import type { AuditEntityType } from "@uppsikt/core";
import {
  webPaths,
  type DocumentRequest,
  type DocumentRequestCreate,
  type DocumentRequestStatus,
  DocumentRequestAnswerFields,
  documentRequestStatus,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors.js";
import { type Upload, acceptFiles, auditedFile, storeFiles } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { newRequestMail, requestAnsweredMail } from "../event-mails/mails.js";
import * as eventMails from "../event-mails/service.js";
import { getMunicipality } from "../municipalities/service.js";
import { type ReadContext, markFor, readContext } from "../dialogue/read-rules.js";
import { documentRequestFileOwner } from "./files.js";
import * as repo from "./repository.js";

/*
 * Requests for further documents (begäran om underlag, R2.5-4): the county asks, the municipality's coordinator
 * answers in the system with a message and files, the county closes. The county and the municipality's users
 * (leadership too) read them. The agency asks too, only in a reduction case of that municipality (R3.3-1): it reads
 * and closes only its own case requests, never the county's (they belong to the county's dialogue).
 * A confidential request hides its subject and message, a confidential answer its message and files, from
 * readers not cleared for the municipality; an answer to a confidential request is confidential on the same
 * basis unless the coordinator gives another.
 */

const NOT_FOUND = "Begäran om underlag finns inte.";

type RequestRow = repo.RequestsData["requests"][number];
const targetOf = (r: RequestRow) => ({ county: r.countyCode, municipality: r.request.municipalityCode });

interface Read {
  entityType: AuditEntityType;
  entityId: string;
  municipality: string;
  parts: string[];
  basis: string;
}

function toView(data: repo.RequestsData, row: RequestRow, read: ReadContext, reads: Read[]): DocumentRequest {
  const r = row.request;
  const code = r.municipalityCode;
  const mark = markFor(read, r.confidentialBasis, [code]);
  const hidden = mark !== null && !mark.canRead;
  if (mark?.canRead)
    reads.push({
      entityType: "documentRequest",
      entityId: r.id,
      municipality: code,
      parts: ["message"],
      basis: mark.basis,
    });
  return {
    id: r.id,
    municipality: { code, name: row.municipalityName },
    reductionCase: r.reductionCaseId ? { id: r.reductionCaseId } : null,
    subject: hidden ? null : r.subject,
    message: hidden ? null : r.message,
    replyBy: r.replyBy,
    status: documentRequestStatus(r, read.today),
    confidential: mark,
    requestedBy: { id: r.requestedBy, name: row.requestedByName },
    requestedAt: r.requestedAt.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy ? { id: r.closedBy, name: row.closedByName ?? "" } : null,
    answers: data.answers
      .filter((a) => a.answer.requestId === r.id)
      .map(({ answer: a, answeredByName }) => {
        const answerMark = markFor(read, a.confidentialBasis, [code]);
        const answerHidden = answerMark !== null && !answerMark.canRead;
        if (answerMark?.canRead)
          reads.push({
            entityType: "documentRequestAnswer",
            entityId: a.id,
            municipality: code,
            parts: ["message", "fileNames"],
            basis: answerMark.basis,
          });
        return {
          id: a.id,
          message: answerHidden ? null : a.message,
          confidential: answerMark,
          answeredBy: { id: a.answeredBy, name: answeredByName },
          answeredAt: a.answeredAt.toISOString(),
          files: data.files
            .filter((f) => f.answerId === a.id)
            .map((f) => {
              const fileMark = markFor(read, f.confidentialBasis, [code]);
              const fileHidden = fileMark !== null && !fileMark.canRead;
              return {
                id: f.id,
                fileName: fileHidden ? "Sekretessbelagd fil" : f.fileName,
                mediaType: f.mediaType,
                sizeBytes: f.sizeBytes,
                confidential: fileMark,
                downloadUrl: `/api/v1/document-request-files/${f.id}/content`,
              };
            }),
        };
      }),
  };
}

async function present(db: Db, ctx: ActorContext, data: repo.RequestsData): Promise<DocumentRequest[]> {
  if (data.requests.length === 0) return [];
  const read = await readContext(
    db,
    ctx.actor,
    data.requests.map((r) => r.request.municipalityCode),
    ctx.clock.today(),
  );
  const reads: Read[] = [];
  const views = data.requests.map((row) => toView(data, row, read, reads));
  for (const r of reads) await recordConfidentialRead(db, ctx, r);
  return views;
}

async function load(db: Db, ctx: ActorContext, id: string): Promise<RequestRow> {
  const { requests } = await repo.findRequests(db, { id });
  const row = requests[0];
  // The agency sees only the requests of its reduction cases.
  if (!row || (ctx.actor.role === "agency" && !row.request.reductionCaseId)) throw NotFound(NOT_FOUND);
  return row;
}

async function presentOne(db: Db, ctx: ActorContext, id: string): Promise<DocumentRequest> {
  return (await present(db, ctx, await repo.findRequests(db, { id })))[0]!;
}

/** The county asks the municipality for further documents by a reply date (today or later). */
export async function createRequest(
  db: Db,
  ctx: ActorContext,
  code: string,
  input: DocumentRequestCreate,
): Promise<DocumentRequest> {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "documentRequests.write", { county: municipality.county.code, municipality: code });
  if (ctx.actor.role === "agency") {
    if (!input.reductionCase)
      throw Invalid("Myndigheten begär underlag i ett ärende: ange ärendet (reductionCase).", {
        field: "reductionCase",
      });
    const found = await repo.findReductionCase(db, input.reductionCase);
    if (!found) throw NotFound("Ärendet finns inte.");
    if (found.municipalityCode !== code) throw Invalid("Ärendet gäller en annan kommun.", { field: "reductionCase" });
  } else if (input.reductionCase)
    throw Invalid("Bara myndigheten begär underlag i ett ärende om reducerad ersättning.", { field: "reductionCase" });
  const today = ctx.clock.today();
  if (input.replyBy < today) throw Invalid("Svarsdatumet kan inte vara tidigare än i dag.");
  const { id, mailed } = await db.transaction(async (tx) => {
    const id = await repo.insertRequest(tx, {
      municipalityCode: code,
      subject: input.subject,
      message: input.message,
      replyBy: input.replyBy,
      requestedBy: ctx.actor.id,
      requestedAt: ctx.clock.now(),
      confidentialBasis: input.confidentialBasis,
      reductionCaseId: input.reductionCase,
    });
    await recordAudit(tx, ctx, {
      action: "documentRequests.create",
      entityType: "documentRequest",
      entityId: id,
      after: {
        municipality: code,
        reductionCase: input.reductionCase,
        replyBy: input.replyBy,
        confidential: input.confidentialBasis !== null,
        subjectLength: input.subject.length,
        messageLength: input.message.length,
      },
    });
    // Issue 10.11: every coordinator of the municipality is told, in this transaction.
    const mailed = await eventMails.enqueueEventMails(tx, {
      kind: "eventNewRequest",
      entityType: "documentRequest",
      entityId: id,
      recipients: await eventMails.findCoordinators(tx, code),
      mail: (r) =>
        newRequestMail(r, {
          municipality: { code, name: municipality.name },
          requestedBy:
            ctx.actor.role === "agency"
              ? `${ctx.actor.name}, myndigheten`
              : `${ctx.actor.name}, ${municipality.county.name}`,
          subject: input.confidentialBasis ? null : input.subject,
          replyBy: input.replyBy,
          path: webPaths.municipality(code, { tab: "dialogue" }),
        }),
      now: ctx.clock.now(),
    });
    return { id, mailed };
  });
  eventMails.eventMailsCommitted(mailed);
  return presentOne(db, ctx, id);
}

export async function listRequests(db: Db, ctx: ActorContext, code: string, status?: DocumentRequestStatus) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "documentRequests.read", { county: municipality.county.code, municipality: code });
  const found = await repo.findRequests(db, { municipality: code, onlyCases: ctx.actor.role === "agency" });
  const items = (await present(db, ctx, found)).filter((r) => !status || r.status === status);
  return { items, total: items.length };
}

/** The agency's requests in a reduction case (the caller has checked the case is in the reader's scope). */
export async function listCaseRequests(db: Db, ctx: ActorContext, caseId: string) {
  const found = await repo.findRequests(db, { reductionCase: caseId });
  const first = found.requests[0];
  if (first) authorize(ctx.actor, "documentRequests.read", targetOf(first));
  const items = await present(db, ctx, found);
  return { items, total: items.length };
}

/** The agency reads only the files of its own case requests (404 for the others); the read policy decides the rest. */
export async function assertMayReadFile(db: Db, ctx: ActorContext, fileId: string): Promise<void> {
  if (ctx.actor.role !== "agency") return;
  const file = await repo.findFile(db, fileId);
  if (!file?.reductionCaseId) throw NotFound("Filen finns inte.");
}

/** Checked before the upload is read: 404 outside scope, 409 when closed. */
export async function assertMayAnswer(db: Db, ctx: ActorContext, id: string): Promise<RequestRow> {
  const row = await load(db, ctx, id);
  authorize(ctx.actor, "documentRequests.answer", targetOf(row));
  if (row.request.closedAt) throw Conflict("Begäran är avslutad och kan inte längre besvaras.");
  return row;
}

function parseFields(upload: Upload): DocumentRequestAnswerFields {
  const parsed = DocumentRequestAnswerFields.safeParse(upload.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw Invalid(`Ogiltig indata (${issue.path.join(".") || "formuläret"}): ${issue.message}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return parsed.data;
}

/** The coordinator answers with a message and files (PDF, DOCX or ODT by content, at most 25 MB each). */
export async function answerRequest(db: Db, ctx: ActorContext, id: string, upload: Upload): Promise<DocumentRequest> {
  const row = await assertMayAnswer(db, ctx, id);
  const fields = parseFields(upload);
  const basis = fields.confidentialBasis ?? row.request.confidentialBasis ?? null;
  const files = await acceptFiles(upload.files, { extractText: false });
  const now = ctx.clock.now();
  const mailed = await db.transaction(async (tx) => {
    if (!(await repo.markAnswered(tx, id, now))) throw Conflict("Begäran är avslutad och kan inte längre besvaras.");
    const answerId = await repo.insertAnswer(tx, {
      requestId: id,
      message: fields.message,
      answeredBy: ctx.actor.id,
      answeredAt: now,
      confidentialBasis: basis,
    });
    await storeFiles(tx, documentRequestFileOwner.kind, answerId, files, {
      createdAt: now,
      confidentialBasis: () => basis,
    });
    await recordAudit(tx, ctx, {
      action: "documentRequests.answer",
      entityType: "documentRequest",
      entityId: id,
      after: {
        answerId,
        municipality: row.request.municipalityCode,
        confidential: basis !== null,
        messageLength: fields.message.length,
        files: files.map(auditedFile),
      },
    });
    // Issue 10.11: the municipality's responsible officer is told (the one who asked when none is assigned, and
    // always the one who asked in the agency's reduction case).
    const r = row.request;
    const officer = r.reductionCaseId ? null : await eventMails.findResponsibleOfficer(tx, r.municipalityCode);
    const recipient = officer ?? (await eventMails.findActiveUser(tx, r.requestedBy));
    return eventMails.enqueueEventMails(tx, {
      kind: "eventRequestAnswered",
      entityType: "documentRequest",
      entityId: id,
      recipients: recipient ? [recipient] : [],
      mail: (to) =>
        requestAnsweredMail(to, {
          municipality: { code: r.municipalityCode, name: row.municipalityName },
          answeredBy: ctx.actor.name,
          subject: r.confidentialBasis ? null : r.subject,
          files: files.length,
          path: r.reductionCaseId
            ? webPaths.reductionCase(r.reductionCaseId)
            : webPaths.municipality(r.municipalityCode, { tab: "dialogue" }),
        }),
      now,
    });
  });
  eventMails.eventMailsCommitted(mailed);
  return presentOne(db, ctx, id);
}

/** The county closes a request, answered or not; 409 when it already is closed. */
export async function closeRequest(db: Db, ctx: ActorContext, id: string): Promise<DocumentRequest> {
  const row = await load(db, ctx, id);
  authorize(ctx.actor, "documentRequests.write", targetOf(row));
  if (row.request.reductionCaseId && ctx.actor.role !== "agency")
    throw Forbidden("Begäran hör till myndighetens ärende och avslutas av myndigheten.");
  const already = () => Conflict("Begäran är redan avslutad.");
  if (row.request.closedAt) throw already();
  await db.transaction(async (tx) => {
    if (!(await repo.closeRequest(tx, id, ctx.clock.now(), ctx.actor.id))) throw already();
    await recordAudit(tx, ctx, {
      action: "documentRequests.close",
      entityType: "documentRequest",
      entityId: id,
      before: { status: documentRequestStatus(row.request, ctx.clock.today()) },
      after: { status: "closed", municipality: row.request.municipalityCode },
    });
  });
  return presentOne(db, ctx, id);
}
