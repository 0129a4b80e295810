import { randomUUID } from "node:crypto";
import { addDays, nationalPeriodForYear, nationalPeriodOn, yearOf } from "@uppsikt/core";
import { asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  documentRequests,
  economicReviewFiles,
  economicReviewRequests,
  economicReviews,
  largeSavingsDetections,
  municipalities,
  savingsPlans,
  users,
  visitReviewExemptions,
  visits,
} from "../../db/schema/index.js";
import { demoInstant } from "../../db/seed/demo-clock.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import { sha256 } from "../../platform/files/index.js";
import { FONT, renderPdf } from "../../platform/letters/pdf-document.js";
import {
  DEMO_LARGE_SAVINGS_MUNICIPALITY,
  DEMO_PLAN_FOLLOWED_MUNICIPALITY,
  DEMO_PLAN_FOLLOWED_SAVINGS_USE,
} from "../economy/demo.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";

/*
 * Demo economic reviews and a savings plan, relative to the clock (R2.5-1, R2.5-4 … R2.5-6, R2.6-2). In both demo
 * counties, every municipality has reviews this mandate period and the last, at its held visits where those exist;
 * Vaxholm (0187) has none this period and its planned visits are said to have no review, so it is short. Stockholm's
 * review of the last period carries a remaining-funds decision, its latest one the municipality's own audit (a PDF)
 * and a linked document request. Stockholm, whose savings are large, submitted a savings plan after the detection
 * that its figures do not follow (a deviation for last year). Nacka's plan was recorded by its county officer on
 * the day the dialogue's follow-up was done (126 days ago, after the detection and the video meeting); last year's
 * figures follow it (the economy demo used the planned savings), so it shows no deviation.
 */

const SHORT_MUNICIPALITY = "0187";
const OFFICERS: Record<string, string> = {
  "01": "lst01-handlaggare@uppsikt.example",
  "14": "lst14-handlaggare@uppsikt.example",
};
const COORDINATOR = `kommun${DEMO_LARGE_SAVINGS_MUNICIPALITY}@uppsikt.example`;
/** Nacka's officer in the dialogue demo, who recorded its plan. */
const PLAN_RECORDER = "lst01-handlaggare2@uppsikt.example";
/** Days before today Nacka's plan came in: the day the dialogue's follow-up asking for it was done. */
const PLAN_FOLLOWED_SUBMITTED_DAYS_AGO = 126;

const FINDINGS = [
  "Ersättningen redovisas per del och år. Kostnaderna för samordnaren och övningar stämmer med verifikationerna.",
  "Redovisningen är tydlig; kostnader för utbildning av krisledningsnämnden har särredovisats.",
  "Kommunen har sammanställt kostnaderna manuellt. Länsstyrelsen rekommenderar en egen kostnadsställe för ersättningen.",
  "Sparandet har minskat sedan förra granskningen. Inga kostnader utanför det som ersättningen får finansiera.",
];

function ownAuditPdf(municipality: string, year: number): Promise<Buffer> {
  return renderPdf({ margin: 60, info: { Title: `Egen granskning ${year}`, Author: municipality } }, (doc) => {
    doc.font(FONT.bold).fontSize(16).text(`Intern granskning av ersättningen ${year}`);
    doc.moveDown(0.5).font(FONT.regular).fontSize(10).text(`${municipality} – demoexempel med fiktiva uppgifter`);
    doc.moveDown();
    for (const line of [
      "Kommunrevisionen har granskat hur ersättningen enligt överenskommelsen har använts.",
      "Kostnaderna för beredskapssamordnaren, utbildning och övning stämmer med huvudboken.",
      "Revisionen rekommenderar att sparandet planeras i en plan för sparande.",
    ])
      doc.fontSize(11).text(line).moveDown(0.5);
  });
}

const pad = (n: number) => String(n).padStart(2, "0");

