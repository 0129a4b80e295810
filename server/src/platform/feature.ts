import type { WatchKind } from "@uppsikt/core";
import type { Db } from "../db/client.js";
import type { Clock } from "./clock.js";
import type { App, Deps } from "./http/types.js";
import type { WatchSource } from "./watch/registry.js";

/**
 * One step of the demo data. It runs at start (embedded database with DEMO_DATA=true only) whenever its own
 * tables are empty, so an existing `./data` gets a new feature's demo data on the next start. Steps run in the
 * order of the feature list; a step may rely on the data of the steps before it (the demo accounts first).
 */
export interface DemoStep {
  name: string;
  /** This feature's own tables hold no rows yet. */
  isEmpty(db: Db): Promise<boolean>;
  seed(db: Db, clock: Clock): Promise<void>;
}

/**
 * One step of the national reference data a feature brings (e.g. the economy's compensation parts). It runs at
 * every start, on every database, after the platform's reference data and in the order of the feature list; it
 * inserts only what is missing and never overwrites edits.
 */
export interface ReferenceStep {
  name: string;
  load(db: Db, clock: Clock): Promise<unknown>;
}

/**
 * A server feature: one folder `server/src/features/<feature>/` whose `index.ts` exports one of these, and one
 * line in `server/src/features/index.ts`. Its tables are in the folder's `schema.ts` (found by drizzle-kit by
 * glob), its permission-matrix cases in `route-cases.ts` (found by the tests by glob).
 */
export interface ServerFeature {
  /** As in the glossary, e.g. `document-requests`. */
  name: string;
  /** Registers the feature's routes. */
  register(app: App, deps: Deps): void;
  /** The dates the feature needs watched (bevakning), by watch kind. */
  watchSources?(deps: Deps): Partial<Record<WatchKind, WatchSource>>;
  /** Its national reference data, loaded at every start (`server/src/db/seed/national.ts`). */
  reference?: ReferenceStep;
  demo?: DemoStep;
}

export const defineServerFeature = <F extends ServerFeature>(feature: F): F => feature;
