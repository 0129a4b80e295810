import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from "docx";
import { greyscalePng } from "../../platform/files/png.js";
import { docxTable } from "../../platform/letters/docx-table.js";
import { FONT, drawPdfTable, renderPdf } from "../../platform/letters/pdf-document.js";
import {
  PLAN_ACTIVITIES,
  type RsaChapter,
  type Table,
  confidentialAppendix,
  municipalityNames,
  planParagraphs,
  rsaChapters,
  rsaIntroduction,
} from "./demo-files-text.js";

export interface DemoRsaOptions {
  /** As in the reference data: "Stockholm", "Upplands Väsby". */
  municipality: string;
  year: number;
  /** Positions (1–8) of MSBFS 2015:5 § 4 to leave out, to show the RSA check finding a gap. */
  omitSections?: number[];
  /** Risks and vulnerabilities before the description of vital services, as some municipalities write it. */
  reorder?: boolean;
  /** Headings worded freely instead of the regulation's titles. */
  freeWording?: boolean;
}

export interface DemoPlanOptions {
  municipality: string;
  /** "Styrdokument för krisberedskap och civilt försvar 2027–2030" */
  title: string;
  /** "Kommunfullmäktige" */
  decidedBy: string;
  decidedOn: string;
}

type Block = { kind: "h1" | "h2" | "p"; text: string } | { kind: "table"; table: Table };

/** What both renderers draw: an optional cover page, then numbered headings, paragraphs and tables. */
interface DemoDocument {
  title: string;
  author: string;
  /** Lines under the title; on a cover page of their own when `coverPage`. */
  subtitle: string[];
  coverPage: boolean;
  blocks: Block[];
  footer: string;
  /** A marking repeated at the top of every page. */
  marking?: string;
}

const DEMO_NOTE = "Demoexempel med fiktiva uppgifter";
const REORDERED = [1, 2, 5, 7, 3, 4, 6, 8];

export function demoRsaReportPdf(opts: DemoRsaOptions): Promise<Buffer> {
  return demoPdf(rsaReport(opts));
}

export function demoRsaReportDocx(opts: DemoRsaOptions): Promise<Buffer> {
  return demoDocx(rsaReport(opts));
}

export function demoPlanPdf(opts: DemoPlanOptions): Promise<Buffer> {
  return demoPdf(plan(opts));
}

export function demoPlanDocx(opts: DemoPlanOptions): Promise<Buffer> {
  return demoDocx(plan(opts));
}

export function demoConfidentialAppendixPdf(opts: { municipality: string; year: number }): Promise<Buffer> {
  const names = municipalityNames(opts.municipality);
  const { paragraphs, table } = confidentialAppendix(names, opts.year);
  return demoPdf({
    title: "Bilaga – sårbarheter i kritisk infrastruktur (sekretess enligt 18 kap. 13 § OSL)",
    author: names.full,
    subtitle: [`Risk- och sårbarhetsanalys ${opts.year}, ${names.full}`],
    coverPage: false,
    blocks: [...paragraphs.map((text) => ({ kind: "p" as const, text })), { kind: "table", table }],
    footer: `${names.full} – ${DEMO_NOTE}`,
    marking: "SEKRETESS enligt 18 kap. 13 § OSL",
  });
}

/** One A4 page that is only an image of a typed page, as from a scanner: no text layer. */
export function demoScannedPdf(): Promise<Buffer> {
  const [width, height] = [620, 877];
  const image = greyscalePng(width, height, (x, y) => scannedPageShade(x, y, width));
  return renderPdf({ margin: 0, info: { Title: "Inskannat dokument" } }, (doc) => {
    doc.image(image, 0, 0, { width: doc.page.width, height: doc.page.height });
  });
}

