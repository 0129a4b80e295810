import { type FileOwner, registerFileOwner } from "../../platform/files/index.js";
import * as repo from "./repository.js";

type ReportFile = NonNullable<Awaited<ReturnType<typeof repo.findFile>>>;

/** Attachments to a municipality's annual report (R2.4-2); not confidential. */
export const annualReportFileOwner: FileOwner<ReportFile> = registerFileOwner<ReportFile>({
  kind: "annualReportFile",
  find: repo.findFile,
  // Stored with insertFile by the write service (the owner row is the report, not a version).
  insert: () => Promise.reject(new Error("Bilagor till årsuppföljningen lagras med insertFile.")),
  readPolicy: {
    permission: "annualReports.read",
    target: (f) => ({ county: f.countyCode, municipality: f.municipalityCode }),
    confidentialBasis: () => null,
  },
});
