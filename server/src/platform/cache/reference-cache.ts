import type { Executor } from "../../db/client.js";
import type { App } from "../http/types.js";

/**
 * A few seconds' memory of data that every page reads and hardly anything writes (a county's municipalities with
 * their responsible officers). Per database, so that tests on fresh databases never see each other's rows.
 *
 * Coherence: on this process every write request ends by forgetting everything cached (`forgetReferenceData`, from
 * an onResponse hook, so after its transaction has committed), and the repository functions that change the data
 * forget it too. A value loaded while something was forgotten is not kept, so a read that raced a write cannot
 * store what it read before the commit. Another process sharing the PostgreSQL database sees a change within
 * REFERENCE_CACHE_MS, as with sessions.
 */
export const REFERENCE_CACHE_MS = 5_000;

interface Entry<V> {
  value: V;
  until: number;
}

const caches = new Set<ReferenceCache<unknown>>();
let generation = 0;

export class ReferenceCache<V> {
  private byDatabase = new WeakMap<object, Map<string, Entry<V>>>();

  constructor(private readonly ttlMs = REFERENCE_CACHE_MS) {
    caches.add(this as ReferenceCache<unknown>);
  }

  async get(db: Executor, key: string, load: () => Promise<V>): Promise<V> {
    const entries = this.byDatabase.get(db);
    const hit = entries?.get(key);
    if (hit && hit.until > performance.now()) return hit.value;
    const started = generation;
    const value = await load();
    if (started === generation) {
      const map = entries ?? new Map<string, Entry<V>>();
      if (!entries) this.byDatabase.set(db, map);
      if (map.size > 1_000) map.clear();
      map.set(key, { value, until: performance.now() + this.ttlMs });
    }
    return value;
  }

  clear(): void {
    // A WeakMap cannot be emptied; a new one leaves the old entries to the garbage collector.
    this.byDatabase = new WeakMap();
  }
}

/** Forget every cached reference value (after a write). */
export function forgetReferenceData(): void {
  generation++;
  for (const cache of caches) cache.clear();
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A write has committed by the time its answer is sent: cached reference data may be stale from there on. */
export function forgetReferenceDataAfterWrites(app: App): void {
  app.addHook("onResponse", async (req) => {
    if (!READS.has(req.method)) forgetReferenceData();
  });
}
