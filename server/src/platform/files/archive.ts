import { AppError } from "../errors.js";

/** What an archive (DOCX, ODT, XLSX) may unpack to: checked in its central directory before any parser opens it. */
export interface ArchiveLimits {
  /** Bytes of every entry together, uncompressed. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one entry (entries above `ratioFromBytes` only). */
  maxRatio: number;
  ratioFromBytes: number;
  maxEntries: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFromBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export interface ArchiveEntry {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** The central directory's entries, or null when the buffer is not a readable ZIP (or needs ZIP64). */
export function readCentralDirectory(buffer: Buffer): ArchiveEntry[] | null {
  if (buffer.length < 22) return null;
  const from = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= from; i--)
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === ZIP64_MARK || offset + size > buffer.length) return null;
  const entries: ArchiveEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== CENTRAL) return null;
    const compressedBytes = buffer.readUInt32LE(p + 20);
    const uncompressedBytes = buffer.readUInt32LE(p + 24);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    if (compressedBytes === ZIP64_MARK || uncompressedBytes === ZIP64_MARK) return null;
    const name = buffer.toString("utf8", p + 46, p + 46 + nameLength);
    entries.push({ name, compressedBytes, uncompressedBytes });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * `what` names the file in the message ("Filen plan.docx", "Excelfilen").
 * Refuses an archive that would unpack to too much (413) or whose entries are compressed suspiciously hard, or
 * whose central directory cannot be read (415), before mammoth, ExcelJS or anything else inflates it.
 */
export function checkArchive(buffer: Buffer, what: string, limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  const entries = readCentralDirectory(buffer);
  if (!entries || entries.length > limits.maxEntries)
    throw new AppError(415, "unsupportedMediaType", `${what} är ett arkiv som inte kan läsas.`);
  const total = entries.reduce((sum, e) => sum + e.uncompressedBytes, 0);
  if (total > limits.maxTotalBytes)
    throw new AppError(
      413,
      "payloadTooLarge",
      `${what} packas upp till ${megabytesText(total)} MB; högst ${megabytesText(limits.maxTotalBytes)} MB tas emot.`,
    );
  const packed = entries.find(
    (e) =>
      e.uncompressedBytes > limits.ratioFromBytes &&
      e.uncompressedBytes > limits.maxRatio * Math.max(1, e.compressedBytes),
  );
  if (packed)
    throw new AppError(
      415,
      "unsupportedMediaType",
      `${what} innehåller en del (${packed.name}) som är packad mer än ${limits.maxRatio} gånger och tas inte emot.`,
    );
}

/** 209715200 → "200", 104857601 → "100,1". */
const megabytesText = (bytes: number) =>
  (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toLocaleString("sv-SE", { maximumFractionDigits: 1 });
