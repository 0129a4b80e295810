import { DECISION_BODY_LABELS, type DecisionBody, type DocumentTypeId } from "@uppsikt/core";
import type { Letter } from "../../platform/letters/index.js";

/** Short names for file names and running text. */
export const DOCUMENT_TYPE_SHORT: Record<DocumentTypeId, string> = {
  rsa: "RSA",
  steeringDocument: "Styrdokument",
  crisisBoardRules: "Reglemente krisledningsnämnd",
  emergencyPlan: "Plan extraordinära händelser",
  trainingAndExercisePlan: "Utbildnings- och övningsplan",
};

const RESULT_LABELS: Record<string, string> = { met: "Uppfyllt", partlyMet: "Delvis uppfyllt", notMet: "Ej uppfyllt" };

/**
 * "Stockholm" → "Stockholms kommun", "Uppsala" → "Uppsala kommun", "Borås" → "Borås kommun".
 * Swedish genitive: no s after a vowel or s/x/z. A few municipalities use another form.
 */
export function municipalityAddressee(name: string): string {
  const special: Record<string, string> = { Gotland: "Region Gotland", Falun: "Falu kommun" };
  if (special[name]) return special[name];
  return /[aeiouyåäösxz]$/i.test(name) ? `${name} kommun` : `${name}s kommun`;
}

/** "Risk- och sårbarhetsanalys (RSA)" → "risk- och sårbarhetsanalys (RSA)": the name inside a sentence. */
const inSentence = (name: string) => (/^[A-ZÅÄÖ][a-zåäö]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name);

export interface FeedbackLetterData {
  countyBoard: string;
  municipalityName: string;
  type: DocumentTypeId;
  typeName: string;
  period: number;
  versionNo: number;
  decidedBy: string;
  decidedOn: string;
  receivedOn: string;
  municipalityRegistrationNumber: string | null;
  countyRegistrationNumber: string | null;
  body: string;
  authorName: string;
  /** The sent date, or today for a draft. */
  date: string;
  draft: boolean;
  confidentialBasis: string | null;
  /** Set when the review's comments are confidential (the version's basis) and left out for this reader. */
  commentsWithheldBasis?: string | null;
  reviewItems: { code: string; text: string; result: string; comment: string | null }[];
}

/** The feedback as a letter from the county board to the municipality (R2.3-3). */
export function feedbackLetter(d: FeedbackLetterData): Letter {
  const sections: Letter["sections"] = [
    {
      heading: "Återkoppling",
      paragraphs: d.body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    },
  ];
  if (d.reviewItems.length > 0)
    sections.push({
      heading: "Granskning mot de gemensamma bedömningskriterierna",
      paragraphs: [
        `Länsstyrelsen har granskat dokumentet mot de gemensamma bedömningskriterierna med följande resultat.`,
        ...(d.commentsWithheldBasis
          ? [
              `Kommentarerna till granskningen är sekretessbelagda (${d.commentsWithheldBasis}) och finns inte med i den här utskriften.`,
            ]
          : []),
      ],
      table: {
        columns: ["Kriterium", "Bedömning", "Kommentar"],
        rows: d.reviewItems.map((i) => [`${i.code} ${i.text}`, RESULT_LABELS[i.result] ?? i.result, i.comment ?? ""]),
      },
    });
  const footer = [
    d.confidentialBasis ? `Sekretessbelagd enligt ${d.confidentialBasis}.` : null,
    d.draft ? "Utkast – inte skickat." : null,
  ].filter(Boolean);
  return {
    sender: d.countyBoard,
    recipient: municipalityAddressee(d.municipalityName),
    title: `Återkoppling på ${inSentence(d.typeName)}`,
    date: d.date,
    references: [
      { label: "Länsstyrelsens dnr", value: d.countyRegistrationNumber ?? "–" },
      { label: "Kommunens dnr", value: d.municipalityRegistrationNumber ?? "–" },
      { label: "Dokument", value: d.typeName },
      { label: "Version", value: String(d.versionNo) },
      {
        label: "Beslutsdatum",
        value: `${d.decidedOn} (${DECISION_BODY_LABELS[d.decidedBy as DecisionBody]?.toLowerCase() ?? d.decidedBy})`,
      },
      { label: "Inkom", value: d.receivedOn },
      { label: "Mandatperiod", value: `${d.period}–${d.period + 3}` },
    ],
    sections,
    signature: { name: d.authorName, title: "Handläggare" },
    footer: footer.length ? footer.join(" ") : undefined,
  };
}

/** "Återkoppling RSA Stockholm 2026-11-27.pdf"; a draft says so. */
export function feedbackLetterFileName(
  d: Pick<FeedbackLetterData, "type" | "municipalityName" | "date" | "draft">,
  format: "docx" | "pdf",
): string {
  return `Återkoppling ${DOCUMENT_TYPE_SHORT[d.type]} ${d.municipalityName} ${d.date}${d.draft ? " (utkast)" : ""}.${format}`;
}
