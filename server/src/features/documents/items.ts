import {
  type AuditEntityType,
  type ConfidentialMark,
  type DecisionBody,
  type DocumentItem,
  type DocumentTypeId,
  type DocumentVersion,
  type MandatePeriod,
  type PersonRef,
  type VersionStatus,
  assessDocument,
  isAgreedDateOverdue,
} from "@uppsikt/core";
import { type ClearanceScope, confidentialMark, covers } from "../../platform/confidentiality/index.js";
import type { PeriodDocumentType } from "../national-rules/rules-on.js";
import type { DocumentsData } from "./repository.js";

/** What the reader may see of one municipality's records. */
export interface ReadContext {
  scope: ClearanceScope;
  readers: Map<string, PersonRef[]>;
  today: string;
}

export interface BuiltItems {
  items: DocumentItem[];
  /** Confidential parts whose content this reader was shown: each is audited. */
  confidentialReads: { entityType: AuditEntityType; entityId: string }[];
}

const mark = (basis: string | null, municipality: string, read: ReadContext): ConfidentialMark | null =>
  confidentialMark(basis, read.readers.get(municipality) ?? [], covers(read.scope, municipality));

/** One item per document type for one municipality: status, flags with their rules, versions newest first. */
export function buildItems(
  types: PeriodDocumentType[],
  period: MandatePeriod,
  municipality: string,
  data: DocumentsData,
  read: ReadContext,
): BuiltItems {
  const confidentialReads: BuiltItems["confidentialReads"] = [];
  const items = types.map((type): DocumentItem => {
    const doc = data.docs.find((d) => d.municipalityCode === municipality && d.typeId === type.id);
    const versions = doc ? data.versions.filter((v) => v.version.documentId === doc.id) : [];
    const views = versions.map(({ version: v, creatorName }): DocumentVersion => {
      const versionMark = mark(v.confidentialBasis, municipality, read);
      if (versionMark?.canRead) confidentialReads.push({ entityType: "documentVersion", entityId: v.id });
      const hidden = versionMark !== null && !versionMark.canRead;
      return {
        id: v.id,
        versionNo: v.versionNo,
        decidedBy: v.decidedBy as DecisionBody,
        decidedOn: v.decidedOn,
        receivedOn: v.receivedOn,
        registrationNumber: v.registrationNumber,
        countyRegistrationNumber: v.countyRegistrationNumber,
        note: hidden ? null : v.note,
        status: v.status as VersionStatus,
        confidential: versionMark,
        createdBy: { id: v.createdBy, name: creatorName },
        createdAt: v.createdAt.toISOString(),
        files: data.files
          .filter((f) => f.versionId === v.id)
          .map((f) => {
            const fileMark = mark(f.confidentialBasis ?? v.confidentialBasis, municipality, read);
            const fileHidden = fileMark !== null && !fileMark.canRead;
            if (f.confidentialBasis && fileMark?.canRead)
              confidentialReads.push({ entityType: "documentFile", entityId: f.id });
            return {
              id: f.id,
              fileName: fileHidden ? "Sekretessbelagd fil" : f.fileName,
              mediaType: f.mediaType,
              sizeBytes: f.sizeBytes,
              textStatus: f.textStatus as DocumentVersion["files"][number]["textStatus"],
              confidential: fileMark,
              downloadUrl: `/api/v1/document-files/${f.id}/content`,
            };
          }),
      };
    });
    const latest = versions[0]?.version;
    const assessment = assessDocument(
      { requiredLevel: type.requiredLevel, deadlineRule: type.deadline },
      period,
      read.today,
      latest
        ? {
            status: latest.status as VersionStatus,
            decidedBy: latest.decidedBy as DecisionBody,
            decidedOn: latest.decidedOn,
            receivedOn: latest.receivedOn,
          }
        : null,
    );
    const followUp = data.followUps.find(
      (f) => f.followUp.municipalityCode === municipality && f.followUp.typeId === type.id,
    );
    return {
      type: type.id as DocumentTypeId,
      typeName: type.name,
      requiredLevel: type.requiredLevel as DecisionBody | null,
      ...assessment,
      documentId: doc?.id ?? null,
      versions: views,
      followUp: followUp
        ? {
            reason: followUp.followUp.reason,
            agreedDate: followUp.followUp.agreedDate,
            overdue: isAgreedDateOverdue(followUp.followUp.agreedDate, read.today),
            recordedBy: { id: followUp.followUp.recordedBy, name: followUp.recordedByName },
            updatedAt: followUp.followUp.updatedAt.toISOString(),
          }
        : null,
    };
  });
  return { items, confidentialReads };
}
