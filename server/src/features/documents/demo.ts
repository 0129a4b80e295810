import { createHash, randomUUID } from "node:crypto";
import { type DocumentTypeId, addDays, nationalPeriodForYear } from "@uppsikt/core";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  clearances,
  criteria,
  criteriaAreas,
  criteriaLibraryVersions,
  documentFeedback,
  documentFiles,
  documentFollowUps,
  documentReviewItems,
  documentReviews,
  documentVersions,
  documents,
  municipalities,
  users,
} from "../../db/schema/index.js";
import type { ExtractedText } from "../../platform/files/extract.js";
import { type DemoExtractor, demoExtractor } from "./demo-extract.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import type { DemoStep } from "../../platform/feature.js";
import { nationalRulesReader, rulesToday } from "../national-rules/rules-on.js";
import {
  demoConfidentialAppendixPdf,
  demoPlanDocx,
  demoPlanPdf,
  demoRsaReportDocx,
  demoRsaReportPdf,
  demoScannedPdf,
} from "./demo-files.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PDF = "application/pdf";

interface DemoFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
  confidentialBasis?: string;
}
interface PreparedFile extends DemoFile {
  /** Extracted on the demo's extraction thread while the next file is generated; awaited when the rows are written. */
  extracted: Promise<ExtractedText>;
  sha256: string;
}

/**
 * The demo's own generated files are read in this process: the child process per file that guards the server against
 * hostile uploads costs about two seconds each to start, which made the first start a minute long.
 */
function prepareWith(extractor: DemoExtractor, file: DemoFile): PreparedFile {
  return {
    ...file,
    extracted: extractor.extract(file.content, file.mediaType === PDF ? "pdf" : "docx"),
    sha256: createHash("sha256").update(file.content).digest("hex"),
  };
}

const PLAN_TITLES: Record<Exclude<DocumentTypeId, "rsa">, string> = {
  steeringDocument: "Styrdokument för kommunens arbete med krisberedskap och civilt försvar",
  crisisBoardRules: "Reglemente för krisledningsnämnden",
  emergencyPlan: "Plan för hantering av extraordinära händelser",
  trainingAndExercisePlan: "Utbildnings- och övningsplan",
};
const LEVEL_TEXT = {
  council: "Kommunfullmäktige",
  executiveBoard: "Kommunstyrelsen",
  chiefExecutive: "Kommundirektören",
  official: "Beredskapssamordnaren",
} as const;
type Level = keyof typeof LEVEL_TEXT;

/** Municipalities shown in full, with their own generated files; the others share example files. */
const FEATURED: Record<
  string,
  { rsa: "pdf" | "docx" | "scanned"; omit?: number[]; freeWording?: boolean; appendix?: boolean }
> = {
  "0180": { rsa: "pdf", appendix: true },
  "0181": { rsa: "docx", omit: [7] },
  "0184": { rsa: "docx", freeWording: true },
  "0186": { rsa: "scanned" },
  "1480": { rsa: "pdf", freeWording: true },
  "1490": { rsa: "docx", omit: [4] },
  "1440": { rsa: "docx" },
  "1481": { rsa: "docx", freeWording: true },
};

/** A small, fixed variation per municipality so the picture is the same at every demo start. */
function variant(code: string, salt: number): number {
  return Number.parseInt(createHash("sha1").update(`${code}:${salt}`).digest("hex").slice(0, 6), 16) % 100;
}

interface PlannedVersion {
  type: DocumentTypeId;
  period: number;
  decidedBy: Level;
  decidedOn: string;
  receivedOn: string;
  status: "received" | "underReview" | "approved" | "supplementRequested";
  files: PreparedFile[];
  byMunicipality: boolean;
  countyRegistrationNumber: string;
  registrationNumber: string;
}

/**
 * Demo documents for Stockholms and Västra Götalands län, relative to the clock: the previous period
 * (all decided and approved) and the current one, most in time, some late, some decided at too low a level,
 * some missing, RSA reports with a missing section, a scanned one and a confidential appendix.
 */
