import { isFollowUpOpen, watchSubject, webPaths } from "@uppsikt/core";
import type { WatchSource, WatchSourceItem as WatchItem } from "../../platform/watch/registry.js";
import { shorten } from "../../platform/watch/text.js";
import { findOpenFollowUps } from "./repository.js";

const link = (code: string) => webPaths.municipality(code, { tab: "dialogue" });

/*
 * The dialogue's dates on the watch list (R1-3). Sources know no reader, so no confidential text goes into a
 * title: a confidential entry's follow-up gets a neutral title.
 */

/**
 * Follow-up items not yet done. One item per follow-up, also for a network meeting: its municipality is the
 * first of the entry's municipalities (in code order) within the query's municipalities, so a coordinator's
 * list shows their own. Responsible: the owning user; when a named person outside the system owns it, the
 * officer who watches it (set by a hand-over), else the entry's author. Awaited from the municipality when the owner is one of the municipality's users.
 */
export const dialogueFollowUpsSource: WatchSource = async (db, query) => {
  const { items, municipalities } = await findOpenFollowUps(db, query);
  return items.flatMap((f): WatchItem[] => {
    if (!isFollowUpOpen({ done: f.doneAt !== null })) return [];
    const all = municipalities.filter((m) => m.entryId === f.entryId);
    const municipality =
      (query.municipalities ? all.find((m) => query.municipalities!.includes(m.code)) : all[0]) ?? all[0];
    if (!municipality) return [];
    const network = all.length > 1;
    const owner = f.ownerUserId ? (f.ownerUserName ?? "") : (f.ownerName ?? "");
    return [
      {
        key: `dialogue.followUp:${f.id}`,
        kind: "dialogueFollowUp",
        due: f.due,
        subject: f.confidentialBasis
          ? watchSubject("dialogueFollowUp", network ? "confidentialNetwork" : "confidential", {
              municipality: municipality.name,
              count: all.length,
            })
          : watchSubject(
              "dialogueFollowUp",
              `open${network ? "Network" : ""}${f.ownerUserId ? "" : "ExternalOwner"}` as
                "open" | "openNetwork" | "openExternalOwner" | "openNetworkExternalOwner",
              { text: shorten(f.text), municipality: municipality.name, count: all.length, owner },
            ),
        county: f.countyCode,
        municipality: { code: municipality.code, name: municipality.name },
        responsibleUserId: f.ownerUserId ?? f.watcherUserId ?? f.authorId,
        responsibleName: f.ownerUserId ? owner : (f.watcherName ?? f.authorName),
        awaitedFromMunicipality: f.ownerRole === "municipality",
        link: link(municipality.code),
      },
    ];
  });
};
