import {
  type CompilationRow,
  type NationalCompilation,
  type Question,
  compilationColumns,
  distribution,
  flattenQuestions,
  mergeDistributions,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import * as repo from "./repository.js";

/*
 * The agency's national compilation (R1-6): every county's status from its newest forwarded version, and per question
 * of the year's current form the distribution over the nation (the merge of the counties', so its sums equal
 * theirs), per county, and the trend over earlier years for the same stable key. Only forwarded compilations count.
 */

const over = (q: Question, rows: readonly CompilationRow[]) =>
  distribution(
    q,
    rows.map((r) => r.answers[q.key]),
  );

export async function nationalCompilation(db: Db, ctx: ActorContext, year: number): Promise<NationalCompilation> {
  authorize(ctx.actor, "annualCompilations.national");
  const [forms, counties, municipalities, versions, earlier] = await Promise.all([
    repo.findPublishedForms(db, year),
    repo.findCounties(db),
    repo.findMunicipalities(db),
    repo.findNewestVersionsOfYear(db, year),
    repo.findNewestVersionsBefore(db, year),
  ]);
  const form = forms[0] ?? null;
  const byCounty = new Map(versions.map((v) => [v.countyCode, v]));
  const municipalityCount = new Map<string, number>();
  for (const m of municipalities) municipalityCount.set(m.county, (municipalityCount.get(m.county) ?? 0) + 1);

  const questions = form ? flattenQuestions(form.definition).map((f) => f.question) : [];
  const columns = form ? compilationColumns(form.definition) : [];
  const earlierYears = [...new Set(earlier.map((v) => v.year))].sort((a, b) => a - b);
  return {
    year,
    form: form ? { id: form.id, number: form.number, title: form.title } : null,
    counties: counties.map((c) => {
      const v = byCounty.get(c.code);
      return {
        county: c,
        status: v ? "forwarded" : "notForwarded",
        forwardedOn: v?.forwardedOn ?? null,
        version: v?.number ?? null,
        registrationNumber: v?.registrationNumber ?? null,
        municipalities: municipalityCount.get(c.code) ?? 0,
        accepted: v ? v.rows.filter((r) => r.status === "accepted").length : 0,
        late: v !== undefined && form !== null && v.forwardedOn > form.forwardingDeadline,
      };
    }),
    questions: questions.map((q, i) => {
      const perCounty = counties.map((c) => ({
        county: c.code,
        distribution: over(q, byCounty.get(c.code)?.rows ?? []),
      }));
      return {
        ...columns[i]!,
        nation: mergeDistributions(perCounty.map((p) => p.distribution)),
        counties: perCounty,
        trend: earlierYears
          .map((y) => ({
            year: y,
            distribution: mergeDistributions(earlier.filter((v) => v.year === y).map((v) => over(q, v.rows))),
          }))
          .filter((t) => t.distribution.answered > 0),
      };
    }),
  };
}