export async function seedDemoDocuments(db: Db, clock: Clock): Promise<void> {
  const extractor = demoExtractor();
  try {
    await seedWith(db, clock, (file) => prepareWith(extractor, file));
  } finally {
    await extractor.close();
  }
}

async function seedWith(db: Db, clock: Clock, prepare: (file: DemoFile) => PreparedFile): Promise<void> {
  const today = clock.today();
  // The clock's mandate period and the one before it, by the national rules: 2023 and 2019 in 2026, 2027 and 2023
  // from 2027-01-01.
  const { rules, period } = await rulesToday(nationalRulesReader(db), today);
  const current = period.firstYear;
  const previous = nationalPeriodForYear(rules, current - 1).firstYear;
  const shared = {
    rsa: prepare({
      fileName: "rsa.docx",
      mediaType: DOCX,
      content: await demoRsaReportDocx({ municipality: "Exempelkommun kommun", year: current }),
    }),
    plans: Object.fromEntries(
      await Promise.all(
        Object.entries(PLAN_TITLES).map(async ([type, title]) => [
          type,
          prepare({
            fileName: `${type}.docx`,
            mediaType: DOCX,
            content: await demoPlanDocx({
              municipality: "Exempelkommun kommun",
              title,
              decidedBy: "Kommunfullmäktige",
              decidedOn: `${current}-11-20`,
            }),
          }),
        ]),
      ),
    ) as Record<string, PreparedFile>,
  };
  const list = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      county: municipalities.countyCode,
      officer: municipalities.responsibleOfficerId,
    })
    .from(municipalities)
    .where(inArray(municipalities.countyCode, ["01", "14"]))
    .orderBy(asc(municipalities.code));
  const demoUsers = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      county: users.countyCode,
      municipality: users.municipalityCode,
    })
    .from(users);
  const coordinatorOf = (code: string) =>
    demoUsers.find((u) => u.role === "municipality" && u.municipality === code && !u.email.includes("ledning"));

  const plans: { code: string; officer: string; coordinator?: string; versions: PlannedVersion[] }[] = [];
  for (const m of list) {
    const featured = FEATURED[m.code];
    const named = (file: PreparedFile, label: string): PreparedFile => ({
      ...file,
      fileName: `${label} ${m.name}${file.mediaType === PDF ? ".pdf" : ".docx"}`,
    });
    const coordinator = coordinatorOf(m.code);
    const versions: PlannedVersion[] = [];
    const dnr = (n: number) => `${m.county === "01" ? "450" : "452"}-${1000 + variant(m.code, n) * 37}-${current}`;
    // The previous period: everything decided in time and approved.
    versions.push(
      {
        type: "rsa",
        period: previous,
        decidedBy: "executiveBoard",
        decidedOn: `${previous}-10-0${1 + (variant(m.code, 1) % 8)}`,
        receivedOn: `${previous}-10-2${variant(m.code, 2) % 9}`,
        status: "approved",
        files: [named(shared.rsa, `RSA ${previous}`)],
        byMunicipality: false,
        countyRegistrationNumber: dnr(1).replace(String(current), String(previous)),
        registrationNumber: `KS ${previous}/${100 + variant(m.code, 3)}`,
      },
      {
        type: "steeringDocument",
        period: previous,
        decidedBy: "council",
        decidedOn: `${previous}-11-1${variant(m.code, 4) % 9}`,
        receivedOn: `${previous}-12-0${1 + (variant(m.code, 5) % 8)}`,
        status: "approved",
        files: [named(shared.plans.steeringDocument!, "Styrdokument")],
        byMunicipality: false,
        countyRegistrationNumber: dnr(2).replace(String(current), String(previous)),
        registrationNumber: `KF ${previous}/${200 + variant(m.code, 6)}`,
      },
    );
    // The current period.
    const v = variant(m.code, 10);
    let rsaFiles: PreparedFile[] | null = [named(shared.rsa, `RSA ${current}`)];
    if (featured) {
      const opts = {
        municipality: m.name,
        year: current,
        omitSections: featured.omit,
        freeWording: featured.freeWording,
      };
      if (featured.rsa === "pdf")
        rsaFiles = [
          prepare({
            fileName: `Risk- och sårbarhetsanalys ${current} ${m.name}.pdf`,
            mediaType: PDF,
            content: await demoRsaReportPdf(opts),
          }),
        ];
      else if (featured.rsa === "docx")
        rsaFiles = [
          prepare({
            fileName: `RSA ${current} ${m.name}.docx`,
            mediaType: DOCX,
            content: await demoRsaReportDocx(opts),
          }),
        ];
      else
        rsaFiles = [
          prepare({
            fileName: `RSA ${current} ${m.name} (inskannad).pdf`,
            mediaType: PDF,
            content: await demoScannedPdf(),
          }),
        ];
      if (featured.appendix)
        rsaFiles.push(
          prepare({
            fileName: `Bilaga 3 Sårbarheter i kritisk infrastruktur ${m.name}.pdf`,
            mediaType: PDF,
            content: await demoConfidentialAppendixPdf({ municipality: m.name, year: current }),
            confidentialBasis: "18 kap. 13 § OSL",
          }),
        );
    } else if (v < 8) rsaFiles = null; // missing
    if (rsaFiles) {
      const late = !featured && v >= 8 && v < 20;
      versions.push({
        type: "rsa",
        period: current,
        decidedBy: v % 3 === 0 ? "council" : "executiveBoard",
        decidedOn: late ? `${current}-11-0${1 + (v % 8)}` : `${current}-09-2${v % 9}`,
        receivedOn: late ? `${current}-11-1${v % 9}` : `${current}-10-${String(10 + (v % 21)).padStart(2, "0")}`,
        status:
          m.code === "0181"
            ? "supplementRequested"
            : v % 4 === 0
              ? "underReview"
              : featured && m.code !== "0180"
                ? "received"
                : "approved",
        files: rsaFiles,
        byMunicipality: Boolean(coordinator),
        countyRegistrationNumber: dnr(11),
        registrationNumber: `KS ${current}/${300 + v}`,
      });
    }
    for (const [i, type] of (
      ["steeringDocument", "crisisBoardRules", "emergencyPlan", "trainingAndExercisePlan"] as const
    ).entries()) {
      const w = variant(m.code, 20 + i);
      if (w < 7 && m.code !== "0180") continue; // missing
      const required: Level = type === "steeringDocument" || type === "crisisBoardRules" ? "council" : "chiefExecutive";
      const decidedBy: Level = w >= 7 && w < 14 ? (required === "council" ? "executiveBoard" : "official") : required;
      const late = w >= 14 && w < 22;
      const decidedOn = late ? `${current + 1}-0${2 + (w % 7)}-1${w % 9}` : `${current}-1${w % 3}-0${1 + (w % 9)}`;
      const title = `${PLAN_TITLES[type]} ${current}–${current + 3}`;
      const file = featured
        ? prepare({
            fileName: `${title} ${m.name}.${i % 2 ? "pdf" : "docx"}`,
            mediaType: i % 2 ? PDF : DOCX,
            content: await (i % 2 ? demoPlanPdf : demoPlanDocx)({
              municipality: m.name,
              title,
              decidedBy: LEVEL_TEXT[decidedBy],
              decidedOn,
            }),
          })
        : named(shared.plans[type]!, PLAN_TITLES[type].split(" för ")[0]!);
      versions.push({
        type,
        period: current,
        decidedBy,
        decidedOn,
        receivedOn: addDays(decidedOn, 5 + (w % 20)),
        status: w % 5 === 0 ? "received" : w % 5 === 1 ? "underReview" : "approved",
        files: [file],
        byMunicipality: Boolean(coordinator) && i % 2 === 0,
        countyRegistrationNumber: dnr(30 + i),
        registrationNumber: `${decidedBy === "council" ? "KF" : "KS"} ${decidedOn.slice(0, 4)}/${400 + w}`,
      });
    }
    plans.push({
      code: m.code,
      officer: m.officer ?? demoUsers.find((u) => u.role === "county" && u.county === m.county)!.id,
      coordinator: coordinator?.id,
      versions: versions.filter((x) => x.receivedOn <= today),
    });
  }

  await db.transaction(async (tx) => {
    const now = clock.now();
    const planned = plans.flatMap((p) => p.versions.map((v) => ({ p, v })));
    const versionCount = planned.length;
    // In batches, in order: a statement per table and batch rather than per row (the first start's biggest step).
    const BATCH = 200;
    // Ids made here rather than read back, so nothing depends on the order of RETURNING.
    const docIds = planned.map(() => randomUUID());
    const versionIdList = planned.map(() => randomUUID());
    for (let i = 0; i < planned.length; i += BATCH)
      await tx.insert(documents).values(
        planned.slice(i, i + BATCH).map(({ p, v }, j) => ({
          id: docIds[i + j]!,
          municipalityCode: p.code,
          period: v.period,
          typeId: v.type,
          createdAt: now,
        })),
      );
    for (let i = 0; i < planned.length; i += BATCH)
      await tx.insert(documentVersions).values(
        planned.slice(i, i + BATCH).map(({ p, v }, j) => ({
          id: versionIdList[i + j]!,
          documentId: docIds[i + j]!,
          versionNo: 1,
          decidedBy: v.decidedBy,
          decidedOn: v.decidedOn,
          receivedOn: v.receivedOn,
          registrationNumber: v.registrationNumber,
          countyRegistrationNumber: v.countyRegistrationNumber,
          status: v.status,
          createdBy: v.byMunicipality && p.coordinator ? p.coordinator : p.officer,
          createdAt: now,
        })),
      );
    const versionIds: Record<string, string> = {};
    const fileRows: (typeof documentFiles.$inferInsert)[] = [];
    for (const [k, { p, v }] of planned.entries()) {
      versionIds[`${p.code}:${v.period}:${v.type}`] = versionIdList[k]!;
      for (const [position, f] of v.files.entries()) {
        const extracted = await f.extracted;
        fileRows.push({
          versionId: versionIdList[k]!,
          position,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.content.length,
          sha256: f.sha256,
          content: f.content,
          textStatus: extracted.textStatus,
          textContent: extracted.text,
          headings: extracted.headings,
          confidentialBasis: f.confidentialBasis ?? null,
          createdAt: now,
        });
      }
    }
    // Files carry their bytes: smaller batches keep each statement's parameters modest.
    for (let i = 0; i < fileRows.length; i += 50) await tx.insert(documentFiles).values(fileRows.slice(i, i + 50));
    await seedDemoFollowUps(tx, clock, current, plans);
    await seedDemoClearances(tx, clock, demoUsers);
    await seedDemoReviewAndFeedback(tx, clock, current, versionIds, demoUsers);
    await seedRoutineFeedback(tx, clock, current, plans, versionIds);
    await recordAudit(
      tx,
      { actor: systemActor, requestId: null, clock },
      { action: "demo.seed", entityType: "documents", after: { versions: versionCount, municipalities: plans.length } },
    );
  });
}

