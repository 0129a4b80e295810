import {
  type DocumentFileText,
  type DocumentItem,
  type DocumentSubmitFields,
  DocumentSubmitFields as SubmitSchema,
  type DocumentStatus,
  type DocumentTypeId,
  type MandatePeriod,
  type DecisionBody,
  type VersionStatus,
  assessDocument,
  compareSwedish,
  deadlineDate,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { clearanceScope, covers, readersOf, recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { Invalid } from "../../platform/errors.js";
import { type Upload, acceptFiles, auditedFile, openFile, storeFiles } from "../../platform/files/index.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getMunicipality, listMunicipalities } from "../municipalities/service.js";
import { documentTypesOfPeriod, nationalRulesReader } from "../national-rules/rules-on.js";
import { resolvePeriod } from "../reference/service.js";
import { type BuiltItems, type ReadContext, buildItems } from "./items.js";
import { documentFileOwner } from "./files.js";
import * as repo from "./repository.js";

async function readContext(db: Db, actor: Actor, codes: string[], today: string): Promise<ReadContext> {
  const [scope, readers] = await Promise.all([clearanceScope(db, actor, today), readersOf(db, codes, today)]);
  return { scope, readers, today };
}

/** Every read of confidential content is written to the audit log. */
async function auditConfidentialReads(
  db: Db,
  ctx: ActorContext,
  municipality: string,
  reads: BuiltItems["confidentialReads"],
) {
  for (const r of reads)
    await recordConfidentialRead(db, ctx, {
      entityType: r.entityType,
      entityId: r.entityId,
      municipality,
      parts: ["content"],
    });
}

export async function listDocuments(db: Db, ctx: ActorContext, code: string, periodId: number | undefined) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "documents.read", { county: municipality.county.code, municipality: code });
  const period = await resolvePeriod(db, ctx.clock, periodId);
  const [types, data, read] = await Promise.all([
    documentTypesOfPeriod(nationalRulesReader(db), period),
    repo.findDocumentsWithVersions(db, [code], period.id),
    readContext(db, ctx.actor, [code], ctx.clock.today()),
  ]);
  const { items, confidentialReads } = buildItems(types, period, code, data, read);
  await auditConfidentialReads(db, ctx, code, confidentialReads);
  return { period: period.id, municipality: code, items, total: items.length };
}

