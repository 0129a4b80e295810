import { type AnnualFormCreate, AnnualFormCreate as FormFile } from "@uppsikt/core";
import { LineCounter, isNode, parseDocument, stringify } from "yaml";
import type { AnnualFormRow } from "./repository.js";
import { type FileIssue, refuse } from "./file-issues.js";

/*
 * A form as YAML (R2.4-1): { year, title, deadline, forwardingDeadline, example, definition }, the definition as
 * core's AnnualFormDefinition. Import refuses every problem with its YAML path and line.
 */

export const YAML_MEDIA_TYPE = "application/yaml";
const MAX_CHARS = 1_000_000;

export const formFileName = (form: Pick<AnnualFormRow, "year" | "number">, ext: string) =>
  `arsuppfoljning-${form.year}-v${form.number}.${ext}`;

export function formToYaml(form: AnnualFormRow): string {
  const file = {
    year: form.year,
    title: form.title,
    deadline: form.deadline,
    forwardingDeadline: form.forwardingDeadline,
    example: form.example,
    definition: form.definition,
  };
  return stringify(file, { lineWidth: 0 });
}

type Path = (string | number)[];

/** "definition.indicators.sections[0].questions[2].key" */
export const yamlPath = (path: Path) =>
  path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${p}` : p), "");

export function parseFormYaml(text: string): AnnualFormCreate {
  const summary = "YAML-filen innehåller fel och har inte importerats.";
  if (text.length > MAX_CHARS)
    refuse(summary, [{ location: "", message: "Filen är för stor (högst 1 000 000 tecken)." }]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0)
    refuse(
      "Filen är inte giltig YAML och har inte importerats.",
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          location: pos ? `Rad ${pos.line}, kolumn ${pos.col}` : "",
          message: `YAML-tolken svarade: ${e.message.split("\n")[0]}`,
        };
      }),
    );
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    refuse(summary, [{ location: "", message: "Filen har för många eller felaktiga alias (&/*)." }]);
  }
  const result = FormFile.safeParse(data);
  if (result.success) return result.data;
  const locate = (path: Path): string => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const line = lineCounter.linePos(node.range[0]).line;
        return `${yamlPath(path) || "Filen"} (rad ${line})`;
      }
    }
    return yamlPath(path) || "Filen";
  };
  const issues: FileIssue[] = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    return { location: locate(path), message: issue.message };
  });
  refuse(summary, issues);
}
