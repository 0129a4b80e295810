import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { OUTBOX_ID_PATTERN, type OutboxMessage } from "@uppsikt/core";

/**
 * Mail written to disk when no SMTP server is configured: one RFC 822 file per message in DATA_DIR/outbox, named
 * `<UTC time to the millisecond>-<random>.eml` so that names sort by time and never collide.
 */
export const outboxDir = (dataDir: string) => path.join(dataDir, "outbox");

const EXTENSION = ".eml";

/** Only names this module writes are ever read back: no path separators, no dots but the extension. */
export const isOutboxId = (id: string) => OUTBOX_ID_PATTERN.test(id);

function newId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(".", ""); // 20261127T090000123Z
  return `${stamp}-${randomBytes(8).toString("hex")}`;
}

/** Writes the message atomically (a temporary name, then a rename), so a listing never sees half a file. */
export async function writeOutboxMessage(dir: string, raw: Buffer, at: Date): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = `${newId(at)}${EXTENSION}`;
  const temporary = path.join(dir, `.${name}.tmp`);
  await writeFile(temporary, raw, { flag: "wx" });
  await rename(temporary, path.join(dir, name));
  return name;
}

/** Newest first. An outbox that does not exist yet is empty. */
export async function listOutbox(
  dir: string,
  page: { limit: number; offset: number },
): Promise<{ items: OutboxMessage[]; total: number }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { items: [], total: 0 };
    throw e;
  }
  const ids = names
    .filter((n) => n.endsWith(EXTENSION))
    .map((n) => n.slice(0, -EXTENSION.length))
    .filter(isOutboxId)
    .sort()
    .reverse();
  const items = await Promise.all(
    ids.slice(page.offset, page.offset + page.limit).map(async (id): Promise<OutboxMessage> => {
      const file = path.join(dir, `${id}${EXTENSION}`);
      const [raw, info] = await Promise.all([readFile(file), stat(file)]);
      const headers = parseHeaders(raw.toString("utf8"));
      const date = headers.get("date");
      const parsed = date ? new Date(date) : null;
      return {
        id,
        name: `${id}${EXTENSION}`,
        to: headers.get("to") ?? "",
        subject: headers.get("subject") ?? "",
        date: parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : null,
        sizeBytes: info.size,
      };
    }),
  );
  return { items, total: ids.length };
}

/** The .eml bytes, or null when there is no such message. Refuses anything but a well-formed id. */
export async function readOutboxMessage(dir: string, id: string): Promise<Buffer | null> {
  if (!isOutboxId(id)) return null;
  try {
    return await readFile(path.join(dir, `${id}${EXTENSION}`));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/** The header section of an RFC 822 message: unfolded, names in lower case, encoded words decoded. */
export function parseHeaders(message: string): Map<string, string> {
  const end = message.search(/\r?\n\r?\n/);
  const head = end === -1 ? message : message.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeMimeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === "B") return Buffer.from(text, "base64");
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "_") bytes.push(0x20);
    else if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`). Adjacent words are joined byte-wise before
 * decoding, since an encoder may split a character's bytes between two words.
 */
export function decodeMimeWords(value: string): string {
  // Whitespace between two encoded words is not part of the text.
  const joined = value.replace(/(\?=)\s+(?==\?)/g, "$1");
  let out = "";
  let last = 0;
  let charset: string | null = null;
  let bytes: Buffer[] = [];
  const flush = () => {
    if (charset === null) return;
    try {
      out += new TextDecoder(charset.toLowerCase()).decode(Buffer.concat(bytes));
    } catch {
      out += Buffer.concat(bytes).toString("latin1");
    }
    charset = null;
    bytes = [];
  };
  for (const m of joined.matchAll(ENCODED_WORD)) {
    const [whole, wordCharset = "utf-8", encoding = "Q", text = ""] = m;
    if (m.index > last) {
      flush();
      out += joined.slice(last, m.index);
    }
    if (charset !== null && charset.toLowerCase() !== wordCharset.toLowerCase()) flush();
    charset = wordCharset;
    bytes.push(wordBytes(encoding, text));
    last = m.index + whole.length;
  }
  flush();
  return out + joined.slice(last);
}
