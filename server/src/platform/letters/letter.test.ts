import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { extractText } from "../files/extract.js";
import { detectDocumentType } from "../files/detect.js";
import { type Letter, renderLetterDocx, renderLetterPdf } from "./index.js";

const letter: Letter = {
  sender: "Länsstyrelsen i Stockholms län",
  recipient: "Stockholms kommun",
  title: "Återkoppling på risk- och sårbarhetsanalys",
  date: "2026-11-27",
  references: [
    { label: "Länsstyrelsens dnr", value: "451-12345-2026" },
    { label: "Kommunens dnr", value: "KS 2026/412" },
    { label: "Mandatperiod", value: "2027–2030" },
  ],
  sections: [
    {
      heading: "Bakgrund",
      paragraphs: ["Länsstyrelsen har tagit del av kommunens analys och lämnar här sin återkoppling på åäö ÅÄÖ."],
    },
    {
      heading: "Länsstyrelsens bedömning",
      table: {
        columns: ["Avsnitt", "Bedömning"],
        rows: [
          ["6. Generell krisberedskap", "Saknas – komplettering behövs"],
          ["7. Sårbarheter och brister", "Uppfyllt"],
        ],
      },
    },
    // Enough sections to need a second page, so the page frames are exercised.
    ...Array.from({ length: 12 }, (_, i) => ({
      heading: `Åtgärd ${i + 1}`,
      paragraphs: ["Kommunen bör se över reservkraft, nödvatten och alternativa sambandsvägar i Jåhkåmåhkke."],
    })),
  ],
  signature: { name: "Anna Öberg", title: "Beredskapshandläggare" },
  footer: "Uppsikt – uppföljning av kommunernas krisberedskap",
};

const expectLetterText = (text: string) => {
  for (const part of [letter.title, letter.recipient, letter.sender, "2026-11-27", "451-12345-2026", "KS 2026/412"]) {
    expect(text).toContain(part);
  }
  expect(text).toContain("Saknas – komplettering behövs");
  expect(text).toContain("återkoppling på åäö ÅÄÖ.");
  expect(text).toContain("Jåhkåmåhkke");
  expect(text).toContain("Anna Öberg");
};

describe("letters", () => {
  it("[R2.7-7] the PDF is PDF/A-2 with an sRGB output intent, and tagged: the title, headings, paragraphs and tables", async () => {
    const pdf = (await renderLetterPdf(letter)).toString("latin1");
    expect(pdf.startsWith("%PDF-1.7")).toBe(true);
    expect(pdf).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(pdf).toContain("/OutputIntents");
    expect(pdf).toContain("/StructTreeRoot");
    expect(pdf).toMatch(/\/Marked true/);
    for (const tag of ["H1", "H2", "P", "Table", "TR", "TH", "TD"]) expect(pdf).toContain(`/S /${tag}`);
    expect(pdf).toContain("/Lang (sv-SE)");
  });

  it("[R2.3-3] renders a PDF letter whose text, table and Swedish letters read back", async () => {
    const pdf = await renderLetterPdf(letter);
    expect(await detectDocumentType(pdf, "återkoppling.pdf")).toMatchObject({ kind: "pdf" });
    const result = await extractText(pdf, "pdf");
    expect(result.textStatus).toBe("extracted");
    expectLetterText(result.text!);
    expect(result.text).toContain("Sida 1 av 2");
    expect(result.text).toContain("Sida 2 av 2");
    expect(result.text).toContain(letter.footer);
    expect(result.headings).toEqual(expect.arrayContaining([letter.title, "Bakgrund", "Länsstyrelsens bedömning"]));
  });

  it("[R2.3-3] renders a DOCX letter with heading styles whose text and table read back", async () => {
    const docx = await renderLetterDocx(letter);
    expect(await detectDocumentType(docx, "återkoppling.docx")).toMatchObject({ kind: "docx" });
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain(`<h1>${letter.title}</h1>`);
    expect(html).toContain("<h2>Länsstyrelsens bedömning</h2>");
    expect(html).toMatch(/<td><p>Saknas – komplettering behövs<\/p><\/td>/);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expectLetterText(text);
  });

  it("[R2.3-3] renders a letter without signature, footer or references", async () => {
    const bare: Letter = { ...letter, references: [], signature: undefined, footer: undefined, sections: [] };
    expect((await extractText(await renderLetterPdf(bare), "pdf")).text).toContain(letter.title);
    expect((await mammoth.extractRawText({ buffer: await renderLetterDocx(bare) })).value).toContain(letter.title);
  });
});
