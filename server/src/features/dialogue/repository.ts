import { type SQL, and, asc, desc, eq, gte, inArray, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import {
  dialogueEntries,
  dialogueEntryMunicipalities,
  dialogueEntryVersions,
  dialogueFollowUps,
  municipalities,
  users,
} from "../../db/schema/index.js";

export type EntryRow = typeof dialogueEntries.$inferSelect;
export type FollowUpRow = typeof dialogueFollowUps.$inferSelect;

/** Municipalities by code, with their county: to validate the codes of an entry. */
export const findMunicipalities = (db: Executor, codes: string[]) =>
  codes.length
    ? db
        .select({ code: municipalities.code, name: municipalities.name, countyCode: municipalities.countyCode })
        .from(municipalities)
        .where(inArray(municipalities.code, codes))
    : Promise.resolve([]);

export const findUsers = (db: Executor, ids: string[]) =>
  ids.length
    ? db
        .select({
          id: users.id,
          name: users.name,
          role: users.role,
          county: users.countyCode,
          municipality: users.municipalityCode,
          active: users.active,
        })
        .from(users)
        .where(inArray(users.id, ids))
    : Promise.resolve([]);

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** One page of a municipality's entries, newest first, with the total. */
export async function findEntryPage(
  db: Executor,
  f: {
    municipality: string;
    sharedOnly: boolean;
    from?: string;
    to?: string;
    subject?: string;
    limit: number;
    offset: number;
  },
) {
  const where = and(
    eq(dialogueEntryMunicipalities.municipalityCode, f.municipality),
    f.sharedOnly ? eq(dialogueEntries.visibility, "shared") : undefined,
    f.from ? gte(dialogueEntries.date, f.from) : undefined,
    f.to ? lte(dialogueEntries.date, f.to) : undefined,
    f.subject ? sql`${dialogueEntries.subjects} @> ${JSON.stringify([f.subject])}::jsonb` : undefined,
  );
  const base = () =>
    db
      .select({ id: dialogueEntries.id })
      .from(dialogueEntries)
      .innerJoin(dialogueEntryMunicipalities, eq(dialogueEntryMunicipalities.entryId, dialogueEntries.id))
      .where(where);
  const [rows, [count]] = await Promise.all([
    base()
      .orderBy(desc(dialogueEntries.date), desc(dialogueEntries.createdAt), desc(dialogueEntries.id))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: sql<number>`count(*)` })
      .from(dialogueEntries)
      .innerJoin(dialogueEntryMunicipalities, eq(dialogueEntryMunicipalities.entryId, dialogueEntries.id))
      .where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count?.n ?? 0) };
}

const doneByUsers = alias(users, "done_by_users");

/** Entries with their municipalities, follow-ups and author, in the order of `ids`: four queries, no loops. */
export async function loadEntries(db: Executor, ids: string[]) {
  if (ids.length === 0) return { entries: [], municipalities: [], followUps: [] };
  const [entries, munis, followUps] = await Promise.all([
    db
      .select({ entry: dialogueEntries, authorName: users.name })
      .from(dialogueEntries)
      .innerJoin(users, eq(users.id, dialogueEntries.authorId))
      .where(inArray(dialogueEntries.id, ids)),
    db
      .select({
        entryId: dialogueEntryMunicipalities.entryId,
        code: municipalities.code,
        name: municipalities.name,
      })
      .from(dialogueEntryMunicipalities)
      .innerJoin(municipalities, eq(municipalities.code, dialogueEntryMunicipalities.municipalityCode))
      .where(inArray(dialogueEntryMunicipalities.entryId, ids))
      .orderBy(asc(municipalities.code)),
    db
      .select({ followUp: dialogueFollowUps, ownerName: users.name, doneByName: doneByUsers.name })
      .from(dialogueFollowUps)
      .leftJoin(users, eq(users.id, dialogueFollowUps.ownerUserId))
      .leftJoin(doneByUsers, eq(doneByUsers.id, dialogueFollowUps.doneBy))
      .where(inArray(dialogueFollowUps.entryId, ids))
      .orderBy(asc(dialogueFollowUps.due), asc(dialogueFollowUps.id)),
  ]);
  const order = new Map(ids.map((id, i) => [id, i]));
  entries.sort((a, b) => order.get(a.entry.id)! - order.get(b.entry.id)!);
  return { entries, municipalities: munis, followUps };
}
export type LoadedEntries = Awaited<ReturnType<typeof loadEntries>>;

export async function findVersions(db: Executor, entryId: string) {
  return db
    .select({ version: dialogueEntryVersions, editorName: users.name })
    .from(dialogueEntryVersions)
    .innerJoin(users, eq(users.id, dialogueEntryVersions.editedBy))
    .where(eq(dialogueEntryVersions.entryId, entryId))
    .orderBy(desc(dialogueEntryVersions.version));
}

