import { DATE_LABEL, type Letter, type LetterSection, pageLabel } from "./letter.js";
import { FONT, drawPdfTable, renderPdf } from "./pdf-document.js";
import { xmlSafeDeep } from "../exports/xml-safe.js";

const MARGIN = { top: 57, bottom: 72, left: 70, right: 57 };
const RIGHT_COLUMN = 310;
const LABEL_WIDTH = 88;
const GREY = "#555555";
const BODY = { size: 10.5, lineGap: 2 };

/** A4 letter: sender top left, date and references top right with the recipient below them, then the body. */
export function renderLetterPdf(input: Letter): Promise<Buffer> {
  const letter = xmlSafeDeep(input);
  return renderPdf(
    {
      margins: MARGIN,
      bufferPages: true,
      // PDF/A-2 for archiving, tagged (headings, paragraphs, tables) for screen readers, as the accessibility law asks.
      pdfVersion: "1.7",
      subset: "PDF/A-2b",
      tagged: true,
      info: { Title: letter.title, Author: letter.sender, Subject: letter.recipient, Creator: "Uppsikt" },
    },
    (doc) => {
      const body = doc.struct("Document");
      doc.addStructure(body);
      const tag = (type: string, draw: () => void) => body.add(doc.struct(type, {}, draw));
      tag("Div", () => drawHeader(doc, letter));
      tag("H1", () => {
        doc
          .font(FONT.bold)
          .fontSize(16)
          .text(letter.title, MARGIN.left, doc.y, { width: contentWidth(doc) });
      });
      for (const section of letter.sections) drawSection(doc, section, body);
      if (letter.signature) {
        const signature = letter.signature;
        tag("P", () => drawSignature(doc, signature));
      }
      body.end();
      drawPageFrames(doc, letter);
    },
  );
}

function drawHeader(doc: PDFKit.PDFDocument, letter: Letter) {
  const top = MARGIN.top;
  doc
    .font(FONT.bold)
    .fontSize(13)
    .text(letter.sender, MARGIN.left, top, { width: RIGHT_COLUMN - MARGIN.left - 20 });
  const senderBottom = doc.y;

  let y = top + 2;
  for (const { label, value } of [{ label: DATE_LABEL, value: letter.date }, ...letter.references]) {
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(GREY)
      .text(label, RIGHT_COLUMN, y + 1.5, { width: LABEL_WIDTH - 6 });
    const labelBottom = doc.y;
    doc
      .fontSize(9.5)
      .fillColor("black")
      .text(value, RIGHT_COLUMN + LABEL_WIDTH, y, { width: rightWidth(doc) - LABEL_WIDTH });
    y = Math.max(doc.y, labelBottom) + 2;
  }
  doc
    .font(FONT.regular)
    .fontSize(11)
    .text(letter.recipient, RIGHT_COLUMN, y + 22, { width: rightWidth(doc) });
  doc.y = Math.max(doc.y, senderBottom) + 40;
}

function drawSection(doc: PDFKit.PDFDocument, section: LetterSection, body: PDFKit.PDFStructureElement) {
  const width = contentWidth(doc);
  const sect = doc.struct("Sect");
  body.add(sect);
  doc.font(FONT.bold).fontSize(12.5);
  // Keep a heading with at least three lines of what follows it.
  if (doc.y + doc.heightOfString(section.heading, { width }) + 3 * 15 > doc.page.height - MARGIN.bottom) doc.addPage();
  sect.add(
    doc.struct("H2", {}, () => {
      doc.moveDown(0.9).text(section.heading, MARGIN.left, doc.y, { width });
    }),
  );
  doc.moveDown(0.3);
  for (const paragraph of section.paragraphs ?? []) {
    sect.add(
      doc.struct("P", {}, () => {
        doc
          .font(FONT.regular)
          .fontSize(BODY.size)
          .text(paragraph, MARGIN.left, doc.y, { width, lineGap: BODY.lineGap });
      }),
    );
    doc.moveDown(0.5);
  }
  if (section.table) drawTable(doc, section.table, sect);
  sect.end();
}

function drawTable(
  doc: PDFKit.PDFDocument,
  table: NonNullable<LetterSection["table"]>,
  parent: PDFKit.PDFStructureElement,
) {
  doc.moveDown(0.3);
  drawPdfTable(doc, table, MARGIN.left, contentWidth(doc), parent);
  doc.moveDown(0.6);
}

function drawSignature(doc: PDFKit.PDFDocument, signature: NonNullable<Letter["signature"]>) {
  if (doc.y + 70 > doc.page.height - MARGIN.bottom) doc.addPage();
  doc.moveDown(2).font(FONT.regular).fontSize(BODY.size).text(signature.name, MARGIN.left, doc.y);
  if (signature.title) doc.fillColor(GREY).text(signature.title).fillColor("black");
}

/** Footer with page numbers on every page; from page 2 a running header so a loose page can be placed. */
function drawPageFrames(doc: PDFKit.PDFDocument, letter: Letter) {
  const { start, count } = doc.bufferedPageRange();
  const reference = letter.references[0];
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Page numbers and running headers are artifacts, not content, for a screen reader.
    doc.markContent("Artifact", { type: "Pagination" });
    const { width, height } = doc.page;
    doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise open a new page
    const footerY = height - 48;
    doc
      .moveTo(MARGIN.left, footerY - 6)
      .lineTo(width - MARGIN.right, footerY - 6)
      .lineWidth(0.5)
      .stroke("#999999");
    doc.font(FONT.regular).fontSize(8).fillColor(GREY);
    if (letter.footer) doc.text(letter.footer, MARGIN.left, footerY, { width: 330, lineBreak: false });
    doc.text(pageLabel(i - start + 1, count), width - MARGIN.right - 120, footerY, { width: 120, align: "right" });
    if (i > start) {
      doc.text(letter.sender, MARGIN.left, 30, { width: 250, lineBreak: false });
      const right = [letter.date, reference && `${reference.label} ${reference.value}`].filter(Boolean).join("   ");
      doc.text(right, RIGHT_COLUMN, 30, { width: rightWidth(doc), align: "right", lineBreak: false });
    }
    doc.fillColor("black");
    doc.endMarkedContent();
  }
}

const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - MARGIN.left - MARGIN.right;
const rightWidth = (doc: PDFKit.PDFDocument) => doc.page.width - MARGIN.right - RIGHT_COLUMN;
