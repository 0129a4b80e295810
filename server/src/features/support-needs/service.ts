import {
  type AnnualFormDefinition,
  type Answers,
  type SupportNeedInput,
  type SupportNeeds,
  annualReportState,
  rankSupportNeeds,
  savingsShare,
  stockholmDate,
  yearOf,
  yearTotals,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { documentMatrix } from "../documents/service.js";
import { amountAccess } from "../economy/access.js";
import { FIRST_ECONOMY_YEAR, savingsFigures } from "../economy/figures.js";
import { flagsOf } from "../economy/service.js";
import { type NationalRulesReader, nationalRulesReader } from "../national-rules/rules-on.js";
import { warningAnswers, worseAnswers } from "./answers.js";
import * as repo from "./repository.js";

/*
 * Who needs support (R2.4-3, R2.2-6): the facts of every municipality of the county, read in a few batch queries,
 * ranked by core's rule with the national weights in force today.
 */

type Reports = Awaited<ReturnType<typeof repo.findReports>>;

/** The year read when none is asked for: the latest whose published form's deadline has passed, else last year. */
async function defaultYear(db: Db, today: string) {
  return (await repo.latestDueYear(db, today)) ?? yearOf(today) - 1;
}

/** Per municipality and year: its report and rounds (in order). */
function reportsBy(data: Reports) {
  const rounds = new Map<string, Reports["rounds"]>();
  for (const r of data.rounds) rounds.set(r.reportId, [...(rounds.get(r.reportId) ?? []), r]);
  const by = new Map(
    data.reports.map((r) => [`${r.municipalityCode}:${r.year}`, { report: r, rounds: rounds.get(r.id) ?? [] }]),
  );
  return (code: string, year: number) => by.get(`${code}:${year}`);
}

const lastAnswers = (rounds: Reports["rounds"] | undefined): Answers | null => rounds?.at(-1)?.answers ?? null;

const countBy = (rows: { municipalityCode: string }[]) => {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.municipalityCode, (by.get(r.municipalityCode) ?? 0) + 1);
  return by;
};

async function economyFacts(
  db: Db,
  ctx: ActorContext,
  codes: string[],
  year: number,
  detections: Awaited<ReturnType<typeof repo.findOpenDetections>>,
  reader: NationalRulesReader,
) {
  const toYear = Math.max(year, ...detections.map((d) => d.judgedYear), FIRST_ECONOMY_YEAR);
  const figures = await savingsFigures(db, codes, toYear, reader);
  const years = [year, ...detections.map((d) => d.judgedYear)];
  const anyConfidential = [...figures.values()].some((f) => years.some((y) => f.hasConfidentialIn(y)));
  const access = await amountAccess(db, ctx.actor, codes, ctx.clock.today(), anyConfidential);
  const costs = new Map<string, SupportNeedInput["notEligibleCosts"]>();
  for (const code of codes) {
    const f = figures.get(code);
    if (!f || year < FIRST_ECONOMY_YEAR) continue;
    const flags = (await flagsOf(f, year, year, code, access, reader)).filter((c) => c.eligibility === "notEligible");
    costs.set(
      code,
      flags.map((c) => ({ year: c.year, category: c.categoryName, amount: c.amount })),
    );
    const basis = f.parts.find((p) => p.confidentialBasis && flags.some((c) => c.part === p.code))?.confidentialBasis;
    if (basis && flags.some((c) => c.amount !== null))
      await recordConfidentialRead(db, ctx, {
        entityType: "compensationAmount",
        entityId: code,
        municipality: code,
        parts: ["amounts"],
        basis,
      });
  }
  const savings = new Map<string, SupportNeedInput["largeSavings"]>();
  for (const d of detections) {
    const f = figures.get(d.municipalityCode);
    const hidden = !f || (f.hasConfidentialIn(d.judgedYear) && !access.canRead(d.municipalityCode));
    savings.set(d.municipalityCode, {
      share: hidden ? null : savingsShare(yearTotals(f.rows, d.judgedYear)),
      detectedOn: d.detectedOn,
    });
  }
  return { costs, savings };
}

