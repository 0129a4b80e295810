import { sql } from "drizzle-orm";
import type { Database, Tx } from "../client.js";
import { migrate } from "../migrate.js";
import { type ArchiveHeader, ArchiveReader } from "./archive.js";
import { type Row, TableChecksum, ident, listTables, query, setCanonicalOutput, tableHasRows } from "./catalog.js";
import { BackupError, type MigrationLevel, currentLevel, databaseLevel, journalLevels, migrateTo } from "./levels.js";

/** Reads an archive's header and checks that this version can restore it (not from a newer migration level). */
export async function checkArchive(file: string): Promise<ArchiveHeader> {
  const reader = new ArchiveReader(file);
  try {
    const header = await reader.header();
    assertRestorable(header);
    return header;
  } finally {
    reader.close();
  }
}

function assertRestorable(header: ArchiveHeader) {
  const level = header.migrationLevel;
  const current = currentLevel();
  if (level.idx > current.idx)
    throw new BackupError(
      `Säkerhetskopian är från en nyare version av Uppsikt (migrering ${level.tag}; den här versionen har ${current.tag}). ` +
        `Återställ den med den nyare versionen.`,
    );
  const known = journalLevels().find((l) => l.idx === level.idx);
  if (!known || known.tag !== level.tag)
    throw new BackupError(
      `Säkerhetskopians migreringsnivå ${level.tag} finns inte i den här versionen av Uppsikt (här: ${known?.tag ?? "ingen"}).`,
    );
}

export interface RestoreResult {
  header: ArchiveHeader;
  /** The level the target is at afterwards: this version's. */
  level: MigrationLevel;
  rows: number;
}

/**
 * Restores an archive into an empty database: refuses one where any table has a row; migrates the target to the
 * archive's level, loads every table in one transaction (foreign keys dropped meanwhile and added back, which checks
 * them all, since the tables reference each other in cycles), sets the sequences, checks every table's row count and
 * checksum against the header, then migrates to this version's level.
 */
export async function restoreDatabase(database: Database, file: string): Promise<RestoreResult> {
  const reader = new ArchiveReader(file);
  try {
    const header = await reader.header();
    assertRestorable(header);
    await assertEmpty(database, header.migrationLevel);
    await migrateTo(database, header.migrationLevel.idx);
    let total = 0;
    await database.db.transaction(async (tx) => {
      await setCanonicalOutput(tx);
      const target = new Map((await listTables(tx)).map((t) => [t.name, t]));
      const foreignKeys = await dropForeignKeys(tx);
      for (const table of header.tables) {
        const into = target.get(table.name);
        if (!into) throw new BackupError(`Tabellen ${table.name} finns inte i måldatabasen på säkerhetskopians nivå.`);
        total += await loadTable(tx, reader, table, into.columns);
      }
      await reader.end();
      for (const fk of foreignKeys)
        await tx.execute(sql.raw(`alter table public.${ident(fk.table)} add constraint ${ident(fk.name)} ${fk.def}`));
      for (const s of header.sequences) {
        if (!(await sequenceExists(tx, s.name))) continue;
        await tx.execute(
          sql`select setval(${`public.${ident(s.name)}`}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`,
        );
      }
    });
    await migrate(database);
    return { header, level: currentLevel(), rows: total };
  } finally {
    reader.close();
  }
}

async function assertEmpty(database: Database, archiveLevel: MigrationLevel) {
  for (const t of await listTables(database.db))
    if (await tableHasRows(database.db, t.name))
      throw new BackupError(
        `Måldatabasen är inte tom (tabellen ${t.name} har rader). Återställ till en tom inbyggd mapp eller en ny, tom PostgreSQL-databas.`,
      );
  const level = await databaseLevel(database.db);
  if (level && level.idx > archiveLevel.idx)
    throw new BackupError(
      `Måldatabasen är redan migrerad till ${level.tag}, efter säkerhetskopians ${archiveLevel.tag}. ` +
        `Återställ till en ny databas utan tabeller (servern har inte startats mot den).`,
    );
}

async function sequenceExists(tx: Tx, name: string) {
  const rows = await query(
    tx,
    sql`select 1 from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S' and relname = ${name}`,
  );
  return rows.length > 0;
}

async function dropForeignKeys(tx: Tx) {
  const rows = await query<{ table: string; name: string; def: string }>(
    tx,
    sql.raw(`
      select c.relname as "table", k.conname as name, pg_get_constraintdef(k.oid) as def
        from pg_constraint k join pg_class c on c.oid = k.conrelid
       where k.contype = 'f' and c.relnamespace = 'public'::regnamespace
       order by c.relname, k.conname`),
  );
  for (const fk of rows)
    await tx.execute(sql.raw(`alter table public.${ident(fk.table)} drop constraint ${ident(fk.name)}`));
  return rows;
}

const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;

async function loadTable(
  tx: Tx,
  reader: ArchiveReader,
  table: ArchiveHeader["tables"][number],
  targetColumns: { name: string; type: string; bytea: boolean }[],
): Promise<number> {
  const byName = new Map(targetColumns.map((c) => [c.name, c]));
  const exprs = table.columns.map((c, i) => {
    const t = byName.get(c.name);
    if (!t) throw new BackupError(`Kolumnen ${table.name}.${c.name} finns inte i måldatabasen.`);
    return t.bytea ? `decode(r->>${i}, 'base64')` : `(r->>${i})::${t.type}`;
  });
  const insert = (json: string) =>
    tx.execute(
      sql`${sql.raw(
        `insert into public.${ident(table.name)} (${table.columns.map((c) => ident(c.name)).join(", ")}) ` +
          `overriding system value select ${exprs.join(", ")} from json_array_elements(`,
      )}${json}${sql.raw("::json) as r")}`,
    );
  await reader.tableStart(table.name);
  const sum = new TableChecksum();
  let batch: string[] = [];
  let chars = 0;
  for (let i = 0; i < table.rows; i++) {
    const { line, row } = await reader.row();
    if ((row as Row).length !== table.columns.length)
      throw new BackupError(`Säkerhetskopian är skadad: en rad i ${table.name} har fel antal värden.`);
    sum.add(line);
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      await insert(`[${batch.join(",")}]`);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) await insert(`[${batch.join(",")}]`);
  if (sum.digest() !== table.checksum)
    throw new BackupError(`Säkerhetskopian är skadad: kontrollsumman för ${table.name} stämmer inte.`);
  return table.rows;
}
