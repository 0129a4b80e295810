import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { documentFiles, rsaSections } from "../../db/schema/index.js";

/** The RSA disposition, in order. */
export function findRsaSections(db: Executor) {
  return db.select().from(rsaSections).orderBy(asc(rsaSections.position));
}

/** Replaces the disposition as a whole. */
export async function replaceRsaSections(db: Executor, sections: (typeof rsaSections.$inferInsert)[]) {
  await db.delete(rsaSections);
  await db.insert(rsaSections).values(sections);
}

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
