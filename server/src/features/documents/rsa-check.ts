import { type RsaCheck, type RsaSectionsInput, matchRsaHeadings } from "@uppsikt/core";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { recordAudit } from "../../platform/audit/audit.js";
import { clearanceScope, covers } from "../../platform/confidentiality/index.js";
import { Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { findVersionContext } from "./repository.js";
import * as repo from "./rsa-check-repository.js";

const TEXT_MESSAGES: Record<string, string> = {
  noTextLayer:
    "Filen saknar textlager (troligen inskannad). Rubrikerna kan inte kontrolleras automatiskt – granska dispositionen manuellt.",
  unsupported: "Texten i filformatet (ODT) kan inte läsas automatiskt – granska dispositionen manuellt.",
  failed: "Texten kunde inte läsas ur filen (skadad eller lösenordsskyddad).",
};

export async function listRsaSections(db: Db) {
  const items = await repo.findRsaSections(db);
  return { items, total: items.length };
}

/** The agency edits the disposition as national reference data; replaced as a whole, audited. */
export async function replaceRsaSections(db: Db, ctx: ActorContext, input: z.infer<typeof RsaSectionsInput>) {
  authorize(ctx.actor, "rsaSections.write");
  const positions = input.sections.map((s) => s.position);
  if (new Set(positions).size !== positions.length) throw Invalid("Varje avsnitt ska ha ett eget nummer.");
  await db.transaction(async (tx) => {
    const before = await repo.findRsaSections(tx);
    await repo.replaceRsaSections(tx, input.sections);
    await recordAudit(tx, ctx, {
      action: "rsaSections.replace",
      entityType: "rsaSections",
      before: { sections: before.map((s) => ({ position: s.position, title: s.title, keywords: s.keywords })) },
      after: { sections: input.sections.map((s) => ({ position: s.position, title: s.title, keywords: s.keywords })) },
    });
  });
  return listRsaSections(db);
}

/** Matches the headings of an RSA report version against the disposition (R2.2-5). */
export async function rsaCheck(db: Db, ctx: ActorContext, versionId: string): Promise<RsaCheck> {
  const found = await findVersionContext(db, versionId);
  if (!found) throw NotFound("Versionen finns inte.");
  const municipality = found.document.municipalityCode;
  authorize(ctx.actor, "documents.read", { county: municipality.slice(0, 2), municipality });
  if (found.document.typeId !== "rsa") throw Invalid("RSA-kontrollen gäller bara risk- och sårbarhetsanalyser.");
  const [files, sections, scope] = await Promise.all([
    repo.findRsaCheckFiles(db, versionId),
    repo.findRsaSections(db),
    clearanceScope(db, ctx.actor, ctx.clock.today()),
  ]);
  // Headings are content: those of a confidential part count only for a reader with clearance.
  const mayRead = (basis: string | null) => !(basis ?? found.version.confidentialBasis) || covers(scope, municipality);
  const readable = files.filter((f) => mayRead(f.basis));
  const headings = readable.flatMap((f) => f.headings);
  const results = matchRsaHeadings(sections, headings);
  const checkable = readable.some((f) => f.textStatus === "extracted");
  const unreadable = readable.find((f) => f.textStatus !== "extracted");
  return {
    versionId,
    checkable,
    message: checkable
      ? null
      : unreadable
        ? (TEXT_MESSAGES[unreadable.textStatus] ?? null)
        : "Ingen läsbar fil att kontrollera.",
    files: files.map((f) => ({
      fileId: f.id,
      fileName: mayRead(f.basis) ? f.fileName : "Sekretessbelagd fil",
      textStatus: f.textStatus as RsaCheck["files"][number]["textStatus"],
      headings: mayRead(f.basis) ? f.headings.length : 0,
    })),
    sections: results,
    missing: checkable ? results.filter((r) => r.matchedHeading === null).length : 0,
  };
}