export async function findEntry(db: Executor, id: string) {
  const [entry] = await db.select().from(dialogueEntries).where(eq(dialogueEntries.id, id)).limit(1);
  if (!entry) return undefined;
  const codes = await entryMunicipalityCodes(db, id);
  return { entry, municipalities: codes };
}

export async function entryMunicipalityCodes(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .select({ code: dialogueEntryMunicipalities.municipalityCode })
    .from(dialogueEntryMunicipalities)
    .where(eq(dialogueEntryMunicipalities.entryId, id))
    .orderBy(asc(dialogueEntryMunicipalities.municipalityCode));
  return rows.map((r) => r.code);
}

/** Locks the entry for an edit and returns its current version number. */
export async function lockEntry(tx: Executor, id: string) {
  const [row] = await tx
    .select({ version: dialogueEntries.version })
    .from(dialogueEntries)
    .where(eq(dialogueEntries.id, id))
    .for("update");
  return row;
}

export async function insertEntry(tx: Executor, values: typeof dialogueEntries.$inferInsert): Promise<string> {
  const [row] = await tx.insert(dialogueEntries).values(values).returning({ id: dialogueEntries.id });
  return row!.id;
}

export async function updateEntry(tx: Executor, id: string, values: Partial<typeof dialogueEntries.$inferInsert>) {
  await tx.update(dialogueEntries).set(values).where(eq(dialogueEntries.id, id));
}

export async function replaceMunicipalities(tx: Executor, entryId: string, codes: string[]) {
  await tx.delete(dialogueEntryMunicipalities).where(eq(dialogueEntryMunicipalities.entryId, entryId));
  await tx.insert(dialogueEntryMunicipalities).values(codes.map((municipalityCode) => ({ entryId, municipalityCode })));
}

export const findFollowUpsOf = (db: Executor, entryId: string) =>
  db.select().from(dialogueFollowUps).where(eq(dialogueFollowUps.entryId, entryId));

export async function insertFollowUps(tx: Executor, values: (typeof dialogueFollowUps.$inferInsert)[]) {
  if (values.length) await tx.insert(dialogueFollowUps).values(values);
}

export async function updateFollowUp(
  tx: Executor,
  id: string,
  values: { text: string; due: string; ownerUserId: string | null; ownerName: string | null },
) {
  await tx.update(dialogueFollowUps).set(values).where(eq(dialogueFollowUps.id, id));
}

export async function deleteFollowUps(tx: Executor, entryId: string, keep: string[]) {
  await tx
    .delete(dialogueFollowUps)
    .where(
      and(eq(dialogueFollowUps.entryId, entryId), keep.length ? notInArray(dialogueFollowUps.id, keep) : undefined),
    );
}

export async function insertVersion(tx: Executor, values: typeof dialogueEntryVersions.$inferInsert) {
  await tx.insert(dialogueEntryVersions).values(values);
}

export async function findFollowUp(db: Executor, id: string) {
  const [row] = await db.select().from(dialogueFollowUps).where(eq(dialogueFollowUps.id, id)).limit(1);
  return row;
}

/** Marks a follow-up done; false when it already was (a concurrent request). */
export async function markFollowUpDone(tx: Executor, id: string, by: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(dialogueFollowUps)
    .set({ doneAt: at, doneBy: by })
    .where(and(eq(dialogueFollowUps.id, id), isNull(dialogueFollowUps.doneAt)))
    .returning({ id: dialogueFollowUps.id });
  return rows.length > 0;
}

/** Every entry concerning one municipality (for the export), newest first. */
export async function findAllEntryIds(
  db: Executor,
  f: { municipality: string; sharedOnly: boolean; from?: string; to?: string; subject?: string },
) {
  const { ids } = await findEntryPage(db, { ...f, limit: 10_000, offset: 0 });
  return ids;
}

/**
 * Search in a county's dialogue: the notes (Swedish stemming, or a substring), the participants' names and the
 * follow-up texts, and the non-confidential facts (a municipality's name, a subject's label). The content of a
 * confidential entry is searched only when the reader is cleared for all its municipalities (`clearedCodes`):
 * an uncleared reader finds it only by its facts, never by what it says.
 */
