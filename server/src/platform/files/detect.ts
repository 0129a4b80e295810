import path from "node:path";
import { fileTypeFromBuffer } from "file-type";

export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export type DocumentKind = "pdf" | "docx" | "odt";

export interface DetectedDocument {
  mediaType: string;
  kind: DocumentKind;
}

const ACCEPTED: Record<DocumentKind, { mediaType: string; extension: string }> = {
  pdf: { mediaType: "application/pdf", extension: ".pdf" },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: ".docx" },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extension: ".odt" },
};

/**
 * The document type read from the content (magic bytes), or null when it is not a PDF, DOCX or ODT.
 * The file name's extension must agree, so that a stored file always opens as what it is
 * (a PNG or a ZIP renamed to .pdf is refused, and so is a PDF named .docx).
 */
export async function detectDocumentType(buffer: Buffer, fileName: string): Promise<DetectedDocument | null> {
  if (buffer.length === 0) return null;
  const detected = await fileTypeFromBuffer(buffer);
  if (!detected) return null;
  const kind = (Object.keys(ACCEPTED) as DocumentKind[]).find((k) => ACCEPTED[k].mediaType === detected.mime);
  if (!kind || path.extname(fileName).toLowerCase() !== ACCEPTED[kind].extension) return null;
  return { mediaType: ACCEPTED[kind].mediaType, kind };
}
