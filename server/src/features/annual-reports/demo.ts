import {
  type AnnualFormDefinition,
  type Answers,
  type AnswerValue,
  type GroupField,
  type Question,
  addDays,
  flattenQuestions,
  yearOf,
} from "@uppsikt/core";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { municipalities, users } from "../../db/schema/index.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import { annualForms } from "../annual-forms/schema.js";
import { costItems, costSets } from "../economy/schema.js";
import { annualReportRounds, annualReports, type StoredReportCost } from "./schema.js";

/*
 * The annual reports in the demo (issue 14 § 7), following the clock and the forms the annual-forms step published
 * (last year's and this year's). Last year: every report of the demo counties accepted, a few returned once with
 * comments first; one late (first submitted after the deadline) and one missing. This year: in each county one report
 * in each status, Stockholm's a draft its coordinator can go on filling. A municipality without a coordinator among
 * the demo accounts sent its report outside the system: the county entered it (source import). The costs are the
 * municipality's annual-report costs in the economy demo (untouched: the economy's figures stay the same).
 */

const DEMO_COUNTIES = ["01", "14"];
export const DEMO_LATE_MUNICIPALITY = "0186";
export const DEMO_MISSING_MUNICIPALITY = "1421";
/** Last year: returned once, then accepted. */
const RETURNED_ONCE = ["0181", "0187", "1401", "1490"];
/** This year's statuses per county (the rest not started). */
export const DEMO_CURRENT_STATUSES: Record<string, "draft" | "submitted" | "returned" | "accepted"> = {
  "0180": "draft",
  "0182": "submitted",
  "0183": "returned",
  "0184": "accepted",
  "1480": "draft",
  "1482": "submitted",
  "1484": "returned",
  "1485": "accepted",
};

/** A stable number 0..n−1 from a few strings. */
function pick(n: number, ...salt: (string | number)[]) {
  let h = 17;
  for (const c of salt.join("|")) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  return h % n;
}

const TEXTS = [
  "Arbetet har följt planen för året.",
  "Övningen genomfördes tillsammans med räddningstjänsten och regionen.",
  "Arbetet försenades av vakanser men är nu i gång igen.",
  "Samverkan i länet har fungerat väl.",
];

function answerOf(q: Question | GroupField, code: string, year: number, row = 0): AnswerValue | null {
  const r = (n: number) => pick(n, code, year, q.key, row);
  switch (q.type) {
    case "yesNo":
      return r(7) !== 0; // about one in seven a "no" (a warning sign where the form says so)
    case "singleChoice": {
      const choices = q.choices ?? [];
      return choices[Math.max(0, choices.length - 1 - r(3))]?.value ?? null;
    }
    case "multipleChoice": {
      const choices = q.choices ?? [];
      return choices.filter((_c, i) => pick(3, code, year, q.key, i) !== 0).map((c) => c.value);
    }
    case "number":
      return 1 + r(5);
    case "amount":
      return (10 + r(40)) * 10_000;
    case "text":
      return TEXTS[r(TEXTS.length)]!;
    case "date":
      return `${year}-${String(3 + r(8)).padStart(2, "0")}-${String(1 + r(27)).padStart(2, "0")}`;
    default:
      return null;
  }
}

/** Realistic answers to every question of the form (or about half of them, for a draft). */
export function demoAnswers(definition: AnnualFormDefinition, code: string, year: number, half = false): Answers {
  const answers: Answers = {};
  for (const [i, { question: q }] of flattenQuestions(definition).entries()) {
    if (half && i % 2 === 1) continue;
    if (q.type === "group") {
      const rows = pick(3, code, year, q.key);
      answers[q.key] = Array.from({ length: rows }, (_v, row) =>
        Object.fromEntries((q.fields ?? []).map((f) => [f.key, answerOf(f, code, year, row)])),
      ) as AnswerValue;
    } else answers[q.key] = answerOf(q, code, year);
  }
  return answers;
}

interface Round {
  submittedOn: string;
  returnedOn?: string;
  acceptedOn?: string;
}

/** The rounds of a report, by its intended course; dates never after today. */
function roundsFor(course: string, deadline: string, today: string, code: string): Round[] {
  const cap = (d: string) => (d > today ? today : d);
  const before = (days: number) => cap(addDays(deadline, -days));
  const spread = pick(12, code, deadline);
  switch (course) {
    case "late":
      return [{ submittedOn: cap(addDays(deadline, 6)), acceptedOn: cap(addDays(deadline, 30)) }];
    case "returnedOnce":
      return [
        { submittedOn: before(2 + spread), returnedOn: cap(addDays(deadline, 7)) },
        { submittedOn: cap(addDays(deadline, 16)), acceptedOn: cap(addDays(deadline, 25)) },
      ];
    case "accepted":
      return [{ submittedOn: before(1 + spread), acceptedOn: cap(addDays(deadline, 10 + spread)) }];
    // This year's (the deadline is ahead): relative to today.
    case "current-submitted":
      return [{ submittedOn: addDays(today, -3) }];
    case "current-returned":
      return [{ submittedOn: addDays(today, -16), returnedOn: addDays(today, -6) }];
    case "current-accepted":
      return [{ submittedOn: addDays(today, -24), acceptedOn: addDays(today, -9) }];
    default:
      return [];
  }
}

/** Noon in Stockholm on a date (an instant whose Stockholm date is that date). */
const at = (date: string) => new Date(`${date}T11:00:00Z`);

