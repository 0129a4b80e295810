import type { AgreementArea, ParticipantRole } from "@uppsikt/core";
import { type Letter, renderLetterDocx, renderLetterPdf } from "../../platform/letters/index.js";
import { municipalityAddressee } from "../documents/feedback-letter.js";
import type { StoredMeasure, StoredPart } from "./schema.js";

/*
 * The protocol and its secret appendix as letters (R2.7-7, R2.9-1, R2.10-1). The main protocol holds every part
 * that is not confidential and says that a secret appendix exists; the appendix holds the confidential parts with
 * their grounds. "Det som fungerar väl" is always a section of its own, also when nothing is written in it.
 */

export interface ProtocolContent {
  municipality: { code: string; name: string };
  countyBoard: string;
  heldOn: string | null;
  place: string;
  participants: { name: string; role: ParticipantRole; attended: boolean }[];
  writtenBy: string;
  approvedBy: string | null;
  registrationNumber: string | null;
  sentOn: string | null;
  versionNo: number;
  corrects: string | null;
  /** The county's fixed texts (its protocol template) as they were when the protocol was written or sent. */
  texts?: { intro: string; closing: string };
  worksWell: string;
  deficiencies: StoredPart[];
  measures: StoredMeasure[];
  otherNotes: StoredPart[];
  actionPlanDue: string | null;
  assessment: {
    areas: { code: string; title: string; agreementArea: AgreementArea; result: string; overridden: boolean }[];
    overall: Record<AgreementArea, { result: string; overridden: boolean }>;
  };
}

const ROLE: Record<ParticipantRole, string> = {
  coordinator: "Beredskapssamordnare",
  chiefExecutive: "Kommundirektör",
  seniorOfficial: "Annan ledande tjänsteperson",
  boardChair: "Kommunstyrelsens ordförande",
  commissioner: "Kommunalråd",
  countyOfficer: "Länsstyrelsen",
  other: "Annan",
};
export const RESULT_WORDS: Record<string, string> = {
  met: "Uppfyllt",
  partlyMet: "Delvis uppfyllt",
  notMet: "Inte uppfyllt",
  notAssessed: "Ej bedömt",
  started: "Påbörjat",
  partlyStarted: "Delvis påbörjat",
  notStarted: "Inte påbörjat",
};
const AGREEMENT: Record<AgreementArea, string> = {
  crisisPreparedness: "Krisberedskap",
  civilDefence: "Civilt försvar",
};

const open = <T extends StoredPart>(parts: readonly T[]) => parts.filter((p) => !p.confidentialBasis);
const secret = <T extends StoredPart>(parts: readonly T[]) => parts.filter((p) => p.confidentialBasis);

export const hasSecretParts = (c: Pick<ProtocolContent, "deficiencies" | "measures" | "otherNotes">) =>
  [...c.deficiencies, ...c.measures, ...c.otherNotes].some((p) => p.confidentialBasis);

const title = (c: ProtocolContent) => `Protokoll från uppföljningsbesök i ${c.municipality.name}`;

function references(c: ProtocolContent) {
  return [
    { label: "Kommun", value: `${c.municipality.name} (${c.municipality.code})` },
    { label: "Besöksdatum", value: c.heldOn ?? "Inte hållet" },
    ...(c.place ? [{ label: "Plats", value: c.place }] : []),
    { label: "Länsstyrelsens dnr", value: c.registrationNumber ?? "Tilldelas när protokollet skickas" },
    { label: "Protokollversion", value: String(c.versionNo) },
    { label: "Skrivet av", value: c.writtenBy },
    { label: "Godkänt av", value: c.approvedBy ?? "Inte godkänt" },
  ];
}

const draftFooter = (c: ProtocolContent, draft: string | null) =>
  draft ?? (c.sentOn ? `Skickat ${c.sentOn}` : undefined);

