import type { CountyDialogue, CountyDialogueCreate, CountyDialogueFollowUpDone } from "@uppsikt/core";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import * as repo from "./repository.js";

/*
 * The agency's follow-up dialogues with the counties (R1-7). The agency writes them; the county's own users read
 * the entries about their county, and no county sees another's (404).
 */

async function views(db: Db, rows: Awaited<ReturnType<typeof repo.findDialogues>>): Promise<CountyDialogue[]> {
  const followUps = await repo.findFollowUps(
    db,
    rows.map((r) => r.dialogue.id),
  );
  return rows.map(({ dialogue: d, countyName, createdByName }) => ({
    id: d.id,
    county: { code: d.countyCode, name: countyName },
    heldOn: d.heldOn,
    form: d.form as CountyDialogue["form"],
    participants: d.participants,
    subjects: d.subjects,
    conclusions: d.conclusions,
    followUps: followUps
      .filter((f) => f.followUp.dialogueId === d.id)
      .map(({ followUp: f, ownerName, doneByName }) => ({
        id: f.id,
        text: f.text,
        dueOn: f.dueOn,
        owner: f.ownerId ? { id: f.ownerId, name: ownerName ?? "" } : null,
        doneAt: f.doneAt?.toISOString() ?? null,
        doneBy: f.doneBy ? { id: f.doneBy, name: doneByName ?? "" } : null,
      })),
    createdAt: d.createdAt.toISOString(),
    createdBy: { id: d.createdBy, name: createdByName ?? "" },
  }));
}

async function getDialogue(db: Db, id: string): Promise<CountyDialogue> {
  const [view] = await views(db, await repo.findDialogues(db, { ids: [id] }));
  if (!view) throw NotFound("Dialogen finns inte.");
  return view;
}

export async function listDialogues(db: Db, ctx: ActorContext, county: string) {
  authorize(ctx.actor, "countyDialogues.read", { county });
  if ((await repo.countyName(db, county)) === undefined) throw NotFound("Länet finns inte.");
  return { items: await views(db, await repo.findDialogues(db, { county })) };
}

export async function createDialogue(db: Db, ctx: ActorContext, input: CountyDialogueCreate): Promise<CountyDialogue> {
  authorize(ctx.actor, "countyDialogues.write", { county: input.county });
  if ((await repo.countyName(db, input.county)) === undefined) throw Invalid("Länet finns inte.", { field: "county" });
  const ownerIds = [...new Set(input.followUps.flatMap((f) => (f.ownerId ? [f.ownerId] : [])))];
  const agency = new Set((await repo.findAgencyUsers(db, ownerIds)).map((u) => u.id));
  const notAgency = input.followUps.findIndex((f) => f.ownerId !== null && !agency.has(f.ownerId));
  if (notAgency >= 0)
    throw Invalid("Den ansvarige för en uppföljningspunkt ska vara en aktiv användare vid MCF.", {
      field: `followUps.${notAgency}.ownerId`,
    });
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertDialogue(
      tx,
      {
        countyCode: input.county,
        heldOn: input.heldOn,
        form: input.form,
        participants: input.participants,
        subjects: input.subjects,
        conclusions: input.conclusions,
        createdAt: now,
        createdBy: ctx.actor.id,
      },
      input.followUps.map((f) => ({ text: f.text, dueOn: f.dueOn, ownerId: f.ownerId ?? ctx.actor.id })),
    );
    await recordAudit(tx, ctx, {
      action: "countyDialogues.create",
      entityType: "countyDialogue",
      entityId: row.id,
      after: {
        county: input.county,
        heldOn: input.heldOn,
        form: input.form,
        subjects: input.subjects.length,
        followUps: input.followUps.length,
      },
    });
    return row.id;
  });
  return getDialogue(db, id);
}

export async function markFollowUpDone(
  db: Db,
  ctx: ActorContext,
  id: string,
  input: z.infer<typeof CountyDialogueFollowUpDone>,
): Promise<CountyDialogue> {
  const row = await repo.findFollowUp(db, id);
  if (!row) throw NotFound("Uppföljningspunkten finns inte.");
  authorize(ctx.actor, "countyDialogues.write", { county: row.countyCode });
  if (row.followUp.doneAt) throw Conflict("Uppföljningspunkten är redan klarmarkerad.");
  await db.transaction(async (tx) => {
    if (!(await repo.markDone(tx, id, ctx.actor.id, ctx.clock.now(), input.note)))
      throw Conflict("Uppföljningspunkten är redan klarmarkerad.");
    await recordAudit(tx, ctx, {
      action: "countyDialogues.followUpDone",
      entityType: "countyDialogueFollowUp",
      entityId: id,
      before: { doneAt: null },
      after: { dialogueId: row.followUp.dialogueId, done: true },
    });
  });
  return getDialogue(db, row.followUp.dialogueId);
}
