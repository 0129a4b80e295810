import type { Db } from "../client.js";
import type { Clock } from "../../platform/clock.js";
import type { ServerFeature } from "../../platform/feature.js";
import { loadStarterCriteria } from "./criteria-starter.js";
import { loadOslGrounds } from "../../features/osl-grounds/starter.js";
import { loadReferenceData } from "./reference.js";
import { loadNationalRules } from "../../features/national-rules/seed.js";

/**
 * The national reference data every start makes sure of: counties, municipalities, agreements, document types,
 * OSL grounds, the national rule versions (document deadlines, periods, days, the RSA disposition), (until the agency
 * imports the official one) the example criteria library, and then every feature's own reference step (e.g. the
 * economy's compensation parts) in the order of `features` (SERVER_FEATURES, passed by the caller).
 * Each loader inserts only what is missing and never overwrites edits.
 */
export async function loadNationalData(db: Db, clock: Clock, features: readonly ServerFeature[]): Promise<void> {
  await loadReferenceData(db, clock);
  await loadOslGrounds(db, clock);
  await loadNationalRules(db, clock);
  await loadStarterCriteria(db, clock);
  for (const feature of features) if (feature.reference) await feature.reference.load(db, clock);
}
