import { type FileOwner, registerFileOwner } from "../../platform/files/index.js";
import * as repo from "./actions-repository.js";

type ActionFileRow = NonNullable<Awaited<ReturnType<typeof repo.findFile>>>;

/** The files of a report of an action done (action_files): confidential by the action's ground. */
export const actionFileOwner: FileOwner<ActionFileRow> = registerFileOwner<ActionFileRow>({
  kind: "actionFile",
  find: repo.findFile,
  insert: (tx, { ownerId, position, file, confidentialBasis, createdAt }) =>
    repo.insertFile(tx, {
      eventId: ownerId,
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
    permission: "actions.read",
    target: (f) => ({ county: f.countyCode, municipality: f.municipalityCode }),
    confidentialBasis: (f) => f.confidentialBasis,
  },
});