async function seedDemoAnnualReports(db: Db, clock: Clock) {
  const today = clock.today();
  const year = yearOf(today);
  const forms = await db
    .select()
    .from(annualForms)
    .where(and(inArray(annualForms.year, [year - 1, year]), eq(annualForms.status, "published")));
  const munis = await db
    .select({
      code: municipalities.code,
      countyCode: municipalities.countyCode,
      officer: municipalities.responsibleOfficerId,
    })
    .from(municipalities)
    .where(inArray(municipalities.countyCode, DEMO_COUNTIES))
    .orderBy(municipalities.code);
  if (forms.length === 0 || munis.length === 0) return;
  const people = await db
    .select({
      id: users.id,
      role: users.role,
      county: users.countyCode,
      municipality: users.municipalityCode,
      readOnly: users.readOnly,
    })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["county", "municipality"])));
  const coordinatorOf = (code: string) =>
    people.find((p) => p.role === "municipality" && p.municipality === code && !p.readOnly)?.id;
  const countyUser = (county: string) => people.find((p) => p.role === "county" && p.county === county)?.id;
  const costsOf = await annualReportCosts(
    db,
    munis.map((m) => m.code),
    year - 1,
  );

  await db.transaction(async (tx) => {
    for (const form of forms.sort((a, b) => a.year - b.year || b.number - a.number)) {
      if (forms.some((f) => f.year === form.year && f.number > form.number)) continue;
      const previous = form.year < year;
      for (const m of munis) {
        const reviewer = m.officer ?? countyUser(m.countyCode);
        const coordinator = coordinatorOf(m.code);
        const author = coordinator ?? reviewer;
        if (!author || !reviewer) continue;
        const status = DEMO_CURRENT_STATUSES[m.code];
        const course = previous
          ? m.code === DEMO_MISSING_MUNICIPALITY
            ? "missing"
            : m.code === DEMO_LATE_MUNICIPALITY
              ? "late"
              : RETURNED_ONCE.includes(m.code)
                ? "returnedOnce"
                : "accepted"
          : status
            ? `current-${status}`
            : "notStarted";
        if (course === "notStarted" || course === "missing") continue;
        const rounds = course === "current-draft" ? [] : roundsFor(course, form.deadline, today, m.code);
        const answers = demoAnswers(form.definition, m.code, form.year, course === "current-draft");
        // A returned round lacked detail the county asked for; the working copy of a report still returned too.
        const thin = { ...answers, ...firstGap(form.definition) };
        const costs = previous ? (costsOf.get(m.code) ?? []) : [];
        const savedOn = rounds[0]?.submittedOn ? addDays(rounds[0].submittedOn, -1) : addDays(today, -2);
        const [report] = await tx
          .insert(annualReports)
          .values({
            municipalityCode: m.code,
            year: form.year,
            formId: form.id,
            answers: rounds.at(-1)?.returnedOn ? thin : answers,
            costs,
            source: coordinator ? "system" : "import",
            version: 1 + rounds.length * 2,
            createdAt: at(addDays(savedOn, -3)),
            createdBy: author,
            updatedAt: at(savedOn),
            updatedBy: author,
          })
          .returning({ id: annualReports.id });
        for (const [i, r] of rounds.entries()) {
          await tx.insert(annualReportRounds).values({
            reportId: report!.id,
            number: i + 1,
            answers: r.returnedOn ? thin : answers,
            costs,
            submittedAt: at(r.submittedOn),
            submittedOn: r.submittedOn,
            submittedBy: author,
            returnedAt: r.returnedOn ? at(r.returnedOn) : null,
            returnedOn: r.returnedOn ?? null,
            returnedBy: r.returnedOn ? reviewer : null,
            comments: r.returnedOn ? commentsFor(form.definition) : [],
            message: r.returnedOn ? "Komplettera gärna inom en månad." : "",
            acceptedAt: r.acceptedOn ? at(r.acceptedOn) : null,
            acceptedOn: r.acceptedOn ?? null,
            acceptedBy: r.acceptedOn ? reviewer : null,
          });
        }
      }
    }
  });
}

/** The first text question answered too briefly: what the county's comment asks to be completed. */
function firstGap(definition: AnnualFormDefinition): Answers {
  const q = flattenQuestions(definition).find((f) => f.question.type === "text");
  return q ? { [q.question.key]: "Se tidigare redovisning." } : {};
}

function commentsFor(definition: AnnualFormDefinition) {
  const q = flattenQuestions(definition).find((f) => f.question.type === "text") ?? flattenQuestions(definition)[0];
  return [
    ...(q ? [{ questionKey: q.question.key, text: "Beskriv vad som har gjorts under året." }] : []),
    { questionKey: "economy", text: "Redovisa kostnaderna per kostnadsslag för varje del." },
  ];
}

/** Each municipality's annual-report cost lines for the year in the economy demo (none when it has none). */
async function annualReportCosts(db: Db, codes: string[], year: number): Promise<Map<string, StoredReportCost[]>> {
  const rows = await db
    .select({
      code: costSets.municipalityCode,
      part: costItems.partCode,
      category: costItems.categoryCode,
      amount: costItems.amount,
      manualCompilation: costItems.manualCompilation,
    })
    .from(costSets)
    .innerJoin(costItems, eq(costItems.setId, costSets.id))
    .where(
      and(inArray(costSets.municipalityCode, codes), eq(costSets.year, year), eq(costSets.source, "annualReport")),
    );
  const byCode = new Map<string, StoredReportCost[]>();
  for (const r of rows)
    byCode.set(r.code, [
      ...(byCode.get(r.code) ?? []),
      { part: r.part, category: r.category, amount: r.amount, manualCompilation: r.manualCompilation },
    ]);
  for (const list of byCode.values())
    list.sort((a, b) => `${a.part}|${a.category}`.localeCompare(`${b.part}|${b.category}`));
  return byCode;
}

export const annualReportsDemo: DemoStep = {
  name: "annual-reports",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(annualReports))[0]?.n ?? 0) === 0,
  seed: seedDemoAnnualReports,
};