function rsaReport({
  municipality,
  year,
  omitSections = [],
  reorder = false,
  freeWording = false,
}: DemoRsaOptions): DemoDocument {
  const names = municipalityNames(municipality);
  const byPosition = new Map(rsaChapters(names, year).map((c) => [c.position, c]));
  const chapters = (reorder ? REORDERED : [...byPosition.keys()])
    .filter((p) => !omitSections.includes(p))
    .map((p) => byPosition.get(p)!);
  const blocks: Block[] = [
    { kind: "h1", text: "1. Inledning" },
    ...rsaIntroduction(names, year).map((text) => ({ kind: "p" as const, text })),
    ...chapters.flatMap((chapter, i) => chapterBlocks(chapter, i + 2, freeWording)),
  ];
  return {
    title: `Risk- och sårbarhetsanalys ${year}`,
    author: names.full,
    subtitle: [names.full, `Mandatperioden ${year}–${year + 3}`, `Beslutad av kommunstyrelsen ${year}-09-24`],
    coverPage: true,
    blocks,
    footer: `Risk- och sårbarhetsanalys ${year}, ${names.full} – ${DEMO_NOTE}`,
  };
}

function chapterBlocks(chapter: RsaChapter, number: number, freeWording: boolean): Block[] {
  return [
    { kind: "h1", text: `${number}. ${freeWording ? chapter.free : chapter.official}` },
    ...chapter.paragraphs.map((text) => ({ kind: "p" as const, text })),
    ...(chapter.table ? [{ kind: "table" as const, table: chapter.table }] : []),
    ...(chapter.subsections ?? []).flatMap((s, i): Block[] => [
      { kind: "h2", text: `${number}.${i + 1} ${s.heading}` },
      ...s.paragraphs.map((text) => ({ kind: "p" as const, text })),
    ]),
  ];
}

function plan({ municipality, title, decidedBy, decidedOn }: DemoPlanOptions): DemoDocument {
  const names = municipalityNames(municipality);
  const sections = planParagraphs(names, title);
  return {
    title,
    author: names.full,
    subtitle: [names.full, `Fastställd av ${decidedBy.toLocaleLowerCase("sv-SE")} ${decidedOn}`],
    coverPage: false,
    blocks: sections.flatMap((s, i): Block[] => [
      { kind: "h1", text: `${i + 1}. ${s.heading}` },
      ...s.paragraphs.map((text) => ({ kind: "p" as const, text })),
      ...(i === sections.length - 1 ? [{ kind: "table" as const, table: PLAN_ACTIVITIES }] : []),
    ]),
    footer: `${title}, ${names.full} – ${DEMO_NOTE}`,
  };
}

const PDF_MARGIN = { top: 70, bottom: 72, left: 70, right: 62 };

function demoPdf(d: DemoDocument): Promise<Buffer> {
  return renderPdf(
    { margins: PDF_MARGIN, bufferPages: true, info: { Title: d.title, Author: d.author, Creator: "Uppsikt" } },
    (doc) => {
      const width = doc.page.width - PDF_MARGIN.left - PDF_MARGIN.right;
      const text = (value: string, size: number, font: string = FONT.regular, gap = 2) =>
        doc.font(font).fontSize(size).text(value, PDF_MARGIN.left, doc.y, { width, lineGap: gap });
      if (d.coverPage) doc.y = 250;
      text(d.title, d.coverPage ? 26 : 20, FONT.bold);
      doc.moveDown(0.5);
      for (const line of d.subtitle) text(line, d.coverPage ? 14 : 10.5).moveDown(0.2);
      if (d.coverPage) doc.addPage();
      else doc.moveDown(1);

      for (const block of d.blocks) {
        if (block.kind === "table") {
          drawPdfTable(doc, block.table, PDF_MARGIN.left, width);
          doc.moveDown(0.8);
          continue;
        }
        if (block.kind === "p") {
          text(block.text, 11, FONT.regular, 2.5).moveDown(0.6);
          continue;
        }
        const size = block.kind === "h1" ? 16 : 13;
        // Keep a heading with the start of its text.
        if (doc.y + 80 > doc.page.height - PDF_MARGIN.bottom) doc.addPage();
        doc.moveDown(block.kind === "h1" ? 0.8 : 0.4);
        text(block.text, size, FONT.bold).moveDown(0.4);
      }
      drawPdfPageFrames(doc, d);
    },
  );
}