/** Required documents of the current mandate period that are missing or late, by the documents' own status rule. */
async function documentFacts(db: Db, ctx: ActorContext, county: string) {
  const matrix = await documentMatrix(db, ctx, county, {});
  const names = new Map(matrix.types.map((t) => [t.id, t.name]));
  const by = new Map<string, { missing: { documentType: string }[]; late: { documentType: string }[] }>();
  for (const row of matrix.rows) {
    const pick = (flag: "missing" | "late") =>
      row.cells.filter((c) => c.flags.includes(flag)).map((c) => ({ documentType: names.get(c.type) ?? c.type }));
    by.set(row.municipality.code, { missing: pick("missing"), late: pick("late") });
  }
  return by;
}

export async function supportNeeds(
  db: Db,
  ctx: ActorContext,
  county: string,
  query: { year?: number | undefined },
): Promise<SupportNeeds> {
  authorize(ctx.actor, "supportNeeds.read", { county });
  if (!(await repo.countyExists(db, county))) throw NotFound("Länet finns inte.");
  const today = ctx.clock.today();
  const year = query.year ?? (await defaultYear(db, today));
  const reader = nationalRulesReader(db);
  const weights = (await reader.on(today)).rules.supportNeedWeights;
  const refs = await repo.findMunicipalities(db, county);
  const codes = refs.map((r) => r.code);
  const [forms, reports, detections, lateActions, openWarnings, documents] = await Promise.all([
    repo.findPublishedForms(db, [year]),
    repo.findReports(db, codes, [year, year - 1]),
    repo.findOpenDetections(db, codes),
    repo.findLateActions(db, codes, today),
    repo.findOpenWarnings(db, codes),
    documentFacts(db, ctx, county),
  ]);
  const economy = await economyFacts(db, ctx, codes, year, detections, reader);
  const formById = new Map(forms.map((f) => [f.id, f]));
  const latestForm = forms[0];
  const reportOf = reportsBy(reports);
  const actionsBy = countBy(lateActions);
  const warningsBy = countBy(openWarnings);

  const inputs = refs.map((m): SupportNeedInput => {
    const current = reportOf(m.code, year);
    const form = (current && formById.get(current.report.formId)) ?? latestForm;
    const state = form
      ? annualReportState(
          {
            started: current !== undefined,
            savedOn: current ? stockholmDate(current.report.updatedAt) : null,
            rounds: (current?.rounds ?? []).map((r) => ({
              submittedOn: r.submittedOn,
              returnedOn: r.returnedOn,
              acceptedOn: r.acceptedOn,
            })),
          },
          form.deadline,
          today,
        )
      : null;
    const answers = lastAnswers(current?.rounds);
    const definition: AnnualFormDefinition | undefined = form?.definition;
    const docs = documents.get(m.code);
    return {
      municipality: m,
      year,
      report: state && form ? { ...state, deadline: form.deadline } : null,
      warningAnswers: definition && answers ? warningAnswers(definition, answers) : [],
      worseAnswers:
        definition && answers ? worseAnswers(definition, answers, lastAnswers(reportOf(m.code, year - 1)?.rounds)) : [],
      notEligibleCosts: economy.costs.get(m.code) ?? [],
      largeSavings: economy.savings.get(m.code) ?? null,
      documentsMissing: docs?.missing ?? [],
      documentsLate: docs?.late ?? [],
      overdueActions: actionsBy.get(m.code) ?? 0,
      openEarlyWarnings: warningsBy.get(m.code) ?? 0,
    };
  });
  return {
    year,
    weights: weights.value,
    weightsSource: weights.source ?? null,
    items: rankSupportNeeds(inputs, weights.value),
  };
}
