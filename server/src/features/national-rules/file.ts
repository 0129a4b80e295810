import { NATIONAL_RULES_FORMAT, type NationalRuleVersionInput, NationalRulesFile } from "@uppsikt/core";
import { parseDocument, stringify } from "yaml";
import type { z } from "zod";
import { Invalid } from "../../platform/errors.js";
import type { NationalRuleVersionRow } from "./repository.js";

/**
 * The national rules as a YAML file (`format: uppsikt-national-rules/1`): the versions, oldest first, each with
 * appliesFrom, sourceTitle, sourceDnr and rules. The same shape as the API's input, so a file round-trips.
 */
export function toYaml(rows: NationalRuleVersionRow[]): string {
  const file = {
    format: NATIONAL_RULES_FORMAT,
    versions: rows.map((r) => ({
      appliesFrom: r.appliesFrom,
      sourceTitle: r.sourceTitle,
      sourceDnr: r.sourceDnr,
      rules: r.rules,
    })),
  };
  return (
    "# Nationella regler för Uppsikt – exporterade versioner. Redigera och importera under Nationella regler.\n" +
    "# Varje värde har sin källa (source) eller är markerat som ej verifierat (unverified: true).\n" +
    stringify(file, { lineWidth: 0 })
  );
}

const pathText = (path: PropertyKey[]) => path.map(String).join(".");

/** Parses and validates a file; a refusal is a 400 in Swedish naming each field, and nothing is saved. */
export function fromYaml(text: string): z.infer<typeof NationalRulesFile>["versions"] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    throw Invalid("Filen är inte giltig YAML och har inte importerats.", [
      { field: "file", message: `YAML-tolken svarade: ${doc.errors[0]!.message.split("\n")[0]}` },
    ]);
  const parsed = NationalRulesFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: pathText(i.path) || "file",
      message:
        i.code === "unrecognized_keys"
          ? `Okänd nyckel: ${i.keys.join(", ")}${i.path.length ? ` i ${pathText(i.path)}` : ""}.`
          : `${pathText(i.path) || "Filen"}: ${i.message}`,
    }));
    throw Invalid(`Filen har inte importerats: ${details[0]!.message}`, details);
  }
  return parsed.data.versions satisfies NationalRuleVersionInput[];
}
