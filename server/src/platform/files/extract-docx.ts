import mammoth from "mammoth";
import { type ExtractedText, capText, isNumberedHeading } from "./extract.js";

const SHORT_HEADING_CHARS = 120;

/** DOCX through mammoth's HTML: h1–h6 from heading styles, plus short numbered or all-bold paragraphs. */
export async function extractDocx(buffer: Buffer): Promise<ExtractedText> {
  const { value: html } = await mammoth.convertToHtml(
    { buffer },
    { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
  );
  const headings: string[] = [];
  const lines: string[] = [];
  for (const [, tag, inner] of html.matchAll(/<(h[1-6]|p|li|th|td)\b[^>]*>(.*?)<\/\1>/gs)) {
    const text = plainText(inner!);
    if (!text) continue;
    lines.push(text);
    const allBold = /^<strong>.*<\/strong>$/s.test(inner!.trim()) && !/[.:]$/.test(text);
    const short = text.length <= SHORT_HEADING_CHARS;
    if (tag!.startsWith("h") || (tag === "p" && short && (isNumberedHeading(text) || allBold))) headings.push(text);
  }
  const text = capText(lines.join("\n"));
  if (!text.trim()) return { textStatus: "noTextLayer", text: null, headings: [] };
  return { textStatus: "extracted", text, headings };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}