/** The main protocol: nothing confidential in it, only that a secret appendix exists. */
export function protocolLetter(c: ProtocolContent, options: { draft: string | null }): Letter {
  const attended = c.participants.filter((p) => p.attended || c.heldOn === null);
  const municipalPeople = attended.filter((p) => p.role !== "countyOfficer");
  const countyTeam = attended.filter((p) => p.role === "countyOfficer");
  const withSecret = hasSecretParts(c);
  const secretNote = "Uppgifter som omfattas av sekretess finns i den hemliga bilagan.";
  const deficiencies = open(c.deficiencies);
  const measures = open(c.measures);
  const notes = open(c.otherNotes);
  return {
    sender: c.countyBoard,
    recipient: municipalityAddressee(c.municipality.name),
    title: title(c),
    date: c.sentOn ?? c.heldOn ?? "",
    references: references(c),
    sections: [
      ...(c.texts?.intro ? [{ heading: "Om besöket", paragraphs: [c.texts.intro] }] : []),
      ...(c.corrects
        ? [
            {
              heading: "Rättelse",
              paragraphs: [
                `Detta protokoll (version ${c.versionNo}) ersätter version ${c.versionNo - 1}. Rättelsen avser: ${c.corrects}`,
              ],
            },
          ]
        : []),
      {
        heading: "Deltagare",
        paragraphs: attended.length === 0 ? ["Inga deltagare är antecknade."] : [],
        table: municipalPeople.length
          ? { columns: ["Kommunens deltagare", "Roll"], rows: municipalPeople.map((p) => [p.name, ROLE[p.role]]) }
          : undefined,
      },
      ...(countyTeam.length
        ? [
            {
              heading: "Länsstyrelsens deltagare",
              paragraphs: [countyTeam.map((p) => p.name).join(", ")],
            },
          ]
        : []),
      { heading: "Det som fungerar väl", paragraphs: [c.worksWell.trim() || "Inget antecknat."] },
      {
        heading: "Brister och frågor",
        paragraphs: [
          ...(deficiencies.length === 0 && !secret(c.deficiencies).length ? ["Inga brister är antecknade."] : []),
          ...deficiencies.map((d) => d.text),
          ...(secret(c.deficiencies).length ? [secretNote] : []),
        ],
      },
      {
        heading: "Bedömning",
        paragraphs: c.assessment.areas.length === 0 ? ["Besöket är inte bedömt."] : [],
        table: c.assessment.areas.length
          ? {
              columns: ["Område", "Del av överenskommelsen", "Bedömning"],
              rows: [
                ...c.assessment.areas.map((a) => [
                  `${a.code} – ${a.title}`,
                  AGREEMENT[a.agreementArea],
                  `${RESULT_WORDS[a.result] ?? a.result}${a.overridden ? " (länsstyrelsens samlade bedömning)" : ""}`,
                ]),
                ...(["crisisPreparedness", "civilDefence"] as const).map((k) => [
                  "Sammantaget",
                  AGREEMENT[k],
                  RESULT_WORDS[c.assessment.overall[k].result] ?? c.assessment.overall[k].result,
                ]),
              ],
            }
          : undefined,
      },
      {
        heading: "Åtgärder som kommunen bör vidta",
        paragraphs: [
          ...(measures.length === 0 && !secret(c.measures).length ? ["Länsstyrelsen föreslår inga åtgärder."] : []),
          ...(secret(c.measures).length ? [secretNote] : []),
        ],
        table: measures.length
          ? {
              columns: ["Åtgärd", "Senast", "Så följer länsstyrelsen upp"],
              rows: measures.map((m) => [m.text, m.due, m.followUp]),
            }
          : undefined,
      },
      {
        heading: "Kommunens åtgärdsplan",
        paragraphs: [
          c.actionPlanDue
            ? `Kommunen lämnar en åtgärdsplan för åtgärderna till länsstyrelsen senast ${c.actionPlanDue}.`
            : "Länsstyrelsen har inte begärt någon åtgärdsplan.",
        ],
      },
      ...(notes.length || secret(c.otherNotes).length
        ? [
            {
              heading: "Övrigt",
              paragraphs: [...notes.map((n) => n.text), ...(secret(c.otherNotes).length ? [secretNote] : [])],
            },
          ]
        : []),
      ...(c.texts?.closing ? [{ heading: "Frågor och fortsatt uppföljning", paragraphs: [c.texts.closing] }] : []),
      ...(withSecret
        ? [
            {
              heading: "Hemlig bilaga",
              paragraphs: [
                "Protokollet har en hemlig bilaga med uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (2009:400). Bilagan lämnas separat till den som har behörighet att ta del av den.",
              ],
            },
          ]
        : []),
    ],
    footer: draftFooter(c, options.draft),
  };
}

/** The secret appendix: the confidential parts with their grounds, and nothing else. */
export function secretAppendixLetter(c: ProtocolContent, options: { draft: string | null }): Letter {
  const withBasis = (p: StoredPart) => `${p.text} (sekretess enligt ${p.confidentialBasis})`;
  const deficiencies = secret(c.deficiencies);
  const measures = secret(c.measures);
  const notes = secret(c.otherNotes);
  const bases = [...new Set([...deficiencies, ...measures, ...notes].map((p) => p.confidentialBasis))].join("; ");
  return {
    sender: c.countyBoard,
    recipient: municipalityAddressee(c.municipality.name),
    title: `Hemlig bilaga till protokollet från uppföljningsbesöket i ${c.municipality.name}`,
    date: c.sentOn ?? c.heldOn ?? "",
    references: [...references(c), { label: "Sekretess", value: bases }],
    sections: [
      ...(deficiencies.length ? [{ heading: "Brister och frågor", paragraphs: deficiencies.map(withBasis) }] : []),
      ...(measures.length
        ? [
            {
              heading: "Åtgärder som kommunen bör vidta",
              table: {
                columns: ["Åtgärd", "Senast", "Så följer länsstyrelsen upp", "Sekretess"],
                rows: measures.map((m) => [m.text, m.due, m.followUp, m.confidentialBasis ?? ""]),
              },
            },
          ]
        : []),
      ...(notes.length ? [{ heading: "Övrigt", paragraphs: notes.map(withBasis) }] : []),
    ],
    // Every page says what it is, so a loose page is not mistaken for the public protocol.
    footer: [`Hemlig bilaga – sekretess enligt ${bases}`, draftFooter(c, options.draft)].filter(Boolean).join(" · "),
  };
}

export async function renderProtocol(c: ProtocolContent, draft: string | null) {
  const main = protocolLetter(c, { draft });
  const appendix = hasSecretParts(c) ? secretAppendixLetter(c, { draft }) : null;
  const [pdf, docx, appendixPdf, appendixDocx] = await Promise.all([
    renderLetterPdf(main),
    renderLetterDocx(main),
    appendix ? renderLetterPdf(appendix) : Promise.resolve(null),
    appendix ? renderLetterDocx(appendix) : Promise.resolve(null),
  ]);
  return { pdf, docx, appendixPdf, appendixDocx };
}
