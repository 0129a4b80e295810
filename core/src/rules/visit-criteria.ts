import type { CriterionTier } from "../contracts/criteria.js";
import type { DocumentTypeId } from "../contracts/documents.js";
import type { VisitKind } from "../contracts/visits.js";

/*
 * Which criteria a visit covers (R2.7-6, R2.7-4): not all, but every area touched; the first of two visits takes
 * the documents, later visits how the plans are followed, exercises and results.
 */

export interface CriteriaAreaFacts {
  code: string;
  criteria: ReadonlyArray<{ code: string; tier: CriterionTier; documentTypes: readonly DocumentTypeId[] }>;
}

/** The areas of the visit's library version with no selected criterion, in the library's order. */
export function untouchedAreas(areas: readonly CriteriaAreaFacts[], selected: readonly string[]): string[] {
  const chosen = new Set(selected.map((c) => c.toLowerCase()));
  return areas.filter((a) => !a.criteria.some((c) => chosen.has(c.code.toLowerCase()))).map((a) => a.code);
}

/** A basic requirement before a quality measure, else the library's order. */
const pickOne = <C extends { tier: CriterionTier }>(criteria: readonly C[]): C | undefined =>
  criteria.find((c) => c.tier === "basic") ?? criteria[0];

/**
 * A proposal of criteria codes, in the library's order:
 * - `first` (of two): the criteria tied to the first visit's documents, plus one criterion per area still untouched;
 * - `later`: the criteria not tied to any document;
 * - `only`: the first visit's set plus one criterion not tied to documents per area.
 * `firstVisitDocuments`: the document types the first visit covers (RSA, steering document, training and exercise
 * plan, emergency plan in the guidance; a national value).
 */
export function proposeCriteria(
  kind: VisitKind,
  areas: readonly CriteriaAreaFacts[],
  firstVisitDocuments: readonly DocumentTypeId[],
): string[] {
  const tiedToFirst = (c: CriteriaAreaFacts["criteria"][number]) =>
    c.documentTypes.some((t) => firstVisitDocuments.includes(t));
  const notTied = (c: CriteriaAreaFacts["criteria"][number]) => c.documentTypes.length === 0;
  const chosen = new Set<string>();
  if (kind === "later") {
    for (const a of areas) for (const c of a.criteria) if (notTied(c)) chosen.add(c.code);
  } else {
    for (const a of areas) for (const c of a.criteria) if (tiedToFirst(c)) chosen.add(c.code);
    for (const a of areas) {
      if (a.criteria.some((c) => chosen.has(c.code))) continue;
      const one = pickOne(a.criteria);
      if (one) chosen.add(one.code);
    }
    if (kind === "only")
      for (const a of areas) {
        if (a.criteria.some((c) => chosen.has(c.code) && notTied(c))) continue;
        const one = pickOne(a.criteria.filter(notTied));
        if (one) chosen.add(one.code);
      }
  }
  return areas.flatMap((a) => a.criteria.filter((c) => chosen.has(c.code)).map((c) => c.code));
}
