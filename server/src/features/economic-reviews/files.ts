import { type FileOwner, registerFileOwner } from "../../platform/files/index.js";
import * as repo from "./review-repository.js";

type ReviewFile = NonNullable<Awaited<ReturnType<typeof repo.findFile>>>;

/** Attachments of an economic review (R2.5-6): own audit, external audit or other; not confidential. */
export const economicReviewFileOwner: FileOwner<ReviewFile> = registerFileOwner<ReviewFile>({
  kind: "economicReviewFile",
  find: repo.findFile,
  // The kind (ownAudit | externalAudit | other) is set by the caller after the insert; see review-service.
  insert: () => Promise.reject(new Error("Bilagor till ekonomisk granskning lagras med insertFile.")),
  readPolicy: {
    permission: "economicReviews.read",
    target: (f) => ({ county: f.countyCode, municipality: f.municipalityCode }),
    confidentialBasis: () => null,
  },
});
