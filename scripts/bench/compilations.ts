/**
 * The annual follow-up's compilations in the benchmark (issue 14): a county of 49 municipalities to Excel (budget
 * 1 s) and the nation of 290 to Excel (budget 5 s), on a fresh embedded database with synthetic reports generated
 * here (every municipality's report submitted and accepted, every county's compilation forwarded). Measured in this
 * process as the server runs them, as the median of the runs. Run alone: `npx tsx scripts/bench/compilations.ts`.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { openPglite } from "../../server/src/db/client.js";
import { migrate } from "../../server/src/db/migrate.js";
import { users } from "../../server/src/db/schema/index.js";
import { loadNationalData } from "../../server/src/db/seed/national.js";
import { SERVER_FEATURES } from "../../server/src/features/index.js";
import { insertPublishedForm } from "../../server/src/features/annual-forms/test-support.js";
import { exampleFormDefinition } from "../../server/src/features/annual-forms/example-form.js";
import { forwardCompilation, saveAssessment } from "../../server/src/features/annual-compilations/county-service.js";
import { exportCompilation } from "../../server/src/features/annual-compilations/excel-service.js";
import { exportNational } from "../../server/src/features/annual-compilations/national-export.js";
import { findMunicipalities } from "../../server/src/features/annual-compilations/repository.js";
import { insertReport, syntheticAnswers } from "../../server/src/features/annual-compilations/test-repository.js";
import type { Actor } from "../../server/src/platform/actor.js";
import { fixedClock } from "../../server/src/platform/clock.js";

const YEAR = 2026;
const RUNS = 7;
const NOW = "2027-03-20T10:00:00+01:00";

export interface CompilationFigure {
  name: string;
  ms: number;
  budgetMs: number;
  overBudget: boolean;
}

async function median(run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const actor = (row: typeof users.$inferSelect): Actor => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role as Actor["role"],
  county: row.countyCode,
  municipality: row.municipalityCode,
  countyHead: row.countyHead,
  readOnly: row.readOnly,
  sessionId: null,
});

/** Only the scenarios `chosen` picks (BENCH_SCENARIOS in main.ts). */
export async function measureCompilations(
  chosen: (name: string) => boolean = () => true,
): Promise<CompilationFigure[]> {
  const scenarios = [
    { name: "Länets sammanställning till Excel (49 kommuner)", budgetMs: 1000 },
    { name: "Riket till Excel (290 kommuner, 21 län)", budgetMs: 5000 },
  ].filter((s) => chosen(s.name));
  if (scenarios.length === 0) return [];
  const root = mkdtempSync(path.join(tmpdir(), "uppsikt-bench-compilations-"));
  const database = await openPglite(path.join(root, "pglite"));
  const clock = fixedClock(NOW);
  try {
    await migrate(database);
    await loadNationalData(database.db, clock, SERVER_FEATURES);
    const db = database.db;
    const definition = exampleFormDefinition(YEAR);
    const form = await insertPublishedForm(db, { year: YEAR, definition });
    const municipalities = await findMunicipalities(db);
    const counties = [...new Set(municipalities.map((m) => m.county))];
    const heads = new Map<string, Actor>();
    for (const county of counties) {
      const [head] = await db
        .insert(users)
        .values({
          email: `bench-${county}-${randomUUID().slice(0, 6)}@uppsikt.example`,
          name: `Enhetschef ${county}`,
          role: "county",
          countyCode: county,
          countyHead: true,
          passwordHash: "bench-user-without-password",
        })
        .returning();
      heads.set(county, actor(head!));
    }
    for (const [i, m] of municipalities.entries())
      await insertReport(db, {
        code: m.code,
        year: YEAR,
        formId: form.id,
        by: heads.get(m.county)!.id,
        rounds: [
          {
            answers: syntheticAnswers(definition, i + 1),
            costs: [
              { part: "del1-2024", category: "trainingExercises", amount: 10_000 * (i + 1), manualCompilation: false },
            ],
            submittedOn: "2027-02-10",
            acceptedOn: "2027-02-20",
          },
        ],
      });
    for (const [county, head] of heads) {
      const ctx = { actor: head, requestId: "bench", clock };
      const saved = await saveAssessment(db, ctx, county, YEAR, {
        version: 0,
        assessment: "Kommunerna har stärkt sin krisberedskap under året.",
      });
      await forwardCompilation(db, ctx, county, YEAR, {
        version: saved.version,
        registrationNumber: `Dnr 451-${county}`,
      });
    }
    const agency: Actor = { ...heads.get("14")!, role: "agency", county: null, countyHead: false };
    const out: CompilationFigure[] = [];
    for (const s of scenarios) {
      const run = s.name.startsWith("Länets")
        ? () => exportCompilation(db, { actor: heads.get("14")!, requestId: "bench", clock }, "14", YEAR)
        : () => exportNational(db, { actor: agency, requestId: "bench", clock }, YEAR);
      const ms = await median(run);
      out.push({ ...s, ms, overBudget: ms > s.budgetMs });
    }
    return out;
  } finally {
    await database.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await measureCompilations();
  for (const f of figures) console.log(`${f.name}: ${f.ms.toFixed(0)} ms (median av ${RUNS}; budget ${f.budgetMs} ms)`);
  if (figures.some((f) => f.overBudget)) process.exitCode = 1;
}
