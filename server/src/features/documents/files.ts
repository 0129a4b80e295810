import { type FileOwner, registerFileOwner } from "../../platform/files/index.js";
import * as repo from "./repository.js";

type DocumentFile = NonNullable<Awaited<ReturnType<typeof repo.findFile>>>;

/** A document version's files (document_files): text extracted; confidential by the file's or the version's basis. */
export const documentFileOwner: FileOwner<DocumentFile> = registerFileOwner<DocumentFile>({
  kind: "documentFile",
  find: repo.findFile,
  insert: (tx, { ownerId, position, file, confidentialBasis, createdAt }) =>
    repo.insertFile(tx, {
      versionId: ownerId,
      position,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      content: file.content,
      textStatus: file.text?.textStatus ?? "unsupported",
      textContent: file.text?.text ?? null,
      headings: file.text?.headings ?? [],
      confidentialBasis,
      createdAt,
    }),
  readPolicy: {
    permission: "documents.read",
    target: (f) => ({ county: f.municipalityCode.slice(0, 2), municipality: f.municipalityCode }),
    confidentialBasis: (f) => f.fileBasis ?? f.versionBasis,
  },
});
