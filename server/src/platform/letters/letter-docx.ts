import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { docxTable } from "./docx-table.js";
import { DATE_LABEL, type Letter, type LetterSection } from "./letter.js";
import { xmlSafeDeep } from "../exports/xml-safe.js";

const FONT = "Arial";
const GREY = "555555";
/** A4 in twentieths of a point, margins as in the PDF: 25 mm left, 20 mm right. */
const PAGE = { width: 11906, height: 16838, left: 1418, right: 1134, top: 1134, bottom: 1418 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LEFT_SHARE = 0.5;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const NO_TABLE_BORDERS = { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** The same letter as the PDF, as an editable Word document with real heading styles. */
export function renderLetterDocx(input: Letter): Promise<Buffer> {
  const letter = xmlSafeDeep(input);
  const doc = new Document({
    creator: "Uppsikt",
    title: letter.title,
    description: `${letter.sender} till ${letter.recipient}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, language: { value: "sv-SE" } },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: "000000" },
          paragraph: { spacing: { before: 480, after: 240 } },
        },
        heading2: {
          run: { font: FONT, size: 24, bold: true, color: "000000" },
          paragraph: { spacing: { before: 300, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        headers: { default: runningHeader(letter), first: new Header({ children: [] }) },
        footers: { default: footer(letter), first: footer(letter) },
        children: [
          headerBlock(letter),
          new Paragraph({ text: letter.title, heading: HeadingLevel.HEADING_1 }),
          ...letter.sections.flatMap(section),
          ...signature(letter),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Sender on the left; date, references and recipient on the right, as in a printed authority letter. */
function headerBlock(letter: Letter): Table {
  const leftWidth = Math.round(CONTENT_WIDTH * LEFT_SHARE);
  const labelTab = 1700;
  const references = [{ label: DATE_LABEL, value: letter.date }, ...letter.references].map(
    ({ label, value }) =>
      new Paragraph({
        spacing: { after: 20 },
        indent: { left: labelTab, hanging: labelTab },
        tabStops: [{ type: TabStopType.LEFT, position: labelTab }],
        children: [new TextRun({ text: label, size: 16, color: GREY }), new TextRun({ text: `\t${value}`, size: 19 })],
      }),
  );
  const recipient = new Paragraph({
    spacing: { before: 360 },
    children: [new TextRun({ text: letter.recipient, size: 22 })],
  });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, CONTENT_WIDTH - leftWidth],
    borders: NO_TABLE_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            borders: NO_BORDERS,
            width: { size: leftWidth, type: WidthType.DXA },
            children: [new Paragraph({ children: [new TextRun({ text: letter.sender, bold: true, size: 26 })] })],
          }),
          new TableCell({
            borders: NO_BORDERS,
            width: { size: CONTENT_WIDTH - leftWidth, type: WidthType.DXA },
            children: [...references, recipient],
          }),
        ],
      }),
    ],
  });
}

function section(s: LetterSection): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }),
    ...(s.paragraphs ?? []).map((text) => new Paragraph({ text })),
    ...(s.table ? [docxTable(s.table, CONTENT_WIDTH), new Paragraph({ text: "" })] : []),
  ];
}

function signature(letter: Letter): Paragraph[] {
  if (!letter.signature) return [];
  const { name, title } = letter.signature;
  return [
    new Paragraph({ spacing: { before: 600, after: 0 }, keepNext: true, text: name }),
    ...(title ? [new Paragraph({ children: [new TextRun({ text: title, color: GREY })] })] : []),
  ];
}

function runningHeader(letter: Letter): Header {
  const reference = letter.references[0];
  const right = [letter.date, reference && `${reference.label} ${reference.value}`].filter(Boolean).join("   ");
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [new TextRun({ text: `${letter.sender}\t${right}`, size: 16, color: GREY })],
      }),
    ],
  });
}

function footer(letter: Letter): Footer {
  return new Footer({
    children: [
      new Paragraph({
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: "999999", space: 4 } },
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        alignment: AlignmentType.LEFT,
        children: [
          new TextRun({ text: `${letter.footer ?? ""}\tSida `, size: 16, color: GREY }),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: GREY }),
          new TextRun({ text: " av ", size: 16, color: GREY }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: GREY }),
        ],
      }),
    ],
  });
}
