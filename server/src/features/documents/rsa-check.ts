import { type RsaCheck, matchRsaHeadings, missingRsaSections } from "@uppsikt/core";
import type { Db } from "../../db/client.js";
import { clearanceScope, covers, recordConfidentialRead } from "../../platform/confidentiality/index.js";
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
  // Headings and file names are content: those of a confidential part (the file's basis, else the version's) count
  // only for a reader with clearance for the municipality, and such a read is logged (R2.10-2).
  const versionBasis = found.version.confidentialBasis;
  const cleared = covers(scope, municipality);
  const basisOf = (f: (typeof files)[number]) => f.basis ?? versionBasis;
  const mayRead = (f: (typeof files)[number]) => !basisOf(f) || cleared;
  const readable = files.filter(mayRead);
  const hidden = files.filter((f) => !mayRead(f));
  const confidentialRead = files.filter((f) => basisOf(f) && mayRead(f));
  const headings = readable.flatMap((f) => f.headings);
  const results = matchRsaHeadings(sections, headings);
  const checkable = readable.some((f) => f.textStatus === "extracted");
  const unreadable = readable.find((f) => f.textStatus !== "extracted");
  if (confidentialRead.length > 0)
    await recordConfidentialRead(db, ctx, {
      entityType: "documentVersion",
      entityId: versionId,
      municipality,
      parts: ["rsaCheck"],
      basis: versionBasis ?? basisOf(confidentialRead[0]!),
    });
  return {
    versionId,
    checkable,
    message: checkable
      ? null
      : unreadable
        ? (TEXT_MESSAGES[unreadable.textStatus] ?? null)
        : hidden.length > 0
          ? `Versionen är sekretessbelagd (${basisOf(hidden[0]!)}). Du behöver behörighet för kommunen för att se RSA-kontrollen.`
          : "Ingen läsbar fil att kontrollera.",
    // Of a hidden file only that it exists and whether its text could be read: not its name nor its headings.
    files: files.map((f) => ({
      fileId: f.id,
      fileName: mayRead(f) ? f.fileName : "Sekretessbelagd fil",
      textStatus: f.textStatus as RsaCheck["files"][number]["textStatus"],
      headings: mayRead(f) ? f.headings.length : 0,
    })),
    sections: results,
    missing: checkable ? missingRsaSections(results).length : 0,
  };
}
