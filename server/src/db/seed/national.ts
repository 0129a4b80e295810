import type { Db } from "../client.js";
import type { Clock } from "../../platform/clock.js";
import { loadStarterCriteria } from "./criteria-starter.js";
import { loadOslGrounds } from "../../features/osl-grounds/starter.js";
import { loadReferenceData } from "./reference.js";
import { loadNationalRules } from "../../features/national-rules/seed.js";
import { loadCompensationParts } from "../../features/economy/parts-seed.js";

/**
 * The national reference data every start makes sure of: counties, municipalities, agreements, document types,
 * OSL grounds, the national rule versions (document deadlines, periods, days, the RSA disposition) and (until the agency imports the official one) the example criteria library.
 * Each loader inserts only what is missing and never overwrites edits.
 */
export async function loadNationalData(db: Db, clock: Clock): Promise<void> {
  await loadReferenceData(db, clock);
  await loadOslGrounds(db, clock);
  await loadNationalRules(db, clock);
  await loadStarterCriteria(db, clock);
  await loadCompensationParts(db, clock);
}
