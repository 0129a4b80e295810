import { type RsaCheck, matchRsaHeadings, missingRsaSections } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { clearanceScope, covers } from "../../platform/confidentiality/index.js";
import { Invalid, NotFound } from "../../platform/errors.js";
import type { ActorContext } from "../../platform/http/context.js";
import { authorize } from "../../platform/permissions.js";
import { nationalRulesReader } from "../national-rules/rules-on.js";
import { findVersionContext } from "./repository.js";
import * as repo from "./rsa-check-repository.js";

const TEXT_MESSAGES: Record<string, string> = {
  noTextLayer:
    "Filen saknar textlager (troligen inskannad). Rubrikerna kan inte kontrolleras automatiskt – granska dispositionen manuellt.",
  unsupported: "Texten i filformatet (ODT) kan inte läsas automatiskt – granska dispositionen manuellt.",
  failed: "Texten kunde inte läsas ur filen (skadad eller lösenordsskyddad).",
};

/**
 * Matches the headings of an RSA report version against the disposition (R2.2-5). An optional section (the
 * assessment by the indicators, § 5) is shown but never counted as missing.
 */
export async function rsaCheck(db: Db, ctx: ActorContext, versionId: string): Promise<RsaCheck> {
  const found = await findVersionContext(db, versionId);
  if (!found) throw NotFound("Versionen finns inte.");
  const municipality = found.document.municipalityCode;
  authorize(ctx.actor, "documents.read", { county: municipality.slice(0, 2), municipality });
  if (found.document.typeId !== "rsa") throw Invalid("RSA-kontrollen gäller bara risk- och sårbarhetsanalyser.");
  const [files, sections, scope] = await Promise.all([
    repo.findRsaCheckFiles(db, versionId),
    // The check applies the disposition in force today: it is a matching aid the agency corrects, not a deadline.
    nationalRulesReader(db)
      .on(ctx.clock.today())
      .then((r) => [...r.rules.rsaDisposition.sections].sort((a, b) => a.position - b.position)),
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
    missing: checkable ? missingRsaSections(results).length : 0,
  };
}
