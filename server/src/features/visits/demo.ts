import {
  type AgreementArea,
  type CriterionResult,
  type DocumentTypeId,
  type MandatePeriod,
  type ParticipantRole,
  type VisitKind,
  nationalPeriodForYear,
  plannedDueOn,
  proposeCriteria,
  proposeVisitPlan,
} from "@uppsikt/core";
import { count, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { municipalities, users, visitPlans } from "../../db/schema/index.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import { findActiveVersion, findAreasWithCriteria } from "../criteria/repository.js";
import { nationalRulesReader, rulesToday } from "../national-rules/rules-on.js";
import { evidenceOptions } from "./evidence.js";
import * as repo from "./repository.js";

/*
 * Visits in the demo, relative to the clock (R2.7): for both demo counties and for the clock's mandate period and
 * the one before it, a published plan proposed by the system and then revised; the visits whose month has passed
 * are held, with participants and (most of them) an assessment. Stockholm has two held visits whose assessments
 * differ; Södertälje has only one visit, late in the period, with feedback still owed; in Solna the chief
 * executive did not come.
 */

const COUNTIES = [
  { code: "01", head: "lst01@uppsikt.example", visitsPerYear: 12 },
  { code: "14", head: "lst14-chef@uppsikt.example", visitsPerYear: 20 },
];
const ONLY_LATE = "0181";
const LEADERSHIP_MISSING = "0184";

const PEOPLE: Record<string, { coordinator: string; chief: string; chair: string }> = {
  "0180": { coordinator: "Anders Wikström", chief: "Eva Strand", chair: "Karin Wanngård" },
  "1480": { coordinator: "Fatima Haddad", chief: "Eva Hessel", chair: "Jonas Attenius" },
};
const FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sofia", "Mikael", "Elin", "Per", "Ulla", "Ola"];
const LAST = ["Lindberg", "Holm", "Sandberg", "Ekström", "Nordin", "Lund", "Berglund", "Forsberg", "Engström"];
const someone = (seed: number) => `${FIRST[seed % FIRST.length]} ${LAST[(seed * 7) % LAST.length]}`;

const pad = (n: number) => String(n).padStart(2, "0");
/** The day a month's visit was held: a Tuesday-ish mid-month day, never after yesterday. */
const heldDay = (planned: string, today: string, seed: number) => {
  const day = `${planned}-${pad(10 + (seed % 12))}`;
  return day < today ? day : null;
};

function participants(code: string, seed: number) {
  const p = PEOPLE[code] ?? { coordinator: someone(seed), chief: someone(seed + 3), chair: someone(seed + 5) };
  const list: { name: string; role: ParticipantRole; attended: boolean }[] = [
    { name: p.coordinator, role: "coordinator", attended: true },
    { name: p.chief, role: "chiefExecutive", attended: code !== LEADERSHIP_MISSING },
    { name: p.chair, role: seed % 3 === 0 ? "commissioner" : "boardChair", attended: seed % 5 !== 0 },
    { name: someone(seed + 8), role: "seniorOfficial", attended: code !== LEADERSHIP_MISSING && seed % 2 === 0 },
  ];
  if (code === LEADERSHIP_MISSING) list.splice(3, 1);
  return list;
}

/** A result for a criterion: mostly met; the first of Stockholm's visits weaker than its later one. */
function resultOf(agreementArea: AgreementArea, seed: number, weak: boolean): CriterionResult {
  if (agreementArea === "civilDefence") return weak || seed % 3 === 0 ? "notStarted" : "started";
  if (weak) return (["partlyMet", "notMet", "met"] as const)[seed % 3]!;
  return seed % 7 === 0 ? "partlyMet" : "met";
}

async function seedPeriod(
  tx: Tx,
  clock: Clock,
  county: (typeof COUNTIES)[number],
  period: MandatePeriod,
  head: { id: string; name: string },
  library: { id: string; areas: Awaited<ReturnType<typeof findAreasWithCriteria>> } | null,
  firstVisitDocuments: readonly DocumentTypeId[],
) {
  const today = clock.today();
  const list = await tx
    .select({ code: municipalities.code, name: municipalities.name, officerId: municipalities.responsibleOfficerId })
    .from(municipalities)
    .where(eq(municipalities.countyCode, county.code));
  const proposal = proposeVisitPlan({
    period,
    visitsPerYear: county.visitsPerYear,
    municipalities: list.map((m) => ({
      ...m,
      priority: m.code === "0180" || m.code === "1480" ? ["missingDocuments"] : [],
    })),
  }).flatMap((p) => {
    // Södertälje: one visit only, late in the period (the feedback-before-visit case).
    if (p.municipality !== ONLY_LATE) return [p];
    return p.kind === "later" ? [] : [{ ...p, kind: "only" as VisitKind, planned: `${period.lastYear}-12` }];
  });
  const [plan] = await tx
    .insert(visitPlans)
    .values({
      countyCode: county.code,
      period: period.id,
      visitsPerYear: county.visitsPerYear,
      revision: 3,
      publishedAt: clock.now(),
      publishedBy: head.id,
      version: 4,
    })
    .returning();
  const reasons = [
    `Förslag från systemet: ${proposal.length} besök, ${county.visitsPerYear} per år.`,
    "Besöket i Södertälje flyttat till periodens sista år på kommunens begäran (ny kommundirektör).",
    "Planen publicerad för kommunerna.",
  ];
  for (const [i, reason] of reasons.entries())
    await repo.insertRevision(tx, { planId: plan!.id, revision: i + 1, reason, at: clock.now(), by: head.id });

  let seed = 0;
  const rows = proposal.map((p) => {
    seed++;
    const heldOn = plannedDueOn(p.planned) < today ? heldDay(p.planned, today, seed) : null;
    return {
      municipalityCode: p.municipality,
      period: period.id,
      planned: p.planned,
      kind: p.kind,
      status: heldOn ? ("held" as const) : ("planned" as const),
      reason: p.reason,
      heldOn,
      place: heldOn ? `Kommunhuset, ${list.find((m) => m.code === p.municipality)!.name}` : "",
      preparation: heldOn
        ? {
            documentsReviewed: true,
            preMeetingOn: null,
            preMeetingNotes: "",
            premisesSuitableForClassified: seed % 4 === 0,
            lsoCoordinated: seed % 6 === 0,
            lsoReference: seed % 6 === 0 ? `452-${1000 + seed}-${p.planned.slice(0, 4)}` : "",
          }
        : {},
      notes: heldOn
        ? ({
            worksWell: "Krisledningsorganisationen är väl förankrad och övas regelbundet.",
            deficiencies: seed % 3 === 0 ? "Planen för extraordinära händelser saknar rutin för trygghetspunkter." : "",
            goalFulfilment: "Kommunen följer upp målen i styrdokumentet årligen i kommunstyrelsen.",
            planning: "",
            resources: "Beredskapssamordnaren arbetar på heltid med stöd av räddningstjänsten.",
            supportNeeds: seed % 2 === 0 ? "Stöd efterfrågas i arbetet med krigsorganisation." : "",
            ownFunding: "",
          } as Record<string, string>)
        : {},
      libraryVersionId: heldOn && library ? library.id : null,
      createdAt: clock.now(),
      createdBy: head.id,
      updatedAt: clock.now(),
    };
  });
  const inserted = await repo.insertVisits(tx, rows);
  let assessed = 0;
  for (const [i, v] of inserted.entries()) {
    if (v.status !== "held") continue;
    await repo.replaceParticipants(tx, v.id, participants(v.municipalityCode, i));
    if (!library || (assessed++ > 10 && v.municipalityCode !== "0180")) continue;
    const selected = proposeCriteria(
      v.kind,
      library.areas.map((a) => ({
        code: a.code,
        criteria: a.criteria.map((c) => ({
          code: c.code,
          tier: c.tier as "basic" | "quality",
          documentTypes: c.documentTypes as DocumentTypeId[],
        })),
      })),
      firstVisitDocuments,
    );
    const options = await evidenceOptions(tx, v.municipalityCode);
    const evidence = ["documentVersion", "documentReview", "dialogueEntry"].flatMap((kind) => {
      const found = options.find((o) => o.kind === kind);
      return found ? [{ kind: found.kind, id: found.id }] : [];
    });
    const areaOf = new Map(library.areas.flatMap((a) => a.criteria.map((c) => [c.code, a.agreementArea] as const)));
    const weak = v.municipalityCode === "0180" && v.kind === "first";
    await repo.updateVisit(tx, v.id, {
      selectedCriteria: selected,
      overrides: weak
        ? [{ area: "RSA", result: "partlyMet", reason: "Kommunen har efter besöket kompletterat RSA:n med avsnitt 6." }]
        : [],
    });
    await repo.replaceAssessmentItems(
      tx,
      v.id,
      selected.map((criterionCode, j) => ({
        criterionCode,
        result: resultOf(areaOf.get(criterionCode) as AgreementArea, i + j, weak),
        note: j === 0 ? "Bedömningen bygger på dokumentgranskningen och samtalet vid besöket." : "",
        evidence: j === 0 ? evidence : [],
      })),
    );
  }
  return inserted.length;
}

async function seedVisits(db: Db, clock: Clock) {
  const { rules, period } = await rulesToday(nationalRulesReader(db), clock.today());
  const previous = nationalPeriodForYear(rules, period.firstYear - 1);
  const active = await findActiveVersion(db);
  const library = active ? { id: active.id, areas: await findAreasWithCriteria(db, active.id) } : null;
  const heads = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        COUNTIES.map((c) => c.head),
      ),
    );
  await db.transaction(async (tx) => {
    let total = 0;
    for (const county of COUNTIES) {
      const head = heads.find((h) => h.email === county.head);
      if (!head) continue;
      for (const p of [previous, period])
        total += await seedPeriod(tx, clock, county, p, head, library, rules.firstVisitDocumentTypes.value);
    }
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      { action: "demo.seed", entityType: "reference", after: { visits: total } },
    );
  });
}

export const visitsDemo: DemoStep = {
  name: "visits",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(visitPlans))[0]?.n ?? 0) === 0,
  seed: seedVisits,
};