/** From the period's second year: reasons and agreed dates for some missing documents, one of them passed. */
async function seedDemoFollowUps(
  tx: Tx,
  clock: Clock,
  period: number,
  plans: { code: string; officer: string; versions: PlannedVersion[] }[],
) {
  const today = clock.today();
  if (today < `${period + 1}-01-01`) return;
  const types: DocumentTypeId[] = [
    "rsa",
    "steeringDocument",
    "crisisBoardRules",
    "emergencyPlan",
    "trainingAndExercisePlan",
  ];
  let n = 0;
  for (const p of plans) {
    for (const type of types) {
      if (p.versions.some((v) => v.period === period && v.type === type)) continue;
      if (n++ % 2 === 1) continue;
      await tx.insert(documentFollowUps).values({
        municipalityCode: p.code,
        period,
        typeId: type,
        reason:
          n % 3 === 0
            ? "Omorganisation av säkerhetsenheten; arbetet återupptogs under hösten."
            : "Beslutet sköts upp i väntan på den nya risk- och sårbarhetsanalysen.",
        agreedDate: addDays(today, n % 4 === 0 ? -21 : 30 + n * 7),
        recordedBy: p.officer,
        updatedAt: clock.now(),
      });
    }
  }
}

async function seedDemoClearances(tx: Tx, clock: Clock, demoUsers: { id: string; email: string }[]) {
  const byEmail = (e: string) => demoUsers.find((u) => u.email === e)?.id;
  const grants = [
    { email: "lst01@uppsikt.example", county: "01", municipality: null, grantedBy: "admin@uppsikt.example" },
    {
      email: "lst01-handlaggare@uppsikt.example",
      county: "01",
      municipality: "0180",
      grantedBy: "lst01@uppsikt.example",
    },
    { email: "kommun0180@uppsikt.example", county: "01", municipality: "0180", grantedBy: "lst01@uppsikt.example" },
    { email: "lst14-chef@uppsikt.example", county: "14", municipality: null, grantedBy: "admin@uppsikt.example" },
  ];
  for (const g of grants) {
    const userId = byEmail(g.email);
    const grantedBy = byEmail(g.grantedBy);
    if (!userId || !grantedBy) continue;
    await tx.insert(clearances).values({
      userId,
      countyCode: g.county,
      municipalityCode: g.municipality,
      undertakingSignedOn: addDays(clock.today(), -200),
      validUntil: `${Number(clock.today().slice(0, 4)) + 2}-12-31`,
      note: "Sekretessförbindelse undertecknad och diarieförd.",
      grantedBy,
      grantedAt: clock.now(),
    });
  }
}