export async function seedDemoEconomicReviews(db: Db, clock: Clock): Promise<void> {
  const today = clock.today();
  const now = clock.now();
  const { rules } = await nationalRulesReader(db).on(today);
  const current = nationalPeriodOn(rules, today);
  const previous = nationalPeriodForYear(rules, current.firstYear - 1);
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...Object.values(OFFICERS), COORDINATOR, PLAN_RECORDER]));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const towns = await db
    .select({ code: municipalities.code, name: municipalities.name, county: municipalities.countyCode })
    .from(municipalities)
    .where(inArray(municipalities.countyCode, Object.keys(OFFICERS)))
    .orderBy(asc(municipalities.code));
  if (towns.length === 0) return;
  const codes = towns.map((m) => m.code);
  const periodVisits = await db
    .select({
      id: visits.id,
      municipalityCode: visits.municipalityCode,
      period: visits.period,
      status: visits.status,
      planned: visits.planned,
      heldOn: visits.heldOn,
    })
    .from(visits)
    .where(inArray(visits.municipalityCode, codes))
    .orderBy(asc(visits.planned));
  const requests = await db
    .select({ id: documentRequests.id, municipalityCode: documentRequests.municipalityCode })
    .from(documentRequests)
    .where(eq(documentRequests.municipalityCode, DEMO_LARGE_SAVINGS_MUNICIPALITY))
    .orderBy(asc(documentRequests.requestedAt))
    .limit(1);

  type Row = typeof economicReviews.$inferInsert & { id: string };
  const rows: Row[] = [];
  const links: { reviewId: string; requestId: string }[] = [];
  const exemptions: string[] = [];
  towns.forEach((town, i) => {
    const createdBy = idOf(OFFICERS[town.county]!);
    if (!createdBy) return;
    for (const period of [previous, current]) {
      const isCurrent = period.id === current.id;
      const own = periodVisits.filter((v) => v.municipalityCode === town.code && v.period === period.id);
      if (isCurrent && town.code === SHORT_MUNICIPALITY) {
        for (const v of own) if (v.status !== "cancelled" && !v.heldOn) exemptions.push(v.id);
        continue;
      }
      const held = own.filter((v) => v.heldOn && v.heldOn <= today);
      const days: { on: string; visitId: string | null }[] = held
        .slice(-2)
        .map((v) => ({ on: v.heldOn!, visitId: v.id }));
      // Without a held visit: a review in the period's second year (or, this period, a few weeks ago).
      if (days.length === 0) {
        const on = `${period.firstYear + 1}-${pad((i % 9) + 2)}-${pad(10 + (i % 15))}`;
        const recent = addDays(today, -(20 + (i % 40)));
        const day = on <= today ? on : recent >= `${period.firstYear}-01-01` ? recent : null;
        if (day) days.push({ on: day, visitId: null });
      }
      days.forEach((d, n) =>
        rows.push({
          id: randomUUID(),
          municipalityCode: town.code,
          period: period.id,
          reviewedOn: d.on,
          fromYear: Math.max(period.firstYear - 1, yearOf(d.on) - 2),
          toYear: yearOf(d.on) - 1,
          findings: FINDINGS[(i + n) % FINDINGS.length]!,
          visitId: d.visitId,
          createdAt: now,
          createdBy,
        }),
      );
    }
  });

  const stockholm = rows.filter((r) => r.municipalityCode === DEMO_LARGE_SAVINGS_MUNICIPALITY);
  const earlier = stockholm.find((r) => r.period === previous.id);
  if (earlier) {
    earlier.remainingFundsAmount = 1_200_000;
    earlier.remainingFundsReasoning =
      "Kommunen har utfört sina uppgifter enligt överenskommelsen och får använda återstående medel till att utrusta en reservledningsplats.";
    earlier.remainingFundsDecidedOn = earlier.reviewedOn;
  }
  const latest = stockholm.filter((r) => r.period === current.id).at(-1);
  if (latest && requests[0]) links.push({ reviewId: latest.id, requestId: requests[0].id });
  const audit = latest ? await ownAuditPdf("Stockholms stad", yearOf(latest.reviewedOn) - 1) : null;

  const coordinator = idOf(COORDINATOR);
  const detections = await db
    .select({ code: largeSavingsDetections.municipalityCode, detectedOn: largeSavingsDetections.detectedOn })
    .from(largeSavingsDetections)
    .where(
      inArray(largeSavingsDetections.municipalityCode, [
        DEMO_LARGE_SAVINGS_MUNICIPALITY,
        DEMO_PLAN_FOLLOWED_MUNICIPALITY,
      ]),
    );
  const detection = detections.find((d) => d.code === DEMO_LARGE_SAVINGS_MUNICIPALITY);
  const nacka = detections.find((d) => d.code === DEMO_PLAN_FOLLOWED_MUNICIPALITY);
  const recorder = idOf(PLAN_RECORDER);

  await db.transaction(async (tx) => {
    for (let k = 0; k < rows.length; k += 200) await tx.insert(economicReviews).values(rows.slice(k, k + 200));
    if (links.length) await tx.insert(economicReviewRequests).values(links);
    if (exemptions.length)
      await tx
        .insert(visitReviewExemptions)
        .values(exemptions.map((visitId) => ({ visitId, createdAt: now, createdBy: idOf(OFFICERS["01"]!)! })))
        .onConflictDoNothing();
    if (latest && audit)
      await tx.insert(economicReviewFiles).values({
        reviewId: latest.id,
        kind: "ownAudit",
        fileName: `Kommunrevisionens granskning av ersättningen ${yearOf(latest.reviewedOn) - 1}.pdf`,
        mediaType: "application/pdf",
        sizeBytes: audit.length,
        sha256: sha256(audit),
        content: audit,
        createdAt: now,
        createdBy: latest.createdBy,
      });
    // The plan: submitted some weeks after the detection; it plans to use 4 Mkr of savings a year from last year on.
    if (coordinator && detection) {
      const year = yearOf(today);
      const submittedAt = new Date(`${addDays(detection.detectedOn, 30)}T10:00:00+01:00`);
      await tx.insert(savingsPlans).values({
        municipalityCode: DEMO_LARGE_SAVINGS_MUNICIPALITY,
        number: 1,
        years: [
          { year: year - 1, activities: "Ny reservledningsplats i Skärholmen och övning av krisledningsnämnden." },
          {
            year,
            activities: "Utbildning av tjänstepersoner i beredskap inför höjd beredskap och en fullskaleövning.",
          },
          { year: year + 1, activities: "Förstärkt samordning med stadsdelarna och en ny risk- och sårbarhetsanalys." },
        ].map((y) => ({ ...y, plannedSavingsUse: 4_000_000, plannedCompensationUse: 9_000_000 })),
        note: "Sparandet används under tre år enligt kommunstyrelsens beslut.",
        submitted: true,
        submittedAt,
        createdAt: submittedAt,
        createdBy: coordinator,
      });
    }
    // Nacka's plan, recorded by the county (so submitted): last year's modest use is what the figures show.
    if (recorder && nacka) {
      const year = yearOf(today);
      const submittedAt = demoInstant(clock, PLAN_FOLLOWED_SUBMITTED_DAYS_AGO, 15);
      await tx.insert(savingsPlans).values({
        municipalityCode: DEMO_PLAN_FOLLOWED_MUNICIPALITY,
        number: 1,
        years: [
          {
            year: year - 1,
            activities: "En extra övning för krisledningsnämnden och tillsatta vakanser i beredskapsfunktionen.",
            plannedSavingsUse: DEMO_PLAN_FOLLOWED_SAVINGS_USE,
            plannedCompensationUse: 3_500_000,
          },
          {
            year,
            activities: "Ledningsplatsen i stadshuset färdigställs (investeringen som sköts upp).",
            plannedSavingsUse: 3_000_000,
            plannedCompensationUse: 3_600_000,
          },
          {
            year: year + 1,
            activities: "Utbildning av krisledningsorganisationen och en ny risk- och sårbarhetsanalys.",
            plannedSavingsUse: 2_000_000,
            plannedCompensationUse: 3_700_000,
          },
        ],
        note: "Kommunstyrelsens beslut om plan för sparande, inlämnat efter videomötet med länsstyrelsen.",
        submitted: true,
        submittedAt,
        createdAt: submittedAt,
        createdBy: recorder,
      });
    }
  });
}

export const economicReviewsDemo: DemoStep = {
  name: "economic-reviews",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(economicReviews))[0]?.n ?? 0) === 0,
  seed: seedDemoEconomicReviews,
};
