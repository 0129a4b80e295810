import { DIALOGUE_FORM_LABELS, type DialogueForm, type EvidenceOption } from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { Invalid } from "../../platform/errors.js";
import { findEvidenceSources } from "./evidence-repository.js";

/*
 * The evidence an assessment may link to (R2.8-1): the municipality's document versions, their reviews and the
 * dialogue entries that concern it. A label names each by type, version and date, never by its content, so a
 * confidential document or entry is named without being read.
 */

export async function evidenceOptions(db: Executor, municipalityCode: string): Promise<EvidenceOption[]> {
  const { versions, entries } = await findEvidenceSources(db, municipalityCode);
  const options: EvidenceOption[] = [];
  for (const v of versions) {
    const name = `${v.typeName} ${v.period}–${v.period + 3}, version ${v.versionNo}`;
    options.push({ kind: "documentVersion", id: v.versionId, label: `${name}, beslutad ${v.decidedOn}` });
    if (v.reviewId)
      options.push({
        kind: "documentReview",
        id: v.reviewId,
        label: `Granskning av ${name}${v.completedAt ? `, klar ${v.completedAt.toISOString().slice(0, 10)}` : ", pågår"}`,
      });
  }
  for (const e of entries)
    options.push({
      kind: "dialogueEntry",
      id: e.id,
      label: `Dialog ${e.date}, ${(DIALOGUE_FORM_LABELS[e.form as DialogueForm] ?? e.form).toLowerCase()}`,
    });
  return options;
}

const keyOf = (e: { kind: string; id: string }) => `${e.kind}:${e.id.toLowerCase()}`;

/** Refuses evidence that is not the municipality's (another municipality's document, an unknown id). */
export function checkEvidence(
  options: readonly EvidenceOption[],
  items: ReadonlyArray<{ evidence: ReadonlyArray<{ kind: string; id: string }> }>,
) {
  const known = new Set(options.map(keyOf));
  const fields: { field: string; message: string }[] = [];
  items.forEach((item, i) =>
    item.evidence.forEach((e, j) => {
      if (!known.has(keyOf(e)))
        fields.push({
          field: `items.${i}.evidence.${j}`,
          message: "Underlaget finns inte hos kommunen. Välj ett av kommunens dokument, granskningar eller dialoger.",
        });
    }),
  );
  if (fields.length) throw Invalid(fields[0]!.message, fields);
}

/** The stored links with their labels; one whose source is gone says so. */
export function labelled(options: readonly EvidenceOption[], evidence: ReadonlyArray<{ kind: string; id: string }>) {
  const byKey = new Map(options.map((o) => [keyOf(o), o]));
  return evidence.map(
    (e) =>
      byKey.get(keyOf(e)) ?? {
        kind: e.kind as EvidenceOption["kind"],
        id: e.id,
        label: "Underlaget finns inte längre",
      },
  );
}
