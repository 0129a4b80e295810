import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CriteriaLibraryFile } from "@uppsikt/core";
import type { Db } from "../client.js";
import { parseYamlLibrary } from "../../features/criteria/library-file.js";
import {
  anyVersionExists,
  findActiveVersion,
  lockLibrary,
  versionLabelExists,
} from "../../features/criteria/repository.js";
import { insertVersion } from "../../features/criteria/service.js";
import { systemActor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";

export const STARTER_CRITERIA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "criteria-starter.yaml");

/** The example library shipped with Uppsikt, parsed and validated like any import. */
export function starterCriteria(): CriteriaLibraryFile {
  return parseYamlLibrary(readFileSync(STARTER_CRITERIA_FILE, "utf8"));
}

/**
 * Inserts the example library and makes it active when the library has no version at all, or when an earlier
 * example version is the active one (2026.2 marks its civil-defence area); never over an imported official version.
 * Idempotent: safe at every start. The agency replaces it by importing the official version.
 */
export async function loadStarterCriteria(db: Db, clock: Clock): Promise<{ inserted: boolean }> {
  const file = starterCriteria();
  return db.transaction(async (tx) => {
    await lockLibrary(tx);
    if (await anyVersionExists(tx)) {
      const active = await findActiveVersion(tx);
      if (!active?.isExample || (await versionLabelExists(tx, file.version))) return { inserted: false };
    }
    await insertVersion(tx, { actor: systemActor, requestId: null, clock }, file, {
      activate: true,
      source: { fileName: path.basename(STARTER_CRITERIA_FILE), format: "yaml" },
    });
    return { inserted: true };
  });
}