export async function searchEntries(
  db: Executor,
  q: { countyCode: string; text: string; subjects: string[]; clearedCodes: string[]; limit: number; offset: number },
) {
  const query = sql`websearch_to_tsquery('swedish', ${q.text})`;
  const like = likePattern(q.text);
  const e = dialogueEntries;
  const inList = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const clearedForAll: SQL = q.clearedCodes.length
    ? sql`not exists (select 1 from dialogue_entry_municipalities x where x.entry_id = ${e.id} and x.municipality_code not in (${inList(q.clearedCodes)}))`
    : sql`false`;
  const content = sql`(
    to_tsvector('swedish', ${e.notes}) @@ ${query}
    or ${e.notes} ilike ${like}
    or ${e.participants}::text ilike ${like}
    or exists (select 1 from dialogue_follow_ups f where f.entry_id = ${e.id} and f.text ilike ${like})
  )`;
  const facts = sql`(
    exists (select 1 from dialogue_entry_municipalities x join municipalities m on m.code = x.municipality_code
            where x.entry_id = ${e.id} and m.name ilike ${like})
    ${q.subjects.length ? sql`or exists (select 1 from jsonb_array_elements_text(${e.subjects}) s where s.value in (${inList(q.subjects)}))` : sql``}
  )`;
  const where = and(
    eq(e.countyCode, q.countyCode),
    sql`((( ${e.confidentialBasis} is null or ${clearedForAll}) and ${content}) or ${facts})`,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: e.id,
        excerpt: sql<string>`ts_headline('swedish', ${e.notes}, ${query}, 'StartSel=«, StopSel=», MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter= … ')`,
      })
      .from(e)
      .where(where)
      .orderBy(desc(e.date), desc(e.createdAt), desc(e.id))
      .limit(q.limit)
      .offset(q.offset),
    db
      .select({ n: sql<number>`count(*)` })
      .from(e)
      .where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

const owners = alias(users, "owner_users");
const authors = alias(users, "author_users");
const watchers = alias(users, "watcher_users");

/** Follow-up items not yet done, for the watch list; filtered by county and by the municipalities concerned. */
export async function findOpenFollowUps(db: Executor, f: { counties?: string[]; municipalities?: string[] }) {
  if (f.counties?.length === 0 || f.municipalities?.length === 0) return { items: [], municipalities: [] };
  const items = await db
    .select({
      id: dialogueFollowUps.id,
      entryId: dialogueFollowUps.entryId,
      text: dialogueFollowUps.text,
      due: dialogueFollowUps.due,
      doneAt: dialogueFollowUps.doneAt,
      ownerUserId: dialogueFollowUps.ownerUserId,
      ownerName: dialogueFollowUps.ownerName,
      ownerUserName: owners.name,
      ownerRole: owners.role,
      countyCode: dialogueEntries.countyCode,
      confidentialBasis: dialogueEntries.confidentialBasis,
      authorId: dialogueEntries.authorId,
      authorName: authors.name,
      watcherUserId: dialogueFollowUps.watcherUserId,
      watcherName: watchers.name,
    })
    .from(dialogueFollowUps)
    .innerJoin(dialogueEntries, eq(dialogueEntries.id, dialogueFollowUps.entryId))
    .innerJoin(authors, eq(authors.id, dialogueEntries.authorId))
    .leftJoin(owners, eq(owners.id, dialogueFollowUps.ownerUserId))
    .leftJoin(watchers, eq(watchers.id, dialogueFollowUps.watcherUserId))
    .where(
      and(
        // Pre-filter for speed only: the watch source decides with core's `isFollowUpOpen`.
        isNull(dialogueFollowUps.doneAt),
        f.counties ? inArray(dialogueEntries.countyCode, f.counties) : undefined,
        f.municipalities
          ? sql`exists (select 1 from dialogue_entry_municipalities x where x.entry_id = ${dialogueEntries.id} and x.municipality_code in (${sql.join(
              f.municipalities.map((c) => sql`${c}`),
              sql`, `,
            )}))`
          : undefined,
      ),
    );
  const entryIds = [...new Set(items.map((i) => i.entryId))];
  const munis = entryIds.length
    ? await db
        .select({
          entryId: dialogueEntryMunicipalities.entryId,
          code: municipalities.code,
          name: municipalities.name,
        })
        .from(dialogueEntryMunicipalities)
        .innerJoin(municipalities, eq(municipalities.code, dialogueEntryMunicipalities.municipalityCode))
        .where(inArray(dialogueEntryMunicipalities.entryId, entryIds))
        .orderBy(asc(municipalities.code))
    : [];
  return { items, municipalities: munis };
}

/** The roles and municipalities of these users (for the readers of a confidential part). */
export async function findUserRoles(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: users.id, role: users.role, municipality: users.municipalityCode })
    .from(users)
    .where(inArray(users.id, ids));
}

/**
 * The active users who may own a follow-up item of an entry in the county: the county's users, and the users of
 * these municipalities who can mark an item done.
 */
export async function findOwnerCandidates(db: Executor, countyCode: string, codes: string[]) {
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      municipalityCode: municipalities.code,
      municipalityName: municipalities.name,
    })
    .from(users)
    .leftJoin(municipalities, eq(municipalities.code, users.municipalityCode))
    .where(
      and(
        eq(users.active, true),
        or(
          and(eq(users.role, "county"), eq(users.countyCode, countyCode)),
          codes.length
            ? and(
                eq(users.role, "municipality"),
                // Leadership with read-only access cannot mark an item done; they can be named instead.
                eq(users.readOnly, false),
                eq(municipalities.countyCode, countyCode),
                inArray(users.municipalityCode, codes),
              )
            : undefined,
        ),
      ),
    );
}
