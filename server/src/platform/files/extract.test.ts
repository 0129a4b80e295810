import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { FONT, renderPdf } from "../letters/pdf-document.js";
import { MAX_TEXT_CHARS, extractText, storable } from "./extract.js";
import { greyscalePng } from "./png.js";

const body = "Kommunen har analyserat hur el- och vattenförsörjningen påverkas vid ett längre avbrott. ".repeat(6);

const reportPdf = () =>
  renderPdf({}, (doc) => {
    doc.font(FONT.bold).fontSize(20).text("Risk- och sårbarhetsanalys för Exempelby kommun");
    doc.fontSize(15).text("3. Samhällsviktig verksamhet inom kommunens geografiska område och de beroenden som finns");
    doc.font(FONT.regular).fontSize(11).text(body).moveDown();
    doc.text("3.1 Kritiska beroenden").moveDown();
    doc.text(body).moveDown();
    doc.text("4.").text("Identifierade risker").moveDown();
    doc.text(`Åtgärder för åäö ÅÄÖ. ${body}`);
    doc.text("1. Inledning ........................ 2");
  });

const reportDocx = () =>
  Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Kritiska beroenden", heading: HeadingLevel.HEADING_1 }),
            new Paragraph(body),
            new Paragraph({ text: "Sårbarheter & brister", heading: HeadingLevel.HEADING_2 }),
            new Paragraph("5.2 Risk för översvämning"),
            new Paragraph({ children: [new TextRun({ text: "Behov av åtgärder", bold: true })] }),
            new Paragraph("1. Kommunen ska se över reservkraften."),
            new Paragraph({ children: [new TextRun({ text: "Obs:", bold: true })] }),
          ],
        },
      ],
    }),
  );

describe("text extraction", () => {
  it("[R2.2-5] reads a PDF's text and its headings from font size and numbering", async () => {
    const result = await extractText(await reportPdf(), "pdf");
    expect(result.textStatus).toBe("extracted");
    expect(result.text).toContain("Åtgärder för åäö ÅÄÖ.");
    expect(result.headings).toEqual([
      "Risk- och sårbarhetsanalys för Exempelby kommun",
      "3. Samhällsviktig verksamhet inom kommunens geografiska område och de beroenden som finns",
      "3.1 Kritiska beroenden",
      "4. Identifierade risker",
    ]);
  });

  it("[R2.2-5] reads a DOCX's heading styles, numbered and all-bold short paragraphs as headings", async () => {
    const result = await extractText(await reportDocx(), "docx");
    expect(result.textStatus).toBe("extracted");
    expect(result.text).toContain("Sårbarheter & brister");
    expect(result.text).toContain("vattenförsörjningen");
    expect(result.headings).toEqual([
      "Kritiska beroenden",
      "Sårbarheter & brister",
      "5.2 Risk för översvämning",
      "Behov av åtgärder",
    ]);
  });

  it("[R2.2-5] reports a scanned PDF (an image, no text) as noTextLayer", async () => {
    const scan = greyscalePng(60, 80, (x, y) => (y % 8 < 2 && x > 6 && x < 54 ? 40 : 245));
    const pdf = await renderPdf({}, (doc) => void doc.image(scan, 50, 50, { width: 400 }));
    expect(await extractText(pdf, "pdf")).toEqual({ textStatus: "noTextLayer", text: null, headings: [] });
  });

  it("[R2.2-5] reports corrupt and password-protected files as failed and ODT as unsupported, without throwing", async () => {
    const failed = { textStatus: "failed", text: null, headings: [] };
    const pdf = await reportPdf();
    expect(await extractText(pdf.subarray(0, 400), "pdf")).toEqual(failed);
    expect(await extractText(Buffer.from("%PDF-1.7\nskräp"), "pdf")).toEqual(failed);
    expect(await extractText(Buffer.from("PK\u0003\u0004skräp"), "docx")).toEqual(failed);
    expect(await extractText(pdf, "docx")).toEqual(failed);
    const locked = await renderPdf({ userPassword: "hemligt", pdfVersion: "1.7" }, (doc) => void doc.text(body));
    expect(await extractText(locked, "pdf")).toEqual(failed);
    expect(await extractText(Buffer.from("PK"), "odt")).toEqual({
      textStatus: "unsupported",
      text: null,
      headings: [],
    });
  });

  it("[R2.2-5] caps the stored text", async () => {
    const long = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph("å".repeat(MAX_TEXT_CHARS + 10))] }] }),
    );
    const result = await extractText(long, "docx");
    expect(result.text).toHaveLength(MAX_TEXT_CHARS);
  });
});

describe("[I9.1] a file's text is made storable", () => {
  it("[I9.1] drops NUL and replaces a lone surrogate, keeps a surrogate pair", () => {
    expect(storable("a\u0000b")).toBe("ab");
    expect(storable("x\uD800y\uDC00z")).toBe("x\uFFFDy\uFFFDz");
    expect(storable("Åre 😀")).toBe("Åre 😀");
  });
});
