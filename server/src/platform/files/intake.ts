import { createHash, webcrypto } from "node:crypto";
import { AppError } from "../errors.js";
import { checkArchive } from "./archive.js";
import { type DocumentKind, detectDocumentType } from "./detect.js";
import { type ExtractedText, extractText } from "./extract.js";
import type { Upload } from "./multipart.js";

/** A file that passed intake: its type read from the content, its hash, and (when asked for) its text. */
export interface AcceptedFile {
  fileName: string;
  content: Buffer;
  mediaType: string;
  kind: DocumentKind;
  sizeBytes: number;
  sha256: string;
  /** Null unless the owner asked for text extraction. */
  text: ExtractedText | null;
}

export interface IntakeOptions {
  /** Extract text and headings (documents: yes, for search and the RSA check; request answers: no). */
  extractText: boolean;
}

export const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

/** The same hash computed in libuv's thread pool: a 20 MB file does not hold the event loop while it is hashed. */
const sha256Off = async (content: Buffer) =>
  Buffer.from(await webcrypto.subtle.digest("SHA-256", content)).toString("hex");

export const unsupportedType = (fileName: string) =>
  new AppError(
    415,
    "unsupportedMediaType",
    `Filen ${fileName} är inte en PDF-, DOCX- eller ODT-fil (innehållet avgör, inte filnamnet).`,
  );

/** One file: 415 unless its content is a PDF, DOCX or ODT whose name agrees; hashed; text extracted if asked. */
export async function acceptFile(file: Upload["files"][number], options: IntakeOptions): Promise<AcceptedFile> {
  const detected = await detectDocumentType(file.buffer, file.fileName);
  if (!detected) throw unsupportedType(file.fileName);
  // DOCX and ODT are ZIP archives: what they unpack to is checked before any parser opens them (413/415).
  if (detected.kind !== "pdf") checkArchive(file.buffer, `Filen ${file.fileName}`);
  return {
    fileName: file.fileName,
    content: file.buffer,
    mediaType: detected.mediaType,
    kind: detected.kind,
    sizeBytes: file.buffer.length,
    sha256: await sha256Off(file.buffer),
    text: options.extractText ? await extractText(file.buffer, detected.kind) : null,
  };
}

/** Every file of an upload, in upload order; the first file of a wrong type refuses the whole upload (415). */
export function acceptFiles(files: Upload["files"], options: IntakeOptions): Promise<AcceptedFile[]> {
  return Promise.all(files.map((f) => acceptFile(f, options)));
}

/** What the audit log records of a file: its hash and size, never its name or content. */
export const auditedFile = (f: AcceptedFile) => ({ sha256: f.sha256, size: f.sizeBytes });
