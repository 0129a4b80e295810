import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AgreementInput, DOCUMENT_TYPES } from "@uppsikt/core";
import type { Db } from "../client.js";
import { agreements, counties, documentTypes, municipalities } from "../schema/index.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";

const REF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data-ref");

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path.join(REF_DIR, file), "utf8").trim().split(/\r?\n/);
  const cols = header!.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [cols[i]!, v.trim()])));
}

/** The agreements known from public sources (domain-facts.md); the agency edits them in the app. */
export const KNOWN_AGREEMENTS: AgreementInput[] = [
  {
    kind: "crisisPreparedness",
    title: "Överenskommelse om kommunernas krisberedskap 2019–2022",
    firstYear: 2019,
    lastYear: 2023,
    registrationNumber: "MSB 2018-09779",
    taskAreas: [
      "Risk- och sårbarhetsanalys",
      "Planering",
      "Geografiskt områdesansvar",
      "Utbildning och övning",
      "Rapportering",
    ],
    note: "Förlängd till och med 2023. Innehåller regler om redovisning, uppföljning, sparande (6.3) och reducering (6.4).",
  },
  {
    kind: "civilDefence",
    title: "Överenskommelse om kommunernas arbete med civilt försvar 2018–2020",
    firstYear: 2018,
    lastYear: 2022,
    registrationNumber: "MSB 2018-05681",
    taskAreas: [
      "Kompetenshöjning gällande totalförsvar",
      "Säkerhetsskydd",
      "Krigsorganisation och krigsplacering av personal",
      "Ledningsansvar",
      "Geografiskt områdesansvar",
    ],
    note: "Reviderad till och med 2022. Uppföljningen avser om arbetet har påbörjats.",
  },
  {
    kind: "combined",
    title: "Överenskommelse om kommunernas arbete med civil beredskap 2024–2026",
    firstYear: 2024,
    lastYear: 2026,
    registrationNumber: null,
    taskAreas: ["Del 1: Uppgifter enligt LEH kap. 2–3", "Del 2: Stärkt civilt försvar"],
    note: "649 mnkr per år nationellt (362 LEH, 260 civilt försvar, 27 Rakel). Diarienummer ej verifierat.",
  },
];

/** Inserts what is missing, at every start; never overwrites edits. */
export async function loadReferenceData(db: Db, clock: Clock): Promise<Record<string, number>> {
  const countyRows = readCsv("counties.csv").map((r) => ({ code: r.code!, name: r.name!, board: r.board! }));
  const municipalityRows = readCsv("municipalities.csv").map((r) => ({
    code: r.code!,
    name: r.name!,
    countyCode: r.county_code!,
  }));
  return db.transaction(async (tx) => {
    const c = await tx.insert(counties).values(countyRows).onConflictDoNothing().returning({ code: counties.code });
    const m = await tx
      .insert(municipalities)
      .values(municipalityRows)
      .onConflictDoNothing()
      .returning({ code: municipalities.code });
    const existing = await tx.select({ title: agreements.title }).from(agreements);
    const missing = KNOWN_AGREEMENTS.filter((a) => !existing.some((e) => e.title === a.title));
    const a = missing.length ? await tx.insert(agreements).values(missing).returning({ id: agreements.id }) : [];
    const d = await tx
      .insert(documentTypes)
      .values([...DOCUMENT_TYPES])
      .onConflictDoNothing()
      .returning({ id: documentTypes.id });
    const inserted = { counties: c.length, municipalities: m.length, agreements: a.length, documentTypes: d.length };
    if (c.length || m.length || a.length || d.length) {
      await recordAudit(
        tx,
        { actor: systemActor, requestId: null, clock },
        { action: "reference.load", entityType: "reference", after: inserted },
      );
    }
    return inserted;
  });
}
