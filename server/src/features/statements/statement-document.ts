import { GROUND_RULES, PRECONDITION_RULES, type PreconditionCode, type StatementGroundCode } from "@uppsikt/core";
import { type Letter, renderLetterDocx, renderLetterPdf } from "../../platform/letters/index.js";

/*
 * The statement to the agency and its secret appendix as letters (R3.1-1). The statement holds the chosen grounds
 * with their evidence, the history (deficiencies, dates, measures, the municipality's responses), the checklist of
 * preconditions and, when sent with some missing, the override and its reason. Confidential parts go only in the
 * secret appendix; the statement says that one exists.
 */

export interface StatementEvidenceLine {
  text: string;
  date: string | null;
}

export interface StatementContent {
  county: { code: string; name: string; board: string };
  municipality: { code: string; name: string };
  agency: string;
  initiatedBy: "county" | "municipality";
  savingsNotice: { text: string; createdOn: string; amount: number | null } | null;
  grounds: {
    ground: StatementGroundCode;
    text: string | null;
    communicatedBy: { label: string; date: string | null }[];
    evidence: StatementEvidenceLine[];
  }[];
  text: string;
  history: StatementEvidenceLine[];
  actions: { text: string; due: string; status: string }[];
  opportunities: {
    description: string;
    offeredOn: string;
    lapsesOn: string;
    answer: string | null;
    answeredOn: string | null;
  }[];
  preconditions: { key: PreconditionCode; applies: boolean; met: boolean }[];
  override: { reason: string; missing: PreconditionCode[] } | null;
  secretParts: { text: string; confidentialBasis: string }[];
  draftedBy: string;
  approvedBy: string | null;
  registrationNumber: string | null;
  sentOn: string | null;
}

export const PRECONDITION_NAMES: Record<PreconditionCode, string> = {
  communicated: "Bristerna har meddelats kommunen skriftligt",
  actionPlan: "Åtgärdsplan finns",
  savingsPlan: "Plan för sparandet finns",
  oralDialogue: "Muntlig dialog har förts",
  writtenDialogue: "Skriftlig dialog har förts",
  timeToRemedy: "Rimlig tid att åtgärda har gått",
  chanceToCorrect: "Kommunen har fått möjlighet att rätta",
};

export const GROUND_NAMES: Record<StatementGroundCode, string> = {
  noRsaReport: "Ingen risk- och sårbarhetsanalys enligt MSBFS 2015:5",
  cannotAccount: "Kommunen kan inte redovisa ersättningens användning",
  wrongfulUse: "Felaktig användning av ersättningen",
  savingsPlan: "Planen för sparandet följs inte",
  repeatedFailure: "Upprepad underlåtenhet att genomföra åtgärder",
  other: "Annan grund",
};

export const overrideLine = (o: { reason: string; missing: PreconditionCode[] }) =>
  `Skickat trots att förutsättningar saknas: ${o.missing.map((k) => PRECONDITION_NAMES[k]).join(", ")}. Skäl: ${o.reason}`;

const dated = (e: StatementEvidenceLine) => (e.date ? `${e.date}: ${e.text}` : e.text);

function references(c: StatementContent) {
  return [
    { label: "Kommun", value: `${c.municipality.name} (${c.municipality.code})` },
    { label: "Länsstyrelsens dnr", value: c.registrationNumber ?? "Tilldelas när yttrandet skickas" },
    { label: "Initierat av", value: c.initiatedBy === "municipality" ? "Kommunen" : "Länsstyrelsen" },
    { label: "Upprättat av", value: c.draftedBy },
    { label: "Godkänt av", value: c.approvedBy ?? "Inte godkänt" },
  ];
}

