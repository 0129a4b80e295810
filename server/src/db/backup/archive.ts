import { once } from "node:events";
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip, gzipSync } from "node:zlib";
import type { ColumnInfo, SequenceValue } from "./catalog.js";
import { BackupError, type MigrationLevel } from "./levels.js";

export const ARCHIVE_FORMAT = "uppsikt-backup";
export const ARCHIVE_VERSION = 1;

export interface ArchiveTable {
  name: string;
  columns: ColumnInfo[];
  rows: number;
  checksum: string;
}

/**
 * The archive: gzip-compressed JSON lines. Line 1 is this header; then, for each table in the header's order, a
 * line `{"table": name}` followed by its rows, each a JSON array of the column values in the header's column order
 * (PostgreSQL text forms, bytea as base64, null); the last line is `{"end": true}`.
 */
export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  migrationLevel: MigrationLevel;
  createdAt: string;
  appVersion: string;
  source: { kind: "pglite" | "postgresql"; serverVersion: string };
  tables: ArchiveTable[];
  sequences: SequenceValue[];
}

/**
 * Writes the body while the header's counts and checksums are still being computed, then puts the header in front
 * (a gzip stream may consist of several members) and renames the finished file into place.
 */
export class ArchiveWriter {
  private readonly bodyFile: string;
  private readonly gzip = createGzip();
  private readonly body;

  private failure: Error | null = null;

  constructor(private readonly out: string) {
    this.bodyFile = `${out}.body.partial`;
    this.body = createWriteStream(this.bodyFile);
    // A full disk or an unwritable folder surfaces at the next write, not as an unhandled error.
    this.body.on("error", (e) => {
      this.failure ??= e;
      this.gzip.destroy(e);
    });
    this.gzip.on("error", (e) => (this.failure ??= e));
    this.gzip.pipe(this.body);
  }

  private check() {
    if (this.failure) throw new BackupError(`Säkerhetskopian kan inte skrivas: ${this.failure.message}`);
  }

  async write(line: string) {
    this.check();
    if (!this.gzip.write(`${line}\n`)) await once(this.gzip, "drain");
  }

  async finish(header: ArchiveHeader) {
    this.check();
    const done = once(this.body, "close");
    this.gzip.end(`${JSON.stringify({ end: true })}\n`);
    await done;
    this.check();
    const partial = `${this.out}.partial`;
    try {
      const target = createWriteStream(partial, { flags: "w" });
      target.write(gzipSync(`${JSON.stringify(header)}\n`));
      await pipeline(createReadStream(this.bodyFile), target);
      renameSync(partial, this.out);
    } finally {
      rmSync(partial, { force: true });
      rmSync(this.bodyFile, { force: true });
    }
  }

  async abort() {
    this.gzip.destroy();
    this.body.destroy();
    rmSync(this.bodyFile, { force: true });
  }
}

/** Reads an archive line by line; `header()` first. */
export class ArchiveReader {
  private readonly lines: AsyncIterator<string>;
  private readonly input;

  constructor(file: string) {
    this.input = createReadStream(file);
    const gunzip = createGunzip();
    this.input.on("error", (e) => gunzip.destroy(e));
    this.lines = createInterface({ input: this.input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  }

  private async next(): Promise<unknown> {
    let r;
    try {
      r = await this.lines.next();
    } catch (e) {
      throw new BackupError(`Säkerhetskopian kan inte läsas: ${(e as Error).message}`);
    }
    if (r.done) throw new BackupError("Säkerhetskopian är avbruten (filen tar slut för tidigt).");
    try {
      return JSON.parse(r.value);
    } catch {
      throw new BackupError("Säkerhetskopian är skadad (en rad är inte JSON).");
    }
  }

  async header(): Promise<ArchiveHeader> {
    const h = (await this.next()) as Partial<ArchiveHeader> | null;
    if (!h || h.format !== ARCHIVE_FORMAT)
      throw new BackupError("Filen är ingen säkerhetskopia från Uppsikt (npm run backup).");
    if (h.version !== ARCHIVE_VERSION)
      throw new BackupError(
        `Säkerhetskopians format ${h.version} stöds inte (den här versionen läser ${ARCHIVE_VERSION}).`,
      );
    return h as ArchiveHeader;
  }

  async tableStart(name: string) {
    const line = (await this.next()) as { table?: string } | null;
    if (line?.table !== name) throw new BackupError(`Säkerhetskopian är skadad: tabellen ${name} väntades.`);
  }

  async row(): Promise<{ line: string; row: (string | null)[] }> {
    const value = await this.next();
    if (!Array.isArray(value)) throw new BackupError("Säkerhetskopian är skadad: en rad väntades.");
    return { line: JSON.stringify(value), row: value as (string | null)[] };
  }

  async end() {
    const line = (await this.next()) as { end?: boolean } | null;
    if (line?.end !== true) throw new BackupError("Säkerhetskopian är skadad: slutet saknas.");
  }

  close() {
    this.input.destroy();
  }
}
