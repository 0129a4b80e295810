import { sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveHeader, type ArchiveTable, ArchiveWriter } from "./archive.js";
import { TableChecksum, listTables, query, readRows, readSequences, setCanonicalOutput } from "./catalog.js";
import { BackupError, databaseLevel } from "./levels.js";

/**
 * Writes one consistent archive of the whole database (every table of the public schema, the files with them) to
 * `out`: one repeatable-read, read-only transaction sees a single snapshot, so on PostgreSQL the server may keep
 * running. The migration level is read in the same snapshot; drizzle's bookkeeping itself is not copied.
 */
export async function backupDatabase(database: Database, out: string, appVersion: string): Promise<ArchiveHeader> {
  const writer = new ArchiveWriter(out);
  try {
    const header = await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw("set transaction isolation level repeatable read, read only"));
      await setCanonicalOutput(tx);
      const migrationLevel = await databaseLevel(tx);
      if (!migrationLevel)
        throw new BackupError("Databasen är tom (inga migreringar); det finns inget att säkerhetskopiera.");
      const [version] = await query<{ v: string }>(tx, sql.raw("select version() as v"));
      const tables: ArchiveTable[] = [];
      for (const table of await listTables(tx)) {
        await writer.write(JSON.stringify({ table: table.name }));
        const sum = new TableChecksum();
        await readRows(tx, table, async (rows) => {
          for (const row of rows) {
            const line = JSON.stringify(row);
            sum.add(line);
            await writer.write(line);
          }
        });
        tables.push({ ...table, rows: sum.rows, checksum: sum.digest() });
      }
      // Sequences are not transactional: read last, their values are at least those the snapshot's rows used.
      const sequences = await readSequences(tx);
      return {
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        migrationLevel,
        createdAt: new Date().toISOString(),
        appVersion,
        source: { kind: database.kind, serverVersion: version!.v },
        tables,
        sequences,
      } satisfies ArchiveHeader;
    });
    await writer.finish(header);
    return header;
  } catch (e) {
    await writer.abort();
    throw e;
  }
}
