import { type FileOwner, registerFileOwner } from "../../platform/files/index.js";
import * as repo from "./repository.js";

type RequestFile = NonNullable<Awaited<ReturnType<typeof repo.findFile>>>;

/** The files of an answer to a document request (document_request_files): no text; confidential by the answer's basis. */
export const documentRequestFileOwner: FileOwner<RequestFile> = registerFileOwner<RequestFile>({
  kind: "documentRequestFile",
  find: repo.findFile,
  insert: (tx, { ownerId, position, file, confidentialBasis, createdAt }) =>
    repo.insertFile(tx, {
      answerId: ownerId,
      position,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      content: file.content,
      confidentialBasis,
      createdAt,
    }),
  readPolicy: {
    permission: "documentRequests.read",
    target: (f) => ({ county: f.countyCode, municipality: f.municipalityCode }),
    confidentialBasis: (f) => f.confidentialBasis,
  },
});
