import type { Db, Executor } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { Conflict, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import * as visitRepo from "../visits/repository.js";
import * as repo from "./repository.js";

/*
 * The fixed texts of the county's protocols (R2.7-7): an introduction on what the visit was and a closing; a county
 * head edits them. A sent protocol keeps the texts it was sent with.
 */

export const DEFAULT_PROTOCOL_TEXTS = {
  intro:
    "Länsstyrelsen har genomfört ett formellt uppföljningsbesök hos kommunen inom uppföljningen av kommunens arbete med krisberedskap och civilt försvar. Protokollet redovisar vad som fungerar väl, brister och frågor, länsstyrelsens bedömning och de åtgärder kommunen bör vidta.",
  closing:
    "Har ni frågor om protokollet är ni välkomna att kontakta länsstyrelsens handläggare för kommunen. Länsstyrelsen följer upp åtgärderna i den löpande dialogen och vid nästa uppföljningsbesök.",
};

/** The county's texts, or the defaults; no check, for rendering a protocol the caller may already read. */
export async function protocolTexts(db: Executor, county: string) {
  const row = await repo.findTemplate(db, county);
  return row ? { intro: row.intro, closing: row.closing } : DEFAULT_PROTOCOL_TEXTS;
}

export async function getTemplate(db: Db, ctx: ActorContext, county: string) {
  authorize(ctx.actor, "protocols.write", { county });
  if (!(await visitRepo.findCounty(db, county))) throw NotFound("Länet finns inte.");
  const row = await repo.findTemplate(db, county);
  return row
    ? { intro: row.intro, closing: row.closing, version: row.version, isDefault: false }
    : { ...DEFAULT_PROTOCOL_TEXTS, version: 0, isDefault: true };
}

export async function updateTemplate(
  db: Db,
  ctx: ActorContext,
  county: string,
  input: { intro: string; closing: string; version: number },
) {
  authorize(ctx.actor, "protocols.editTemplate", { county });
  if (!(await visitRepo.findCounty(db, county))) throw NotFound("Länet finns inte.");
  await db.transaction(async (tx) => {
    const row = await repo.findTemplate(tx, county, true);
    const current = row?.version ?? 0;
    if (current !== input.version)
      throw Conflict("Mallen har ändrats sedan du öppnade den. Ladda om och gör ändringen igen.", { version: current });
    await repo.saveTemplate(tx, county, row !== undefined, {
      intro: input.intro,
      closing: input.closing,
      version: current + 1,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx, {
      action: "protocols.updateTemplate",
      entityType: "protocolTemplate",
      entityId: null,
      after: { county, version: current + 1 },
    });
  });
  return getTemplate(db, ctx, county);
}
