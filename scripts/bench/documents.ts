/**
 * Document generation in the benchmark: the visit protocol with a secret appendix as PDF (PDF/A, tagged) and DOCX,
 * rendered in this process as the server renders them. Budget 300 ms each (issue 12), as the median of the runs.
 */
import { performance } from "node:perf_hooks";
import { type ProtocolContent, protocolLetter } from "../../server/src/features/protocols/protocol-document.js";
import { renderLetterDocx, renderLetterPdf } from "../../server/src/platform/letters/index.js";

export const DOCUMENT_BUDGET_MS = 300;
const RUNS = 15;

const measure = (text: string, due: string, followUp: string, confidentialBasis: string | null = null) => ({
  text,
  due,
  followUp,
  confidentialBasis,
});

/** A protocol as long as a real one: four participants, eight measures, eight areas. */
export const BENCH_PROTOCOL: ProtocolContent = {
  municipality: { code: "1480", name: "Göteborg" },
  countyBoard: "Länsstyrelsen i Västra Götalands län",
  heldOn: "2026-10-14",
  place: "Stadshuset, Göteborg",
  participants: [
    { name: "Maria Lundgren", role: "coordinator", attended: true },
    { name: "Per Ekström", role: "chiefExecutive", attended: true },
    { name: "Lena Berg", role: "boardChair", attended: true },
    { name: "Johan Bergström", role: "countyOfficer", attended: true },
  ],
  writtenBy: "Johan Bergström",
  approvedBy: "Karin Lindqvist",
  registrationNumber: "451-2231-2026",
  sentOn: "2026-11-04",
  versionNo: 1,
  corrects: null,
  worksWell: "Kommunen har en aktiv krisledningsnämnd som övar två gånger per år. ".repeat(6),
  deficiencies: [
    { text: "Risk- och sårbarhetsanalysen beskriver inte beroenden av el. ".repeat(3), confidentialBasis: null },
    { text: "Reservkraften vid vattenverket räcker inte ett dygn.", confidentialBasis: "18 kap. 13 § OSL" },
  ],
  measures: Array.from({ length: 8 }, (_, i) =>
    measure(
      `Åtgärd ${i + 1}: komplettera planen för extraordinära händelser med ledning och samverkan.`,
      `2027-0${(i % 9) + 1}-28`,
      "Länsstyrelsen följer upp vid nästa dialogmöte och i årsuppföljningen.",
      i === 7 ? "18 kap. 13 § OSL" : null,
    ),
  ),
  otherNotes: [],
  actionPlanDue: "2027-01-31",
  assessment: {
    areas: ["RSA", "PLAN", "EH", "GOA", "UTB", "RAP", "CF", "ORG"].map((code, i) => ({
      code,
      title: `Område ${code}`,
      agreementArea: code === "CF" ? "civilDefence" : "crisisPreparedness",
      result: code === "CF" ? "started" : i % 2 ? "met" : "partlyMet",
      overridden: i === 0,
    })),
    overall: {
      crisisPreparedness: { result: "partlyMet", overridden: false },
      civilDefence: { result: "started", overridden: false },
    },
  },
};

async function median(run: () => Promise<unknown>) {
  await run(); // warm-up: fonts and modules
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function measureDocuments() {
  const letter = protocolLetter(BENCH_PROTOCOL, { draft: null });
  const rows = [
    { name: "Protokoll som PDF (PDF/A, taggad)", ms: await median(() => renderLetterPdf(letter)) },
    { name: "Protokoll som DOCX", ms: await median(() => renderLetterDocx(letter)) },
  ];
  return rows.map((r) => ({ ...r, budgetMs: DOCUMENT_BUDGET_MS, overBudget: r.ms > DOCUMENT_BUDGET_MS }));
}
