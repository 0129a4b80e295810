import { Invalid } from "../../platform/errors.js";

/** A problem in an imported form file, with where it is (a YAML path and line, or an Excel sheet and cell). */
export interface FileIssue {
  location: string;
  message: string;
}

const MAX_ISSUES = 50;

/** A 400 whose message names the first problem and where it is; `details.issues` lists them (nothing is saved). */
export function refuse(summary: string, issues: FileIssue[]): never {
  const first = issues[0];
  const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : "";
  const message = first ? `${summary} ${first.location ? `${first.location}: ` : ""}${first.message}${more}` : summary;
  throw Invalid(message, { issues: issues.slice(0, MAX_ISSUES) });
}
