import { type WatchKind, type WatchSubject, watchTitle } from "@uppsikt/core";
import type { Db } from "../../db/client.js";

/** One date the system watches (bevakning, R1-3). Sources return only open items. */
export interface WatchItem {
  /** Stable across runs, e.g. `documents.deadline:0180:2023:rsa`: reminders are claimed by it. */
  key: string;
  /** What kind of date: users turn reminders off per kind. */
  kind: WatchKind;
  /** YYYY-MM-DD */
  due: string;
  /** The title as data (core's watch texts); the web writes it in its own language. */
  subject: WatchSubject;
  /** Swedish, from the subject, e.g. "RSA-rapport ska vara beslutad: Stockholm" (mail, calendar feed). */
  title: string;
  county: string;
  municipality: { code: string; name: string } | null;
  /** The county user responsible; reminders go to them. */
  responsibleUserId: string | null;
  responsibleName: string | null;
  /** Something the county awaits from the municipality: shown to its coordinators, who get reminders too. */
  awaitedFromMunicipality: boolean;
  /** A path in the web app. */
  link: string;
  /** Feedback owed (issue 10.10): the version it is owed on, so an officer can decide none will be sent. */
  feedbackVersionId?: string;
}

export interface WatchQuery {
  today: string;
  /** Limit to these counties (undefined: all). */
  counties?: string[];
  /** Limit to these municipalities (undefined: all in the counties). */
  municipalities?: string[];
}

/** What a source returns: an item without its title, which the registry writes from the subject. */
export type WatchSourceItem = Omit<WatchItem, "title">;

/** Each feature registers a source of the dates it needs watched. */
export type WatchSource = (db: Db, query: WatchQuery) => Promise<WatchSourceItem[]>;

export interface WatchRegistry {
  register(kind: WatchKind, source: WatchSource): void;
  /** Every source's open items (or only those of `kinds`), in due order. */
  collect(db: Db, query: WatchQuery, kinds?: readonly WatchKind[]): Promise<WatchItem[]>;
  kinds(): WatchKind[];
}

export function createWatchRegistry(): WatchRegistry {
  const sources = new Map<WatchKind, WatchSource>();
  return {
    register(kind, source) {
      if (sources.has(kind)) throw new Error(`watch source ${kind} registered twice`);
      sources.set(kind, source);
    },
    async collect(db, query, kinds) {
      const wanted = [...sources.entries()].filter(([kind]) => !kinds || kinds.includes(kind));
      const all = (await Promise.all(wanted.map(([, s]) => s(db, query))))
        .flat()
        .map((item): WatchItem => ({ ...item, title: watchTitle(item.kind, item.subject) ?? item.kind }));
      return all.sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
    },
    kinds: () => [...sources.keys()],
  };
}
