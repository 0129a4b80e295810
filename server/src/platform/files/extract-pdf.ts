import { createRequire } from "node:module";
import path from "node:path";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { type ExtractedText, MAX_TEXT_CHARS, capText, isNumberedHeading } from "./extract.js";

interface Line {
  text: string;
  size: number;
  y: number;
  page: number;
}

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** A scanned page may still carry a stamped page number; a page with real text has hundreds of letters. */
const MIN_LETTERS_PER_PAGE = 25;
/** A line this much larger than the body text is a heading. */
const HEADING_SIZE_RATIO = 1.12;
/** A gap this many times the font size between two pieces of text separates columns or table cells. */
const COLUMN_GAP = 1.5;
const MAX_HEADING_CHARS = 160;

export async function extractPdf(buffer: Buffer): Promise<ExtractedText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(buffer),
    standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
    cMapUrl: `${pdfjsDir}/cmaps/`,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise;
    const lines: Line[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages && chars < MAX_TEXT_CHARS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const pageLines = toLines(
        content.items.filter((i): i is TextItem => "str" in i),
        n,
      );
      lines.push(...pageLines);
      chars += pageLines.reduce((sum, l) => sum + l.text.length + 1, 0);
      page.cleanup();
    }
    const letters = lines.reduce((sum, l) => sum + (l.text.match(/\p{L}/gu)?.length ?? 0), 0);
    if (letters < MIN_LETTERS_PER_PAGE * pdf.numPages) return { textStatus: "noTextLayer", text: null, headings: [] };
    return {
      textStatus: "extracted",
      text: capText(lines.map((l) => l.text).join("\n")),
      headings: findHeadings(lines),
    };
  } finally {
    await task.destroy();
  }
}

/** Joins text items into visual lines: a new line at an end-of-line mark, a change of baseline or a column gap. */
function toLines(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: (Line & { endX: number }) | null = null;
  const flush = () => {
    const text = current?.text.replace(/\s+/g, " ").trim();
    if (current && text) lines.push({ text, size: current.size, y: current.y, page });
    current = null;
  };
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(c, d) || item.height;
    const sameLine = current && Math.abs(current.y - y) <= Math.max(current.size, size) / 2;
    if (current && (!sameLine || (item.str && x - current.endX > COLUMN_GAP * size))) flush();
    if (item.str) {
      if (!current) current = { text: "", size, y, page, endX: x };
      const gap = x - current.endX > size * 0.15 && !/\s$/.test(current.text);
      current.text += (gap ? " " : "") + item.str;
      current.size = Math.max(current.size, size);
      current.endX = x + item.width;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** Lines in a larger font than the body (wrapped ones joined), and numbered short lines at any size. */
function findHeadings(lines: Line[]): string[] {
  const body = bodySize(lines);
  const headings: string[] = [];
  let previous: Line | null = null;
  for (const [i, line] of lines.entries()) {
    const large = line.size >= body * HEADING_SIZE_RATIO && /\p{L}/u.test(line.text) && !isTocEntry(line.text);
    const next = lines[i + 1];
    if (large && previous && continuesHeading(previous, line)) {
      headings[headings.length - 1] += ` ${line.text}`;
    } else if (large || isNumberedHeading(line.text)) {
      if (!isTocEntry(line.text)) headings.push(line.text);
    } else if (/^\d{1,2}(\.\d{1,2})*\.?$/.test(line.text) && next && isNumberedHeading(`${line.text} ${next.text}`)) {
      // The number set apart from its title: "3." on one line, "Samhällsviktig verksamhet" on the next.
      headings.push(`${line.text} ${next.text}`);
    }
    previous = large ? line : null;
  }
  return headings.filter((h) => h.length <= MAX_HEADING_CHARS);
}

/** A wrapped heading: the next line on the same page in the same large size, right below. */
function continuesHeading(previous: Line, line: Line): boolean {
  return (
    previous.page === line.page &&
    Math.abs(previous.size - line.size) < 0.5 &&
    previous.y - line.y > 0 &&
    previous.y - line.y <= line.size * 1.4 &&
    !isNumberedHeading(line.text)
  );
}

/** "3. Samhällsviktig verksamhet ........ 5" in a table of contents. */
const isTocEntry = (text: string) => /(\.\s?){4,}\s*\d+$|\s\d+$/.test(text) && /\.{4,}|…/.test(text);

/** The most common text size, weighted by characters. */
function bodySize(lines: Line[]): number {
  const weights = new Map<number, number>();
  for (const l of lines)
    weights.set(Math.round(l.size * 2) / 2, (weights.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...weights.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
