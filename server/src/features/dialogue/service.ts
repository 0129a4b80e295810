import {
  DIALOGUE_SUBJECT_LABELS,
  DIALOGUE_SUBJECTS,
  type DialogueEntry,
  type DialogueEntryCreate,
  type DialogueEntryDetail,
  type DialogueEntryUpdate,
  type DialogueEntryVersion,
  type DialogueFollowUp,
  type DialogueForm,
  type DialogueListQuery,
  type DialogueSubject,
  type DialogueVisibility,
  type EarlyWarning,
  isFollowUpOverdue,
} from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { clearanceScope, covers, recordConfidentialRead } from "../../platform/confidentiality/index.js";
import { Conflict, Forbidden, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { getCounty, getMunicipality, listMunicipalities } from "../municipalities/service.js";
import { type ReadContext, coversAll, markFor, maySeeEntry, readContext } from "./read-rules.js";
import * as repo from "./repository.js";
import { findWarnings } from "../early-warnings/repository.js";
import { insertWarnings, presentWarnings } from "../early-warnings/service.js";

const NOT_FOUND = "Dialoganteckningen finns inte.";

/** An entry as it was, kept in dialogue_entry_versions when its author edits it. */
interface Snapshot {
  date: string;
  form: string;
  subjects: string[];
  notes: string;
  participants: { municipality: string[]; county: string[] };
  visibility: string;
  municipalities: string[];
  followUps: { id: string; text: string; due: string; owner: { userId: string | null; name: string }; done: boolean }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Views

type Loaded = repo.LoadedEntries;
type FollowUpLoaded = Loaded["followUps"][number];

function followUpView(f: FollowUpLoaded, hidden: boolean, today: string): DialogueFollowUp {
  const done = f.followUp.doneAt !== null;
  return {
    id: f.followUp.id,
    entryId: f.followUp.entryId,
    text: hidden ? null : f.followUp.text,
    due: f.followUp.due,
    owner: f.followUp.ownerUserId
      ? { userId: f.followUp.ownerUserId, name: f.ownerName ?? "" }
      : { userId: null, name: f.followUp.ownerName ?? "" },
    done,
    doneAt: f.followUp.doneAt?.toISOString() ?? null,
    doneBy: f.followUp.doneBy ? { id: f.followUp.doneBy, name: f.doneByName ?? "" } : null,
    overdue: isFollowUpOverdue({ due: f.followUp.due, done }, today),
  };
}

function entryView(
  loaded: Loaded,
  row: Loaded["entries"][number],
  read: ReadContext,
  warnings: EarlyWarning[] | undefined,
): DialogueEntry {
  const e = row.entry;
  const munis = loaded.municipalities.filter((m) => m.entryId === e.id);
  const codes = munis.map((m) => m.code);
  const mark = markFor(read, e.confidentialBasis, codes, e.visibility);
  const hidden = mark !== null && !mark.canRead;
  return {
    id: e.id,
    county: e.countyCode,
    municipalities: munis.map((m) => ({ code: m.code, name: m.name })),
    date: e.date,
    form: e.form as DialogueForm,
    subjects: e.subjects as DialogueSubject[],
    notes: hidden ? null : e.notes,
    participants: hidden ? null : e.participants,
    visibility: e.visibility as DialogueVisibility,
    confidential: mark,
    author: { id: e.authorId, name: row.authorName },
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
    followUps: loaded.followUps
      .filter((f) => f.followUp.entryId === e.id)
      .map((f) => followUpView(f, hidden, read.today)),
    ...(warnings ? { warnings: warnings.filter((w) => w.entryId === e.id) } : {}),
  };
}

/**
 * Views of entries in the order of `ids`, as the actor may read them: warnings only for the county; each
 * confidential entry whose content is shown is logged as a read (R2.10-2).
 */
async function present(
  db: Db,
  ctx: ActorContext,
  ids: string[],
  parts: string[] = ["notes", "participants", "followUps"],
): Promise<{ views: DialogueEntry[]; loaded: Loaded; read: ReadContext }> {
  const loaded = await repo.loadEntries(db, ids);
  const read = await readContext(
    db,
    ctx.actor,
    loaded.municipalities.map((m) => m.code),
    ctx.clock.today(),
  );
  const warnings =
    ctx.actor.role === "county" && ids.length
      ? await presentWarnings(db, ctx, await findWarnings(db, { entryIds: ids }), undefined)
      : undefined;
  const views = loaded.entries.map((row) => entryView(loaded, row, read, warnings));
  for (const v of views)
    if (v.confidential?.canRead)
      await recordConfidentialRead(db, ctx, {
        entityType: "dialogueEntry",
        entityId: v.id,
        municipality: v.municipalities[0]!.code,
        parts,
        basis: v.confidential.basis,
      });
  return { views, loaded, read };
}

async function versionViews(db: Db, ctx: ActorContext, entryId: string): Promise<DialogueEntryVersion[]> {
  const rows = await repo.findVersions(db, entryId);
  const actor = ctx.actor;
  const visible = rows.filter(({ version }) => {
    const s = version.snapshot as unknown as Snapshot;
    return (
      actor.role !== "municipality" ||
      (s.visibility === "shared" && s.municipalities.includes(actor.municipality ?? ""))
    );
  });
  if (visible.length === 0) return [];
  const codes = [
    ...new Set(visible.flatMap(({ version }) => (version.snapshot as unknown as Snapshot).municipalities)),
  ];
  const [names, read] = await Promise.all([
    repo.findMunicipalities(db, codes),
    readContext(db, actor, codes, ctx.clock.today()),
  ]);
  const nameOf = new Map(names.map((m) => [m.code, m.name]));
  let confidentialRead = false;
  const views = visible.map(({ version, editorName }): DialogueEntryVersion => {
    const s = version.snapshot as unknown as Snapshot;
    const mark = markFor(read, version.confidentialBasis, s.municipalities, s.visibility);
    const hidden = mark !== null && !mark.canRead;
    if (mark?.canRead) confidentialRead = true;
    return {
      version: version.version,
      date: s.date,
      form: s.form as DialogueForm,
      subjects: s.subjects as DialogueSubject[],
      notes: hidden ? null : s.notes,
      participants: hidden ? null : s.participants,
      visibility: s.visibility as DialogueVisibility,
      municipalities: s.municipalities.map((code) => ({ code, name: nameOf.get(code) ?? code })),
      followUps: s.followUps.map((f) => ({ text: hidden ? null : f.text, due: f.due, owner: f.owner, done: f.done })),
      confidential: mark,
      editedBy: { id: version.editedBy, name: editorName },
      editedAt: version.editedAt.toISOString(),
    };
  });
  if (confidentialRead)
    await recordConfidentialRead(db, ctx, {
      entityType: "dialogueEntry",
      entityId: entryId,
      municipality: codes[0]!,
      parts: ["versions"],
    });
  return views;
}

/** One entry with its earlier versions; 404 when the actor may not see it. */
export async function getEntry(db: Db, ctx: ActorContext, id: string): Promise<DialogueEntryDetail> {
  const found = await repo.findEntry(db, id);
  if (!found || !maySeeEntry(ctx.actor, { ...found.entry, municipalities: found.municipalities }))
    throw NotFound(NOT_FOUND);
  authorize(ctx.actor, "dialogue.read");
  const { views } = await present(db, ctx, [id]);
  return { ...views[0]!, versions: await versionViews(db, ctx, id) };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading lists

/** A municipality's dialogue, newest first: the county sees every entry, the municipality's users the shared ones. */
export async function listEntries(db: Db, ctx: ActorContext, code: string, query: DialogueListQuery) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "dialogue.read", { county: municipality.county.code, municipality: code });
  if (query.from && query.to && query.from > query.to) throw Invalid("Från-datumet är senare än till-datumet.");
  const { ids, total } = await repo.findEntryPage(db, {
    municipality: code,
    sharedOnly: ctx.actor.role !== "county",
    ...query,
  });
  const { views } = await present(db, ctx, ids);
  return { items: views, total };
}

/** Every entry of a municipality for the Excel export, with the same rules as the list. */
export async function entriesForExport(
  db: Db,
  ctx: ActorContext,
  code: string,
  query: Omit<DialogueListQuery, "limit" | "offset">,
) {
  const municipality = await getMunicipality(db, ctx.actor, code);
  authorize(ctx.actor, "dialogue.read", { county: municipality.county.code, municipality: code });
  if (query.from && query.to && query.from > query.to) throw Invalid("Från-datumet är senare än till-datumet.");
  const ids = await repo.findAllEntryIds(db, { municipality: code, sharedOnly: ctx.actor.role !== "county", ...query });
  const { views } = await present(db, ctx, ids, ["notes", "participants", "followUps", "export"]);
  return { municipality, items: views };
}

/** Search in the county's dialogue; confidential content is never matched for a reader not cleared for it. */
export async function searchEntries(
  db: Db,
  ctx: ActorContext,
  countyCode: string,
  q: { q: string; limit: number; offset: number },
) {
  authorize(ctx.actor, "dialogue.search", { county: countyCode });
  await getCounty(db, ctx.actor, countyCode);
  const scope = await clearanceScope(db, ctx.actor, ctx.clock.today());
  const { items: municipalities } = await listMunicipalities(db, ctx.actor, countyCode, {
    sort: "code",
    order: "asc",
    limit: 500,
    offset: 0,
  });
  const needle = q.q.toLocaleLowerCase("sv");
  const { rows, total } = await repo.searchEntries(db, {
    countyCode,
    text: q.q,
    subjects: DIALOGUE_SUBJECTS.filter((s) => DIALOGUE_SUBJECT_LABELS[s].toLocaleLowerCase("sv").includes(needle)),
    clearedCodes: municipalities.map((m) => m.code).filter((c) => covers(scope, c)),
    limit: q.limit,
    offset: q.offset,
  });
  const { views } = await present(
    db,
    ctx,
    rows.map((r) => r.id),
    ["notes", "participants", "followUps", "searchExcerpt"],
  );
  const excerpts = new Map(rows.map((r) => [r.id, r.excerpt]));
  return {
    items: views.map((v) => ({ ...v, excerpt: v.notes ? (excerpts.get(v.id) ?? null) : null })),
    total,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

type EntryInput = Omit<DialogueEntryUpdate, "version">;

/**
 * Checks an entry's municipalities (400 unknown, 404 outside the author's county), its date (not in the future)
 * and the owners of its follow-up items (active users who may read the entry).
 */
async function validate(db: Db, actor: Actor, input: EntryInput, today: string) {
  const found = await repo.findMunicipalities(db, input.municipalities);
  const unknown = input.municipalities.filter((c) => !found.some((m) => m.code === c));
  if (unknown.length) throw Invalid(`Kommunkoden ${unknown.join(", ")} finns inte.`, { unknown });
  if (found.some((m) => m.countyCode !== actor.county)) throw NotFound("Kommunen finns inte.");
  if (input.date > today) throw Invalid("Datumet för kontakten kan inte vara senare än i dag.");
  const ownerIds = [
    ...new Set(input.followUps.flatMap((f) => (f.owner && "userId" in f.owner ? [f.owner.userId] : []))),
  ];
  const owners = await repo.findUsers(db, ownerIds);
  for (const id of ownerIds) {
    const u = owners.find((o) => o.id === id);
    const ok =
      u?.active &&
      ((u.role === "county" && u.county === actor.county) ||
        (u.role === "municipality" &&
          input.visibility === "shared" &&
          u.municipality !== null &&
          input.municipalities.includes(u.municipality)));
    if (!ok)
      throw Invalid(
        "Ansvarig för en uppföljningspunkt ska vara en aktiv användare vid länsstyrelsen eller, för en delad anteckning, i någon av kommunerna. Ange annars personens namn.",
      );
  }
  return { municipalities: found };
}

const ownerOf = (f: EntryInput["followUps"][number], authorId: string) =>
  f.owner && "name" in f.owner
    ? { ownerUserId: null, ownerName: f.owner.name }
    : { ownerUserId: f.owner?.userId ?? authorId, ownerName: null };

/** The audit summary of an entry: never the notes, participants or follow-up texts. */
const summary = (e: EntryInput) => ({
  municipalities: e.municipalities,
  date: e.date,
  form: e.form,
  subjects: e.subjects,
  visibility: e.visibility,
  confidential: e.confidentialBasis !== null,
  notesLength: e.notes.length,
  participants: e.participants.municipality.length + e.participants.county.length,
  followUps: e.followUps.length,
});

/** A county officer logs a contact with one or more municipalities of the county (R2.3-1), optionally raising warnings. */
export async function createEntry(db: Db, ctx: ActorContext, input: DialogueEntryCreate): Promise<DialogueEntryDetail> {
  authorize(ctx.actor, "dialogue.write");
  await validate(db, ctx.actor, input, ctx.clock.today());
  for (const w of input.warnings)
    for (const c of w.municipalities ?? [])
      if (!input.municipalities.includes(c))
        throw Invalid(`Varningen gäller kommun ${c}, som inte finns med i anteckningen.`);
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertEntry(tx, {
      countyCode: ctx.actor.county!,
      date: input.date,
      form: input.form,
      subjects: input.subjects,
      notes: input.notes,
      participants: input.participants,
      visibility: input.visibility,
      confidentialBasis: input.confidentialBasis,
      authorId: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceMunicipalities(tx, id, input.municipalities);
    await repo.insertFollowUps(
      tx,
      input.followUps.map((f) => ({ entryId: id, text: f.text, due: f.due, ...ownerOf(f, ctx.actor.id) })),
    );
    await recordAudit(tx, ctx, {
      action: "dialogue.create",
      entityType: "dialogueEntry",
      entityId: id,
      after: { ...summary(input), warnings: input.warnings.length },
    });
    await insertWarnings(
      tx,
      ctx,
      input.warnings.flatMap((w) =>
        (w.municipalities ?? input.municipalities).map((municipality) => ({
          municipality,
          kind: w.kind,
          description: w.description,
          entryId: id,
        })),
      ),
    );
    return id;
  });
  return getEntry(db, ctx, id);
}

/** The author edits an entry; the version before the edit is kept (R2.3-1). */
export async function updateEntry(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: DialogueEntryUpdate,
): Promise<DialogueEntryDetail> {
  const found = await repo.findEntry(db, id);
  if (!found || !maySeeEntry(ctx.actor, { ...found.entry, municipalities: found.municipalities }))
    throw NotFound(NOT_FOUND);
  authorize(ctx.actor, "dialogue.write");
  const current = found.entry;
  if (current.authorId !== ctx.actor.id)
    throw Forbidden("Bara den som skrev anteckningen kan ändra den. Skriv en ny anteckning i stället.");
  if (current.confidentialBasis) {
    const scope = await clearanceScope(db, ctx.actor, ctx.clock.today());
    if (!coversAll(scope, found.municipalities))
      throw Forbidden(
        `Anteckningen är sekretessbelagd (${current.confidentialBasis}). Du behöver behörighet för alla dess kommuner för att ändra den.`,
      );
  }
  // 409 with the version now current, so the form can say which one to reload.
  const stale = (version = current.version) =>
    Conflict("Anteckningen har ändrats sedan du öppnade den. Ladda om och gör ändringen igen.", { version });
  if (input.version !== current.version) throw stale();
  await validate(db, ctx.actor, input, ctx.clock.today());
  const existing = await repo.loadEntries(db, [id]);
  const known = new Set(existing.followUps.map((f) => f.followUp.id));
  for (const f of input.followUps)
    if (f.id && !known.has(f.id)) throw Invalid("En uppföljningspunkt hör inte till anteckningen.");
  const keep = input.followUps.flatMap((f) => (f.id ? [f.id] : []));
  if (new Set(keep).size !== keep.length) throw Invalid("Samma uppföljningspunkt finns med två gånger.");

  const snapshot: Snapshot = {
    date: current.date,
    form: current.form,
    subjects: current.subjects,
    notes: current.notes,
    participants: current.participants,
    visibility: current.visibility,
    municipalities: found.municipalities,
    followUps: existing.followUps.map((f) => ({
      id: f.followUp.id,
      text: f.followUp.text,
      due: f.followUp.due,
      owner: {
        userId: f.followUp.ownerUserId,
        name: f.followUp.ownerUserId ? (f.ownerName ?? "") : (f.followUp.ownerName ?? ""),
      },
      done: f.followUp.doneAt !== null,
    })),
  };
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const locked = await repo.lockEntry(tx, id);
    if (!locked) throw NotFound(NOT_FOUND);
    if (locked.version !== current.version) throw stale(locked.version);
    await repo.insertVersion(tx, {
      entryId: id,
      version: current.version,
      snapshot: snapshot as unknown as Record<string, unknown>,
      confidentialBasis: current.confidentialBasis,
      // Who wrote the version kept, and when: the author (only the author edits), at its last save.
      editedBy: current.authorId,
      editedAt: current.updatedAt,
    });
    await repo.updateEntry(tx, id, {
      version: current.version + 1,
      date: input.date,
      form: input.form,
      subjects: input.subjects,
      notes: input.notes,
      participants: input.participants,
      visibility: input.visibility,
      confidentialBasis: input.confidentialBasis,
      updatedAt: now,
    });
    await repo.replaceMunicipalities(tx, id, input.municipalities);
    await repo.deleteFollowUps(tx, id, keep);
    for (const f of input.followUps)
      if (f.id) await repo.updateFollowUp(tx, f.id, { text: f.text, due: f.due, ...ownerOf(f, ctx.actor.id) });
    await repo.insertFollowUps(
      tx,
      input.followUps
        .filter((f) => !f.id)
        .map((f) => ({ entryId: id, text: f.text, due: f.due, ...ownerOf(f, ctx.actor.id) })),
    );
    await recordAudit(tx, ctx, {
      action: "dialogue.update",
      entityType: "dialogueEntry",
      entityId: id,
      before: {
        version: current.version,
        municipalities: found.municipalities,
        date: current.date,
        visibility: current.visibility,
        confidential: current.confidentialBasis !== null,
        notesLength: current.notes.length,
        followUps: existing.followUps.length,
      },
      after: { version: current.version + 1, ...summary(input) },
    });
  });
  return getEntry(db, ctx, id);
}

/**
 * Marks a follow-up item done: any county user of the entry's county, or the municipality user who owns it.
 * 409 when it already is.
 */
export async function markFollowUpDone(db: Db, ctx: ActorContext, id: string): Promise<DialogueFollowUp> {
  const followUp = await repo.findFollowUp(db, id);
  const found = followUp ? await repo.findEntry(db, followUp.entryId) : undefined;
  if (!followUp || !found || !maySeeEntry(ctx.actor, { ...found.entry, municipalities: found.municipalities }))
    throw NotFound("Uppföljningspunkten finns inte.");
  authorize(ctx.actor, "dialogue.followUpDone");
  if (ctx.actor.role === "municipality" && followUp.ownerUserId !== ctx.actor.id)
    throw Forbidden("Du kan bara markera dina egna uppföljningspunkter som klara.");
  const already = () => Conflict("Uppföljningspunkten är redan markerad som klar.");
  if (followUp.doneAt) throw already();
  await db.transaction(async (tx) => {
    if (!(await repo.markFollowUpDone(tx, id, ctx.actor.id, ctx.clock.now()))) throw already();
    await recordAudit(tx, ctx, {
      action: "dialogue.followUpDone",
      entityType: "dialogueFollowUp",
      entityId: id,
      before: { done: false },
      after: { done: true, entryId: followUp.entryId, due: followUp.due },
    });
  });
  const { views } = await present(db, ctx, [followUp.entryId], ["followUps"]);
  return views[0]!.followUps.find((f) => f.id === id)!;
}