export function statementLetter(c: StatementContent, draft: string | null): Letter {
  return {
    sender: c.county.board,
    recipient: c.agency,
    title: `Yttrande om ersättningen till ${c.municipality.name}`,
    date: c.sentOn ?? "",
    references: references(c),
    sections: [
      ...(c.override
        ? [{ heading: "Skickat trots saknade förutsättningar", paragraphs: [overrideLine(c.override)] }]
        : []),
      ...(c.savingsNotice
        ? [
            {
              heading: "Kommunens meddelande om sparande",
              paragraphs: [
                `Kommunen meddelade ${c.savingsNotice.createdOn} att den har sparade medel den inte kan använda: ${c.savingsNotice.text}`,
              ],
            },
          ]
        : []),
      ...(c.text.trim() ? [{ heading: "Yttrande", paragraphs: c.text.split(/\n{2,}/) }] : []),
      {
        heading: "Grunder",
        paragraphs: c.grounds.length === 0 ? ["Inga grunder är valda."] : [],
      },
      ...c.grounds.map((g) => ({
        heading: GROUND_NAMES[g.ground],
        paragraphs: [
          GROUND_RULES[g.ground],
          ...(g.text ? [g.text] : []),
          ...g.evidence.map(dated),
          ...(g.communicatedBy.length
            ? [
                `Meddelat kommunen: ${g.communicatedBy.map((x) => (x.date ? `${x.label} (${x.date})` : x.label)).join("; ")}.`,
              ]
            : []),
        ],
      })),
      {
        heading: "Historik",
        paragraphs: c.history.length ? c.history.map(dated) : ["Ingen historik är registrerad."],
      },
      ...(c.actions.length
        ? [
            {
              heading: "Åtgärder",
              table: { columns: ["Åtgärd", "Senast", "Status"], rows: c.actions.map((a) => [a.text, a.due, a.status]) },
            },
          ]
        : []),
      ...(c.opportunities.length
        ? [
            {
              heading: "Möjlighet att rätta",
              paragraphs: c.opportunities.map(
                (o) =>
                  `${o.offeredOn}: ${o.description} ${
                    o.answer
                      ? `Kommunen svarade ${o.answeredOn}: ${o.answer}`
                      : `Sista dag att svara var ${o.lapsesOn}.`
                  }`,
              ),
            },
          ]
        : []),
      {
        heading: "Förutsättningar",
        table: {
          columns: ["Förutsättning", "Uppfylld"],
          rows: c.preconditions.map((p) => [
            PRECONDITION_NAMES[p.key],
            !p.applies ? "Gäller inte" : p.met ? "Ja" : "Nej",
          ]),
        },
        paragraphs: [],
      },
      ...(c.secretParts.length
        ? [
            {
              heading: "Hemlig bilaga",
              paragraphs: [
                "Yttrandet har en hemlig bilaga med uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (2009:400). Bilagan lämnas separat till den som har behörighet att ta del av den.",
              ],
            },
          ]
        : []),
    ],
    footer: draft ?? (c.sentOn ? `Skickat ${c.sentOn}` : undefined),
  };
}

export function secretAppendixLetter(c: StatementContent, draft: string | null): Letter {
  const bases = [...new Set(c.secretParts.map((p) => p.confidentialBasis))].join("; ");
  return {
    sender: c.county.board,
    recipient: c.agency,
    title: `Hemlig bilaga till yttrandet om ersättningen till ${c.municipality.name}`,
    date: c.sentOn ?? "",
    references: [...references(c), { label: "Sekretess", value: bases }],
    sections: [
      {
        heading: "Sekretessbelagda uppgifter",
        paragraphs: c.secretParts.map((p) => `${p.text} (sekretess enligt ${p.confidentialBasis})`),
      },
    ],
    footer: [`Hemlig bilaga – sekretess enligt ${bases}`, draft ?? (c.sentOn ? `Skickat ${c.sentOn}` : undefined)]
      .filter(Boolean)
      .join(" · "),
  };
}

export const preconditionRule = (key: PreconditionCode) => PRECONDITION_RULES[key];

export async function renderStatement(c: StatementContent, draft: string | null) {
  const main = statementLetter(c, draft);
  const appendix = c.secretParts.length ? secretAppendixLetter(c, draft) : null;
  const [pdf, docx, appendixPdf, appendixDocx] = await Promise.all([
    renderLetterPdf(main),
    renderLetterDocx(main),
    appendix ? renderLetterPdf(appendix) : Promise.resolve(null),
    appendix ? renderLetterDocx(appendix) : Promise.resolve(null),
  ]);
  return { pdf, docx, appendixPdf, appendixDocx };
}