function parseFields(upload: Upload): DocumentSubmitFields {
  const parsed = SubmitSchema.safeParse(upload.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw Invalid(`Ogiltig indata (${issue.path.join(".") || "formuläret"}): ${issue.message}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return parsed.data;
}

/** Checked before the upload is read, so nobody outside scope gets to send 25 MB. */
export async function assertMaySubmit(db: Db, actor: Actor, code: string) {
  const municipality = await getMunicipality(db, actor, code);
  authorize(actor, "documents.submit", { county: municipality.county.code, municipality: code });
}

/** Registers a new version of a required document with its files (R2.2-2). */
export async function submitDocument(db: Db, ctx: ActorContext, code: string, upload: Upload): Promise<DocumentItem> {
  await assertMaySubmit(db, ctx.actor, code);
  const fields = parseFields(upload);
  const period = await resolvePeriod(db, ctx.clock, fields.period);
  const today = ctx.clock.today();
  const byCounty = ctx.actor.role === "county";
  // A coordinator's upload is received the day it is made; a county officer records when mail or e-mail came.
  const receivedOn = byCounty && fields.receivedOn ? fields.receivedOn : today;
  if (fields.decidedOn > today) throw Invalid("Beslutsdatum kan inte vara senare än i dag.");
  if (receivedOn > today) throw Invalid("Mottagningsdatum kan inte vara senare än i dag.");
  if (upload.files.length === 0) throw Invalid("Bifoga minst en fil (PDF, DOCX eller ODT).");
  const confidentialIndexes = new Set((fields.confidentialFiles ?? "").split(",").filter(Boolean).map(Number));
  for (const i of confidentialIndexes)
    if (i >= upload.files.length) throw Invalid(`Det finns ingen fil nummer ${i} att sekretessmarkera.`);
  if (confidentialIndexes.size > 0 && !fields.fileConfidentialBasis)
    throw Invalid("Ange sekretessgrund för de sekretessmarkerade filerna.");

  const files = await acceptFiles(upload.files, { extractText: true });
  const basisOf = (_: unknown, i: number) =>
    confidentialIndexes.has(i) ? (fields.fileConfidentialBasis ?? null) : null;

  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const doc = await repo.findOrCreateDocument(tx, code, period.id, fields.type, now);
    const versionNo = await repo.nextVersionNo(tx, doc.id);
    const versionId = await repo.insertVersion(tx, {
      documentId: doc.id,
      versionNo,
      decidedBy: fields.decidedBy,
      decidedOn: fields.decidedOn,
      receivedOn,
      registrationNumber: fields.registrationNumber || null,
      countyRegistrationNumber: byCounty ? fields.countyRegistrationNumber || null : null,
      note: fields.note || null,
      confidentialBasis: fields.confidentialBasis ?? null,
      createdBy: ctx.actor.id,
      createdAt: now,
    });
    await storeFiles(tx, documentFileOwner.kind, versionId, files, { createdAt: now, confidentialBasis: basisOf });
    await recordAudit(tx, ctx, {
      action: "documents.submit",
      entityType: "documentVersion",
      entityId: versionId,
      after: {
        municipality: code,
        period: period.id,
        type: fields.type,
        versionNo,
        decidedBy: fields.decidedBy,
        decidedOn: fields.decidedOn,
        receivedOn,
        confidential: fields.confidentialBasis ? true : undefined,
        files: files.map((f, i) => ({ ...auditedFile(f), confidential: basisOf(f, i) ? true : undefined })),
      },
    });
  });
  const list = await listDocuments(db, ctx, code, period.id);
  return list.items.find((i) => i.type === fields.type)!;
}

/** "Att granska": newly received versions for the officer's municipalities, oldest first. */
export async function reviewQueue(db: Db, ctx: ActorContext, wholeCounty: boolean) {
  authorize(ctx.actor, "documents.reviewQueue");
  const rules = nationalRulesReader(db);
  const rows = await repo.findReceivedLatestVersions(
    db,
    wholeCounty && ctx.actor.countyHead
      ? { countyCode: ctx.actor.county ?? "--" }
      : { officerId: ctx.actor.id, countyCode: ctx.actor.county ?? "--" },
  );
  const today = ctx.clock.today();
  const typesByPeriod = new Map<number, Awaited<ReturnType<typeof documentTypesOfPeriod>>>();
  for (const period of new Set(rows.map((r) => r.document.period)))
    typesByPeriod.set(period, await documentTypesOfPeriod(rules, { firstYear: period }));
  const items = rows.map((r) => {
    const type = typesByPeriod.get(r.document.period)!.find((t) => t.id === r.document.typeId)!;
    const assessment = assessDocument(
      { requiredLevel: type.requiredLevel, deadlineRule: type.deadline },
      { firstYear: r.document.period },
      today,
      {
        status: r.version.status as VersionStatus,
        decidedBy: r.version.decidedBy as DecisionBody,
        decidedOn: r.version.decidedOn,
        receivedOn: r.version.receivedOn,
      },
    );
    return {
      versionId: r.version.id,
      documentId: r.document.id,
      municipality: { code: r.document.municipalityCode, name: r.municipalityName },
      type: type.id as DocumentTypeId,
      typeName: type.name,
      period: r.document.period,
      versionNo: r.version.versionNo,
      receivedOn: r.version.receivedOn,
      status: assessment.status,
      flags: assessment.flags,
    };
  });
  return { items, total: items.length };
}

type MatrixQuery = {
  period?: number;
  status?: DocumentStatus;
  flag?: "missing" | "late" | "belowRequiredLevel";
  type?: DocumentTypeId;
  q?: string;
};

/** The county view: municipalities × document types (R2.2-6). */
export async function documentMatrix(db: Db, ctx: ActorContext, countyCode: string, query: MatrixQuery) {
  authorize(ctx.actor, "documents.matrix", { county: countyCode });
  const period: MandatePeriod = await resolvePeriod(db, ctx.clock, query.period);
  const { items: municipalities } = await listMunicipalities(db, ctx.actor, countyCode, {
    q: query.q,
    sort: "name",
    order: "asc",
    limit: 500,
    offset: 0,
  });
  const codes = municipalities.map((m) => m.code);
  const [types, data] = await Promise.all([
    documentTypesOfPeriod(nationalRulesReader(db), period),
    repo.findDocumentsWithVersions(db, codes, period.id),
  ]);
  const read: ReadContext = {
    scope: { counties: new Set(), municipalities: new Set() },
    readers: new Map(),
    today: ctx.clock.today(),
  };
  const rows = municipalities
    .map((m) => {
      const { items } = buildItems(types, period, m.code, data, read);
      return {
        municipality: { code: m.code, name: m.name },
        responsibleOfficer: m.responsibleOfficer
          ? { id: m.responsibleOfficer.id, name: m.responsibleOfficer.name }
          : null,
        cells: items.map((i) => ({ type: i.type, status: i.status, flags: i.flags, deadline: i.deadline })),
        flagged: items.filter((i) => i.flags.length > 0).length,
      };
    })
    .filter((r) =>
      r.cells.some(
        (c) =>
          (!query.type || c.type === query.type) &&
          (!query.status || c.status === query.status) &&
          (!query.flag || c.flags.includes(query.flag)),
      ),
    )
    .sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name));
  return {
    period: period.id,
    types: types.map((t) => ({ ...t, deadlineDate: deadlineDate(t.deadline, period) })),
    rows,
    total: rows.length,
  };
}

/** Full-text search in the county's documents; confidential text reaches only cleared users. */
export async function searchDocuments(
  db: Db,
  ctx: ActorContext,
  countyCode: string,
  q: { q: string; period?: number; limit: number; offset: number },
) {
  authorize(ctx.actor, "documents.search", { county: countyCode });
  const today = ctx.clock.today();
  const scope = await clearanceScope(db, ctx.actor, today);
  const { items: municipalities } = await listMunicipalities(db, ctx.actor, countyCode, {
    sort: "code",
    order: "asc",
    limit: 500,
    offset: 0,
  });
  const clearedCodes = municipalities.map((m) => m.code).filter((c) => covers(scope, c));
  const types = await repo.findDocumentTypes(db);
  const { rows, total } = await repo.searchFiles(db, {
    countyCode,
    text: q.q,
    period: q.period,
    clearedCodes,
    limit: q.limit,
    offset: q.offset,
  });
  const readers = await readersOf(db, [...new Set(rows.map((r) => r.municipalityCode))], today);
  const items = rows.map((r) => {
    const basis = r.fileBasis ?? r.versionBasis;
    return {
      fileId: r.fileId,
      fileName: r.fileName,
      versionId: r.versionId,
      municipality: { code: r.municipalityCode, name: r.municipalityName },
      type: r.typeId as DocumentTypeId,
      typeName: types.find((t) => t.id === r.typeId)?.name ?? r.typeId,
      period: r.period,
      excerpt: r.excerpt,
      confidential: basis ? { basis, readableBy: readers.get(r.municipalityCode) ?? [], canRead: true } : null,
      rank: Number(r.rank),
    };
  });
  for (const r of rows)
    if (r.fileBasis ?? r.versionBasis)
      await recordConfidentialRead(db, ctx, {
        entityType: "documentFile",
        entityId: r.fileId,
        municipality: r.municipalityCode,
        parts: ["searchExcerpt"],
      });
  return { items, total };
}

/**
 * A file's extracted text, under the same read policy as its download (scope, permission, confidentiality; a
 * confidential read is audited).
 */
export async function fileText(db: Db, ctx: ActorContext, fileId: string): Promise<DocumentFileText> {
  const file = await openFile(db, ctx, documentFileOwner.kind, fileId);
  const text = await repo.findFileText(db, fileId);
  return {
    id: file.id,
    fileName: file.fileName,
    mediaType: file.mediaType,
    textStatus: (text?.textStatus ?? "unsupported") as DocumentFileText["textStatus"],
    text: text?.text ?? null,
  };
}
