import type { OslGround, OslGroundInput } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import * as repo from "./repository.js";

function toOslGround(row: repo.OslGroundRow): OslGround {
  return { id: row.id, reference: row.reference, description: row.description, active: row.active };
}

const summary = (g: repo.OslGroundRow | OslGroundInput) => ({
  reference: g.reference,
  description: g.description,
  active: g.active,
});

/** The national list, inactive ones included (marked), in the agency's order. */
export async function listOslGrounds(db: Db, actor: Actor) {
  authorize(actor, "oslGrounds.read");
  const items = (await repo.findOslGrounds(db)).map(toOslGround);
  return { items, total: items.length };
}

/** Two requests racing for the same reference: the unique index decides, answered as 409 too. */
function isUniqueViolation(e: unknown): boolean {
  const codeOf = (x: unknown) => (x && typeof x === "object" && "code" in x ? x.code : undefined);
  return codeOf(e) === "23505" || (e instanceof Error && codeOf(e.cause) === "23505");
}

const duplicate =
  (reference: string) =>
  (e: unknown): never => {
    if (isUniqueViolation(e)) throw Conflict(`Sekretessgrunden ${reference} finns redan.`);
    throw e;
  };

async function refuseDuplicate(db: Db, reference: string, except?: string) {
  const existing = await repo.findOslGroundByReference(db, reference);
  if (existing && existing.id !== except)
    throw Conflict(`Sekretessgrunden ${reference} finns redan.`, { id: existing.id });
}

export async function createOslGround(db: Db, ctx: ActorContext, input: OslGroundInput): Promise<OslGround> {
  authorize(ctx.actor, "oslGrounds.write");
  await refuseDuplicate(db, input.reference);
  const row = await db
    .transaction(async (tx) => {
      const created = await repo.insertOslGround(tx, input);
      await recordAudit(tx, ctx, {
        action: "oslGrounds.create",
        entityType: "oslGround",
        entityId: created.id,
        after: summary(created),
      });
      return created;
    })
    .catch(duplicate(input.reference));
  return toOslGround(row);
}

export async function updateOslGround(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: OslGroundInput,
): Promise<OslGround> {
  authorize(ctx.actor, "oslGrounds.write");
  const before = await repo.findOslGround(db, id);
  if (!before) throw NotFound("Sekretessgrunden finns inte.");
  await refuseDuplicate(db, input.reference, id);
  const row = await db
    .transaction(async (tx) => {
      const updated = await repo.updateOslGround(tx, id, input);
      await recordAudit(tx, ctx, {
        action: "oslGrounds.update",
        entityType: "oslGround",
        entityId: id,
        before: summary(before),
        after: summary(updated),
      });
      return updated;
    })
    .catch(duplicate(input.reference));
  return toOslGround(row);
}
