import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "../client.js";

/** A stored column: generated columns are left out (the database computes them again). */
export interface ColumnInfo {
  name: string;
  /** `format_type` of the column, e.g. `timestamp with time zone`, `character varying(20)`, `jsonb`. */
  type: string;
  bytea: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** The rows of a query, on either driver. */
export async function query<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The settings under which every value's text form is the same on PGlite and on any PostgreSQL server
 * (a timestamptz prints in the session's time zone and date style).
 */
export async function setCanonicalOutput(tx: Executor) {
  for (const s of [
    "set local timezone = 'UTC'",
    "set local datestyle = 'ISO, YMD'",
    "set local intervalstyle = 'postgres'",
    "set local extra_float_digits = 3",
  ])
    await tx.execute(sql.raw(s));
}

/** Every ordinary table of the public schema with its stored columns, in name order ("C" collation). */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const rows = await query<{ table_name: string; name: string; type: string; bytea: boolean }>(
    db,
    sql.raw(`
      select c.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
             a.atttypid = 'bytea'::regtype as bytea
        from pg_class c
        join pg_attribute a on a.attrelid = c.oid
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not c.relispartition
         and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
       order by c.relname collate "C", a.attname collate "C"`),
  );
  const tables = new Map<string, TableInfo>();
  for (const r of rows) {
    let t = tables.get(r.table_name);
    if (!t) tables.set(r.table_name, (t = { name: r.table_name, columns: [] }));
    t.columns.push({ name: r.name, type: r.type, bytea: r.bytea === true || String(r.bytea) === "t" });
  }
  return [...tables.values()];
}

export async function readSequences(db: Executor): Promise<SequenceValue[]> {
  const names = await query<{ name: string }>(
    db,
    sql.raw(
      `select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S' order by relname collate "C"`,
    ),
  );
  const out: SequenceValue[] = [];
  for (const { name } of names) {
    const [row] = await query<{ last_value: string; is_called: boolean }>(
      db,
      sql.raw(`select last_value::text as last_value, is_called from public.${ident(name)}`),
    );
    out.push({ name, lastValue: row!.last_value, isCalled: row!.is_called === true || String(row!.is_called) === "t" });
  }
  return out;
}

export async function tableHasRows(db: Executor, table: string): Promise<boolean> {
  return (await query(db, sql.raw(`select 1 from public.${ident(table)} limit 1`))).length > 0;
}

/** One row as stored in the archive: every value in its PostgreSQL text form, bytea as base64, null as null. */
export type Row = (string | null)[];

/**
 * The checksum of a table's rows, independent of their order (PGlite and PostgreSQL may sort text differently) and
 * of constant size: the sum modulo 2^256 of the SHA-256 digests of the rows' JSON lines, hashed with the row count.
 */
export class TableChecksum {
  private sum = 0n;
  private count = 0;
  add(line: string) {
    this.sum = (this.sum + BigInt(`0x${createHash("sha256").update(line).digest("hex")}`)) & MASK_256;
    this.count++;
  }
  get rows() {
    return this.count;
  }
  digest(): string {
    return createHash("sha256")
      .update(`${this.count}:${this.sum.toString(16)}`)
      .digest("hex");
  }
}

const MASK_256 = (1n << 256n) - 1n;

let cursorSeq = 0;

/** Reads every row of a table through a cursor (within the caller's transaction), a batch at a time. */
export async function readRows(tx: Tx, table: TableInfo, onRows: (rows: Row[]) => Promise<void> | void) {
  const select = table.columns
    .map((c, i) =>
      c.bytea
        ? `translate(encode(${ident(c.name)}, 'base64'), E'\\n', '') as c${i}`
        : `${ident(c.name)}::text as c${i}`,
    )
    .join(", ");
  const cursor = `uppsikt_backup_${++cursorSeq}`;
  // Files are up to 25 MB each: fetch them a few at a time.
  const batch = table.columns.some((c) => c.bytea) ? 4 : 2000;
  await tx.execute(sql.raw(`declare ${cursor} no scroll cursor for select ${select} from public.${ident(table.name)}`));
  for (;;) {
    const rows = await query<Record<string, string | null>>(tx, sql.raw(`fetch ${batch} from ${cursor}`));
    if (rows.length === 0) break;
    await onRows(rows.map((r) => table.columns.map((_, i) => r[`c${i}`] ?? null)));
    if (rows.length < batch) break;
  }
  // On an error the transaction ends, and the cursor with it.
  await tx.execute(sql.raw(`close ${cursor}`));
}

/** Within one snapshot: every table's row count and checksum, computed as the archive computes them. */
export async function tableChecksums(db: Db): Promise<Record<string, { rows: number; checksum: string }>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw("set transaction isolation level repeatable read, read only"));
    await setCanonicalOutput(tx);
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const table of await listTables(tx)) {
      const sum = new TableChecksum();
      await readRows(tx, table, (rows) => rows.forEach((r) => sum.add(JSON.stringify(r))));
      out[table.name] = { rows: sum.rows, checksum: sum.digest() };
    }
    return out;
  });
}
