import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";

const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts",
);

/**
 * Liberation Sans (metrically Helvetica/Arial, shipped with pdfjs-dist) is embedded because the built-in Helvetica
 * only encodes WinAnsi: å, ä and ö work, but names such as "Jåhkåmåhkke" or "Giron" with Sami letters, and signs
 * like "≥", would come out garbled.
 */
export const FONT = { regular: "Sans", bold: "Sans-Bold" } as const;

/** An A4 pdfkit document with the fonts registered; resolves to the PDF bytes once `build` has drawn it. */
export function renderPdf(
  options: PDFKit.PDFDocumentOptions,
  build: (doc: PDFKit.PDFDocument) => void | Promise<void>,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", lang: "sv-SE", displayTitle: true, ...options });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    registerFonts(doc);
    Promise.resolve()
      .then(() => build(doc))
      .then(() => doc.end(), reject);
  });
}

function registerFonts(doc: PDFKit.PDFDocument) {
  const regular = path.join(fontDir, "LiberationSans-Regular.ttf");
  const bold = path.join(fontDir, "LiberationSans-Bold.ttf");
  if (existsSync(regular) && existsSync(bold)) {
    doc.registerFont(FONT.regular, regular);
    doc.registerFont(FONT.bold, bold);
  } else {
    doc.registerFont(FONT.regular, "Helvetica");
    doc.registerFont(FONT.bold, "Helvetica-Bold");
  }
  doc.font(FONT.regular);
}

/** A table with a shaded header row, as in letters and reports. Rows move to the next page when they do not fit. */
export function drawPdfTable(
  doc: PDFKit.PDFDocument,
  table: { columns: string[]; rows: string[][] },
  x: number,
  width: number,
  /** In a tagged document: the structure element the table (Table, TR, TH, TD) is added to. */
  structParent?: PDFKit.PDFStructureElement,
) {
  doc.font(FONT.regular).fontSize(9.5);
  const header = table.columns.map((text) => ({
    text,
    type: "TH" as const,
    font: { src: FONT.bold },
    backgroundColor: "#e6e6e6",
  }));
  doc.table({
    ...(structParent ? { structParent } : {}),
    position: { x },
    maxWidth: width,
    defaultStyle: { border: 0.5, borderColor: "#999999", padding: [4, 5, 4, 5] },
    data: [header, ...table.rows],
  });
}
