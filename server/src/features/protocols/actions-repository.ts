import { and, asc, eq, exists, inArray, isNotNull, notExists, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  actionEvents,
  actionFiles,
  actions,
  municipalities,
  users,
  visitProtocolVersions,
  visitProtocols,
  visits,
} from "../../db/schema/index.js";

export type ActionRow = typeof actions.$inferSelect;

export async function findAction(db: Executor, id: string) {
  const [row] = await db
    .select({ action: actions, countyCode: municipalities.countyCode, municipalityName: municipalities.name })
    .from(actions)
    .innerJoin(municipalities, eq(municipalities.code, actions.municipalityCode))
    .where(eq(actions.id, id));
  return row;
}

export async function lockAction(tx: Executor, id: string) {
  const [row] = await tx.select().from(actions).where(eq(actions.id, id)).for("update");
  return row;
}

export function findActionsOf(db: Executor, municipalityCode: string, period: number) {
  return db
    .select()
    .from(actions)
    .where(and(eq(actions.municipalityCode, municipalityCode), eq(actions.period, period)))
    .orderBy(asc(actions.due), asc(actions.createdAt));
}

export function findActionsOfVisit(db: Executor, visitId: string) {
  return db.select().from(actions).where(eq(actions.visitId, visitId));
}

export async function insertActions(tx: Executor, values: (typeof actions.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(actions).values(values).returning();
}

export async function updateAction(tx: Executor, id: string, values: Partial<typeof actions.$inferInsert>) {
  const [row] = await tx.update(actions).set(values).where(eq(actions.id, id)).returning();
  return row!;
}

export async function insertEvent(tx: Executor, values: typeof actionEvents.$inferInsert) {
  const [row] = await tx.insert(actionEvents).values(values).returning({ id: actionEvents.id });
  return row!.id;
}

export function findEvents(db: Executor, actionIds: readonly string[]) {
  if (actionIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: actionEvents.id,
      actionId: actionEvents.actionId,
      at: actionEvents.at,
      byId: users.id,
      byName: users.name,
      fromStatus: actionEvents.fromStatus,
      toStatus: actionEvents.toStatus,
      comment: actionEvents.comment,
    })
    .from(actionEvents)
    .innerJoin(users, eq(users.id, actionEvents.by))
    .where(inArray(actionEvents.actionId, [...actionIds]))
    .orderBy(asc(actionEvents.at), asc(actionEvents.seq));
}

export function findFilesOf(db: Executor, actionIds: readonly string[]) {
  if (actionIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: actionFiles.id,
      actionId: actionEvents.actionId,
      fileName: actionFiles.fileName,
      mediaType: actionFiles.mediaType,
      sizeBytes: actionFiles.sizeBytes,
    })
    .from(actionFiles)
    .innerJoin(actionEvents, eq(actionEvents.id, actionFiles.eventId))
    .where(inArray(actionEvents.actionId, [...actionIds]))
    .orderBy(asc(actionFiles.createdAt), asc(actionFiles.position));
}

export async function insertFile(tx: Executor, values: typeof actionFiles.$inferInsert): Promise<string> {
  const [row] = await tx.insert(actionFiles).values(values).returning({ id: actionFiles.id });
  return row!.id;
}

export async function findFile(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: actionFiles.id,
      fileName: actionFiles.fileName,
      mediaType: actionFiles.mediaType,
      content: actionFiles.content,
      confidentialBasis: actionFiles.confidentialBasis,
      municipalityCode: actions.municipalityCode,
      countyCode: municipalities.countyCode,
    })
    .from(actionFiles)
    .innerJoin(actionEvents, eq(actionEvents.id, actionFiles.eventId))
    .innerJoin(actions, eq(actions.id, actionEvents.actionId))
    .innerJoin(municipalities, eq(municipalities.code, actions.municipalityCode))
    .where(eq(actionFiles.id, id))
    .limit(1);
  return row;
}

export async function findOwnerName(db: Executor, userId: string, municipalityCode: string) {
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.municipalityCode, municipalityCode), eq(users.active, true)));
  return row?.name;
}

interface WatchQuery {
  counties?: readonly string[] | null;
  municipalities?: readonly string[] | null;
}
const scoped = (q: WatchQuery) =>
  and(
    q.counties ? inArray(municipalities.countyCode, [...q.counties]) : undefined,
    q.municipalities ? inArray(actions.municipalityCode, [...q.municipalities]) : undefined,
  );

/** Open actions (not yet reported or verified), and reported ones awaiting verification, with the officer. */
export async function findActionsToWatch(db: Executor, q: WatchQuery) {
  if (q.counties?.length === 0 || q.municipalities?.length === 0) return [];
  return db
    .select({
      action: actions,
      countyCode: municipalities.countyCode,
      municipalityName: municipalities.name,
      officerId: municipalities.responsibleOfficerId,
      officerName: users.name,
    })
    .from(actions)
    .innerJoin(municipalities, eq(municipalities.code, actions.municipalityCode))
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(and(notInArray(actions.status, ["verified"]), scoped(q)));
}

/** Protocols out for factual review, and sent protocols with an action-plan deadline, with the officer. */
export async function findProtocolsToWatch(db: Executor, q: WatchQuery) {
  if (q.counties?.length === 0 || q.municipalities?.length === 0) return [];
  return db
    .select({
      protocol: visitProtocols,
      municipalityCode: visits.municipalityCode,
      period: visits.period,
      countyCode: municipalities.countyCode,
      municipalityName: municipalities.name,
      officerId: municipalities.responsibleOfficerId,
      officerName: users.name,
    })
    .from(visitProtocols)
    .innerJoin(visits, eq(visits.id, visitProtocols.visitId))
    .innerJoin(municipalities, eq(municipalities.code, visits.municipalityCode))
    .leftJoin(users, eq(users.id, municipalities.responsibleOfficerId))
    .where(
      and(
        or(
          eq(visitProtocols.state, "factualReview"),
          // The action plan is watched until the municipality has added an action of its own to it.
          and(
            isNotNull(visitProtocols.actionPlanDue),
            notExists(
              db
                .select({ one: sql`1` })
                .from(actions)
                .where(and(eq(actions.visitId, visits.id), eq(actions.source, "municipality"))),
            ),
            exists(
              db
                .select({ one: sql`1` })
                .from(visitProtocolVersions)
                .where(eq(visitProtocolVersions.visitId, visits.id)),
            ),
          ),
        ),
        q.counties ? inArray(municipalities.countyCode, [...q.counties]) : undefined,
        q.municipalities ? inArray(visits.municipalityCode, [...q.municipalities]) : undefined,
      ),
    );
}

export async function findMunicipalityNames(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.name]));
}