/** A completed review of Stockholm's styrdokument and sent written feedback on a few RSA reports. */
async function seedDemoReviewAndFeedback(
  tx: Tx,
  clock: Clock,
  period: number,
  versionIds: Record<string, string>,
  demoUsers: { id: string; email: string }[],
) {
  const officer = demoUsers.find((u) => u.email === "lst01-handlaggare@uppsikt.example")?.id;
  const officer14 = demoUsers.find((u) => u.email === "lst14@uppsikt.example")?.id;
  if (!officer || !officer14) return;
  const [library] = await tx
    .select()
    .from(criteriaLibraryVersions)
    .where(eq(criteriaLibraryVersions.active, true))
    .limit(1);
  const steering = versionIds[`0180:${period}:steeringDocument`];
  if (library && steering) {
    const offered = await tx
      .select({ id: criteria.id, documentTypes: criteria.documentTypes })
      .from(criteria)
      .innerJoin(criteriaAreas, eq(criteriaAreas.id, criteria.areaId))
      .where(eq(criteriaAreas.libraryVersionId, library.id));
    const items = offered.filter((c) => c.documentTypes.includes("steeringDocument"));
    const [review] = await tx
      .insert(documentReviews)
      .values({
        versionId: steering,
        libraryVersionId: library.id,
        reviewerId: officer,
        outcome: "approved",
        summary: "Styrdokumentet uppfyller de grundläggande kraven.",
        createdAt: clock.now(),
        updatedAt: clock.now(),
        completedAt: clock.now(),
      })
      .returning({ id: documentReviews.id });
    for (const [i, c] of items.entries())
      await tx.insert(documentReviewItems).values({
        reviewId: review!.id,
        criterionId: c.id,
        result: i === items.length - 1 ? "partlyMet" : "met",
        comment: i === items.length - 1 ? "Ansvarsfördelningen vid höjd beredskap bör förtydligas." : null,
      });
    await tx.update(documentVersions).set({ status: "approved" }).where(eq(documentVersions.id, steering));
  }
  const feedback = [
    {
      key: `0180:${period}:rsa`,
      author: officer,
      sent: true,
      body: "Länsstyrelsen har tagit del av Stockholms stads risk- och sårbarhetsanalys. Analysen följer dispositionen i MSBFS 2015:5 och beskriver kritiska beroenden väl. Vi ser gärna att åtgärdsbehoven prioriteras och tidsätts inför nästa uppföljning.",
    },
    {
      key: `1480:${period}:rsa`,
      author: officer14,
      sent: true,
      body: "Tack för Göteborgs stads risk- och sårbarhetsanalys. Bedömningen av den generella krisberedskapen är tydlig. Beskrivningen av identifierade brister bör kopplas till utbildnings- och övningsplanen.",
    },
    {
      key: `0181:${period}:rsa`,
      author: officer,
      sent: false,
      body: "Utkast: avsnittet om bedömning av kommunens generella krisberedskap enligt indikatorerna saknas och behöver kompletteras.",
    },
  ];
  for (const f of feedback) {
    const versionId = versionIds[f.key];
    if (!versionId) continue;
    const [row] = await tx
      .select({ documentId: documentVersions.documentId })
      .from(documentVersions)
      .where(and(eq(documentVersions.id, versionId)));
    await tx.insert(documentFeedback).values({
      documentId: row!.documentId,
      versionId,
      authorId: f.author,
      body: f.body,
      countyRegistrationNumber: `45${f.key.startsWith("14") ? "2" : "0"}-${7000 + feedback.indexOf(f)}-${clock.today().slice(0, 4)}`,
      sentOn: f.sent ? addDays(clock.today(), -30 - 10 * feedback.indexOf(f)) : null,
      sentBy: f.sent ? f.author : null,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
  }
}

const TYPE_PHRASES: Record<DocumentTypeId, string> = {
  rsa: "kommunens risk- och sårbarhetsanalys",
  steeringDocument: "kommunens styrdokument för krisberedskap och civilt försvar",
  crisisBoardRules: "reglementet för krisledningsnämnden",
  emergencyPlan: "kommunens plan för extraordinära händelser",
  trainingAndExercisePlan: "kommunens utbildnings- och övningsplan",
};

/**
 * Sent feedback on the approved documents of the municipalities the demo does not feature, a month or two after
 * they came in: what a county that keeps up with its feedback looks like, so the watch list and the "waited long"
 * list show the real backlog (documents received or under review) rather than every document of the period.
 */
async function seedRoutineFeedback(
  tx: Tx,
  clock: Clock,
  period: number,
  plans: { code: string; officer: string; versions: PlannedVersion[] }[],
  versionIds: Record<string, string>,
) {
  const today = clock.today();
  const rows = plans
    .filter((p) => !FEATURED[p.code])
    .flatMap((p) =>
      p.versions
        .filter((v) => v.period === period && v.status === "approved")
        .map((v) => ({ p, v, sentOn: addDays(v.receivedOn, 25 + (variant(`${p.code}:${v.type}`, 40) % 30)) }))
        .filter(({ sentOn }) => sentOn < today),
    );
  if (rows.length === 0) return;
  const ids = rows.map(({ p, v }) => versionIds[`${p.code}:${v.period}:${v.type}`]!);
  const documentOf = new Map(
    (
      await tx
        .select({ id: documentVersions.id, documentId: documentVersions.documentId })
        .from(documentVersions)
        .where(inArray(documentVersions.id, ids))
    ).map((r) => [r.id, r.documentId]),
  );
  await tx.insert(documentFeedback).values(
    rows.map(({ p, v, sentOn }, i) => {
      const versionId = versionIds[`${p.code}:${v.period}:${v.type}`]!;
      return {
        documentId: documentOf.get(versionId)!,
        versionId,
        authorId: p.officer,
        body: `Länsstyrelsen har gått igenom ${TYPE_PHRASES[v.type]}. Dokumentet uppfyller kraven i överenskommelsen och behöver inte kompletteras. Vi följer upp arbetet i den fortsatta dialogen.`,
        countyRegistrationNumber: `45${p.code.startsWith("14") ? "2" : "0"}-${8000 + i}-${sentOn.slice(0, 4)}`,
        sentOn,
        sentBy: p.officer,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      };
    }),
  );
}

/** The documents feature's demo step: runs while no document is registered. */
export const documentsDemo: DemoStep = {
  name: "documents",
  isEmpty: async (db) => Number((await db.select({ n: count() }).from(documents))[0]?.n ?? 0) === 0,
  seed: seedDemoDocuments,
};
