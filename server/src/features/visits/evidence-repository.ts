import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  dialogueEntries,
  dialogueEntryMunicipalities,
  documentReviews,
  documentTypes,
  documentVersions,
  documents,
} from "../../db/schema/index.js";

/** The municipality's document versions (with their reviews) and the dialogue entries that concern it. */
export async function findEvidenceSources(db: Executor, municipalityCode: string) {
  const [versions, entries] = await Promise.all([
    db
      .select({
        versionId: documentVersions.id,
        versionNo: documentVersions.versionNo,
        decidedOn: documentVersions.decidedOn,
        period: documents.period,
        typeName: documentTypes.name,
        position: documentTypes.position,
        reviewId: documentReviews.id,
        completedAt: documentReviews.completedAt,
      })
      .from(documentVersions)
      .innerJoin(documents, eq(documents.id, documentVersions.documentId))
      .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
      .leftJoin(documentReviews, eq(documentReviews.versionId, documentVersions.id))
      .where(eq(documents.municipalityCode, municipalityCode))
      .orderBy(desc(documents.period), asc(documentTypes.position), desc(documentVersions.versionNo)),
    db
      .select({ id: dialogueEntries.id, date: dialogueEntries.date, form: dialogueEntries.form })
      .from(dialogueEntryMunicipalities)
      .innerJoin(dialogueEntries, eq(dialogueEntries.id, dialogueEntryMunicipalities.entryId))
      .where(eq(dialogueEntryMunicipalities.municipalityCode, municipalityCode))
      .orderBy(desc(dialogueEntries.date)),
  ]);
  return { versions, entries };
}