function drawPdfPageFrames(doc: PDFKit.PDFDocument, d: DemoDocument) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    doc.page.margins.bottom = 0; // writing below the bottom margin would otherwise open a new page
    if (d.marking) {
      doc.font(FONT.bold).fontSize(10).fillColor("#a00000");
      doc.text(d.marking, PDF_MARGIN.left, 34, { width: width - PDF_MARGIN.left - PDF_MARGIN.right, align: "right" });
    }
    if (!(d.coverPage && i === start)) {
      doc.font(FONT.regular).fontSize(8).fillColor("#555555");
      doc.text(d.footer, PDF_MARGIN.left, height - 46, { width: 360, lineBreak: false });
      doc.text(`Sida ${i - start + 1} av ${count}`, width - PDF_MARGIN.right - 100, height - 46, {
        width: 100,
        align: "right",
      });
    }
    doc.fillColor("black");
  }
}

/** A4 in twentieths of a point, less 25 mm and 22 mm margins. */
const DOCX_CONTENT_WIDTH = 11906 - 1418 - 1247;

function demoDocx(d: DemoDocument): Promise<Buffer> {
  const small = (text: string) => new TextRun({ text, size: 16, color: "555555" });
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: DOCX_CONTENT_WIDTH }],
        children: [
          small(`${d.footer}\tSida `),
          new TextRun({ children: [PageNumber.CURRENT], size: 16, color: "555555" }),
          small(" av "),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: "555555" }),
        ],
      }),
    ],
  });
  const marking = d.marking
    ? new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: d.marking, bold: true, color: "A00000" })],
          }),
        ],
      })
    : undefined;
  const cover = [
    new Paragraph({ text: d.title, heading: HeadingLevel.TITLE, spacing: { before: d.coverPage ? 3600 : 0 } }),
    ...d.subtitle.map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, size: d.coverPage ? 28 : 21 })] }),
    ),
    ...(d.coverPage ? [new Paragraph({ children: [new PageBreak()] })] : []),
  ];
  const body = d.blocks.map((block) => {
    if (block.kind === "table") return docxTable(block.table, DOCX_CONTENT_WIDTH);
    if (block.kind === "p") return new Paragraph({ text: block.text });
    return new Paragraph({
      text: block.text,
      heading: block.kind === "h1" ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    });
  });
  const doc = new Document({
    creator: d.author,
    title: d.title,
    styles: {
      default: {
        document: {
          run: { font: "Arial", size: 22, language: { value: "sv-SE" } },
          paragraph: { spacing: { after: 140 } },
        },
        title: {
          run: { font: "Arial", size: 48, bold: true, color: "000000" },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: {
          run: { font: "Arial", size: 32, bold: true, color: "000000" },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: "Arial", size: 26, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1418, bottom: 1418, left: 1418, right: 1247 } } },
        headers: marking ? { default: marking } : undefined,
        footers: { default: footer },
        children: [...cover, ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A typed page as a scanner sees it: a letterhead block, then ragged lines of "text", on slightly grey paper. */
function scannedPageShade(x: number, y: number, width: number): number {
  const paper = 242 + ((x * 7 + y * 13) % 5);
  const margin = 70;
  if (x < margin || x > width - margin || y < 60) return paper;
  if (y >= 60 && y < 78 && x < 300) return 60; // letterhead
  if (y >= 120 && y < 134 && x < 430) return 50; // title
  const line = Math.floor((y - 170) / 16);
  const inLine = y >= 170 && (y - 170) % 16 < 7 && line < 38 && line % 9 !== 8;
  const lineEnd = width - margin - ((line * 37) % 90) - (line % 9 === 7 ? 180 : 0);
  if (inLine && x < lineEnd) return (x >> 3) % 6 === 0 ? paper : 70; // word gaps
  return paper;
}
