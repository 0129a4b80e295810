import type { TextStatus as TextStatusSchema } from "@uppsikt/core";
import type { z } from "zod";
import type { DocumentKind } from "./detect.js";
import { inWorker } from "./extract-pool.js";

export type TextStatus = z.infer<typeof TextStatusSchema>;

export interface ExtractedText {
  textStatus: TextStatus;
  /** Plain text, one line per paragraph or PDF line; null unless extracted. */
  text: string | null;
  /** Heading lines in document order, numbering kept ("3.1 Kritiska beroenden"). */
  headings: string[];
}

/**
 * Stored and indexed text is capped: PostgreSQL's tsvector holds at most 1 MB, and the RSA check needs headings, not
 * the whole of a very long appendix.
 */
export const MAX_TEXT_CHARS = 500_000;

/** A long appendix numbered throughout should not flood the stored heading list. */
export const MAX_HEADINGS = 500;

/** Never throws: a file that cannot be read is `failed`, a scan without a text layer `noTextLayer`. */
export async function extractTextInProcess(buffer: Buffer, kind: DocumentKind): Promise<ExtractedText> {
  try {
    if (kind === "odt") return { textStatus: "unsupported", text: null, headings: [] };
    const { extractPdf } = await import("./extract-pdf.js");
    const { extractDocx } = await import("./extract-docx.js");
    const result = kind === "pdf" ? await extractPdf(buffer) : await extractDocx(buffer);
    return {
      ...result,
      text: result.text === null ? null : capText(storable(result.text)),
      headings: result.headings.slice(0, MAX_HEADINGS).map(storable),
    };
  } catch {
    return { textStatus: "failed", text: null, headings: [] };
  }
}

export interface ExtractLimits {
  /** Wall time of one file's extraction. */
  timeoutMs: number;
  /** The worker's heap. */
  maxHeapMb: number;
}

export const EXTRACT_LIMITS: ExtractLimits = { timeoutMs: 20_000, maxHeapMb: 768 };

/**
 * Never throws, and never blocks the server's event loop: pdfjs and mammoth run in a worker thread with a time and
 * a memory limit (`extract-worker.ts`), at most two at a time. A file they cannot read in time, or within the
 * memory, is `failed` ("texten kunde inte läsas"): stored, not refused.
 */
export function extractText(
  buffer: Buffer,
  kind: DocumentKind,
  limits: ExtractLimits = EXTRACT_LIMITS,
): Promise<ExtractedText> {
  if (kind === "odt") return Promise.resolve({ textStatus: "unsupported", text: null, headings: [] });
  return inWorker(buffer, kind, limits);
}

/**
 * A file's text as PostgreSQL can store it: NUL dropped, a lone UTF-16 surrogate replaced by U+FFFD (the text is
 * read from the file, not typed, so it is cleaned rather than refused).
 */
export function storable(text: string): string {
  return text
    .replaceAll("\u0000", "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** "3. Samhällsviktig verksamhet", "5.2 Risker för översvämning": a number, then a short capitalised line. */
export function isNumberedHeading(line: string): boolean {
  const match = /^\d{1,2}(?:\.\d{1,2})*\.?\s+(\p{Lu}.*)$/u.exec(line.trim());
  if (!match) return false;
  const rest = match[1]!;
  return rest.split(/\s+/).length <= 14 && rest.length <= 120 && !/[.,;:]$/.test(rest);
}

export function capText(text: string): string {
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
}
