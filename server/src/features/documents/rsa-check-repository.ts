import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { documentFiles } from "../../db/schema/index.js";

/** A version's files with the headings found in their text. */
export function findRsaCheckFiles(db: Executor, versionId: string) {
  return db
    .select({
      id: documentFiles.id,
      fileName: documentFiles.fileName,
      textStatus: documentFiles.textStatus,
      headings: documentFiles.headings,
      basis: documentFiles.confidentialBasis,
    })
    .from(documentFiles)
    .where(eq(documentFiles.versionId, versionId))
    .orderBy(asc(documentFiles.position));
}
