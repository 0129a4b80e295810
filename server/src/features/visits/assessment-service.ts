import {
  type AgreementArea,
  type AreaResult,
  type AssessmentOverride,
  type CriterionResult,
  type CriterionTier,
  assessVisit,
  isAreaResultOf,
  isCriterionResultOf,
  isHeldStatus,
} from "@uppsikt/core";
import type { Executor } from "../../db/client.js";
import { Invalid } from "../../platform/errors.js";
import { findAreasWithCriteria } from "../criteria/repository.js";
import * as repo from "./repository.js";

/*
 * The assessment of a visit (R2.8-1, R2.1-2): a result per selected criterion on its area's scale, computed per
 * area and overall (core `assessVisit`), with the officer's overrides beside the computed values.
 */

export type LibraryAreas = Awaited<ReturnType<typeof findAreasWithCriteria>>;

export interface AssessmentInputItem {
  criterion: string;
  result: string;
  note: string;
  evidence: { kind: string; id: string }[];
}

/** Checks the items and overrides against the visit's library version and selection; returns them normalised. */
export function validateAssessment(
  areas: LibraryAreas,
  selected: readonly string[],
  items: readonly AssessmentInputItem[],
  overrides: readonly AssessmentOverride[],
) {
  const byCode = new Map<string, { code: string; area: LibraryAreas[number] }>();
  for (const area of areas) for (const c of area.criteria) byCode.set(c.code.toLowerCase(), { code: c.code, area });
  const chosen = new Set(selected.map((s) => s.toLowerCase()));
  const seen = new Set<string>();
  const fields: { field: string; message: string }[] = [];
  const normalised = items.flatMap((item, i) => {
    const found = byCode.get(item.criterion.toLowerCase());
    if (!found) {
      fields.push({
        field: `items.${i}.criterion`,
        message: `Kriteriet ${item.criterion} finns inte i besökets version.`,
      });
      return [];
    }
    if (!chosen.has(found.code.toLowerCase()))
      fields.push({ field: `items.${i}.criterion`, message: `Kriteriet ${found.code} är inte valt för besöket.` });
    if (seen.has(found.code)) fields.push({ field: `items.${i}.criterion`, message: `${found.code} står två gånger.` });
    seen.add(found.code);
    const agreementArea = found.area.agreementArea as AgreementArea;
    if (!isCriterionResultOf(agreementArea, item.result))
      fields.push({
        field: `items.${i}.result`,
        message:
          agreementArea === "civilDefence"
            ? `${found.code} hör till civilt försvar: ange påbörjat, inte påbörjat eller ej bedömt.`
            : `${found.code} hör till krisberedskap: ange uppfyllt, delvis uppfyllt, inte uppfyllt eller ej bedömt.`,
      });
    return [{ criterionCode: found.code, result: item.result, note: item.note, evidence: item.evidence }];
  });
  const areaCodes = new Map(areas.map((a) => [a.code.toLowerCase(), a]));
  const normalisedOverrides = overrides.flatMap((o, i) => {
    const area = o.area === undefined ? undefined : areaCodes.get(o.area.toLowerCase());
    if (o.area !== undefined && !area) {
      fields.push({ field: `overrides.${i}.area`, message: `Området ${o.area} finns inte i besökets version.` });
      return [];
    }
    const agreementArea = (area?.agreementArea ?? o.agreementArea) as AgreementArea;
    if (!isAreaResultOf(agreementArea, o.result))
      fields.push({ field: `overrides.${i}.result`, message: "Resultatet hör inte till den skalan." });
    return [{ ...o, area: area?.code }];
  });
  if (fields.length) throw Invalid(fields[0]!.message, fields);
  return { items: normalised, overrides: normalisedOverrides };
}

/** The computed and overridden results from stored items. */
export function resultsOf(
  areas: LibraryAreas,
  items: ReadonlyArray<{ criterionCode: string; result: string }>,
  overrides: readonly AssessmentOverride[],
) {
  const result = new Map(items.map((i) => [i.criterionCode, i.result as CriterionResult]));
  return assessVisit(
    areas.map((a) => ({
      code: a.code,
      agreementArea: a.agreementArea as AgreementArea,
      items: a.criteria.flatMap((c) =>
        result.has(c.code) ? [{ tier: c.tier as CriterionTier, result: result.get(c.code)! }] : [],
      ),
    })),
    overrides,
  );
}

/** Each municipality's overall crisis-preparedness result at its latest held visit of a period (the plan's input). */
export async function latestOverallByMunicipality(
  db: Executor,
  county: string,
  period: number,
): Promise<Map<string, AreaResult>> {
  const codes = (await repo.findCountyMunicipalities(db, county)).map((m) => m.code);
  const held = (await repo.findVisitsOf(db, codes, period)).filter((v) => isHeldStatus(v.status) && v.libraryVersionId);
  const latest = new Map<string, (typeof held)[number]>();
  for (const v of held) {
    const before = latest.get(v.municipalityCode);
    if (!before || (v.heldOn ?? "") > (before.heldOn ?? "")) latest.set(v.municipalityCode, v);
  }
  const items = await repo.findAssessmentItems(
    db,
    [...latest.values()].map((v) => v.id),
  );
  const libraries = new Map<string, LibraryAreas>();
  const out = new Map<string, AreaResult>();
  for (const [code, v] of latest) {
    const id = v.libraryVersionId!;
    if (!libraries.has(id)) libraries.set(id, await findAreasWithCriteria(db, id));
    const r = resultsOf(
      libraries.get(id)!,
      items.filter((i) => i.visitId === v.id),
      v.overrides as AssessmentOverride[],
    );
    out.set(code, r.overall.crisisPreparedness.result);
  }
  return out;
}
