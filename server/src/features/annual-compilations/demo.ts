import { addDays, stockholmDayStart, yearOf } from "@uppsikt/core";
import { and, count, eq, inArray, max } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { annualReportRounds, annualReports, municipalities, users } from "../../db/schema/index.js";
import { fixedClock, type Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import type { Actor } from "../../platform/actor.js";
import { forwardCompilation, saveAssessment } from "./county-service.js";
import * as repo from "./repository.js";
import { annualCompilationVersions } from "./schema.js";

/*
 * The demo's forwarded compilations (R2.4-2): the county heads of both demo counties (01, 14) forwarded the previous
 * year's compilation a few days before the forwarding deadline, after the county's last review of a report (so
 * nothing has changed since and it shows as forwarded), with an assessment and a registration number.
 */

const HEADS: Record<string, string> = { "01": "lst01@uppsikt.example", "14": "lst14-chef@uppsikt.example" };
const ASSESSMENT: Record<string, (year: number) => string> = {
  "01": (year) =>
    `Kommunerna i Stockholms län har under ${year} stärkt sin krisberedskap, särskilt genom övningar av krisledningsnämnderna och uppdaterade planer för extraordinära händelser. Arbetet med civilt försvar har kommit igång men är ojämnt: flera kommuner saknar ännu beslutad krigsorganisation. Länsstyrelsen bedömer att de vidtagna åtgärderna har haft god effekt på förmågan att leda och samordna, och följer upp de kommuner vars rapporter kompletterades.`,
  "14": (year) =>
    `I Västra Götalands län har kommunerna under ${year} genomfört fler utbildningar och övningar än året innan. Samverkan inom de geografiska områdena fungerar väl. Länsstyrelsen ser behov av fortsatt stöd i arbetet med säkerhetsskyddsanalyser och krigsplacering av personal.`,
};

const actorFromUser = (u: typeof users.$inferSelect): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role as Actor["role"],
  county: u.countyCode,
  municipality: u.municipalityCode,
  countyHead: u.countyHead,
  readOnly: u.readOnly,
  sessionId: null,
});

async function forwardingInstant(db: Db, county: string, year: number, deadline: string, clock: Clock) {
  const [last] = await db
    .select({
      at: max(annualReportRounds.acceptedAt),
      returned: max(annualReportRounds.returnedAt),
      sub: max(annualReportRounds.submittedAt),
    })
    .from(annualReportRounds)
    .innerJoin(annualReports, eq(annualReports.id, annualReportRounds.reportId))
    .innerJoin(municipalities, eq(municipalities.code, annualReports.municipalityCode))
    .where(and(eq(annualReports.year, year), eq(municipalities.countyCode, county)));
  const latest = [last?.at, last?.returned, last?.sub].filter((d): d is Date => d instanceof Date);
  const planned = new Date(stockholmDayStart(addDays(deadline, -4)).getTime() + 14 * 3_600_000);
  const after = latest.length ? new Date(Math.max(...latest.map((d) => d.getTime())) + 3_600_000) : planned;
  const at = after > planned ? after : planned;
  return at > clock.now() ? clock.now() : at;
}

export async function seedDemoCompilations(db: Db, clock: Clock) {
  const year = yearOf(clock.today()) - 1;
  const [form] = await repo.findPublishedForms(db, year);
  if (!form) return;
  const heads = await db
    .select()
    .from(users)
    .where(inArray(users.email, Object.values(HEADS)));
  for (const [county, email] of Object.entries(HEADS)) {
    const head = heads.find((u) => u.email === email);
    if (!head) continue;
    const at = await forwardingInstant(db, county, year, form.forwardingDeadline, clock);
    const ctx = { actor: actorFromUser(head), requestId: "demo", clock: fixedClock(at) };
    const saved = await saveAssessment(db, ctx, county, year, { version: 0, assessment: ASSESSMENT[county]!(year) });
    await forwardCompilation(db, ctx, county, year, {
      version: saved.version,
      registrationNumber: `Dnr 451-${county === "01" ? "1234" : "2871"}-${yearOf(ctx.clock.today())}`,
    });
  }
}

export const annualCompilationsDemo: DemoStep = {
  name: "annual-compilations",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(annualCompilationVersions))[0]?.n ?? 0) === 0,
  seed: seedDemoCompilations,
};
