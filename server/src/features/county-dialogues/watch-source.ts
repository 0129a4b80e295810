import { watchSubject, webPaths } from "@uppsikt/core";
import type { WatchSource, WatchSourceItem } from "../../platform/watch/registry.js";
import { shorten } from "../../platform/watch/text.js";
import { findOpenFollowUps } from "./repository.js";

/**
 * Open follow-up items of the agency's dialogues with the counties (R1-7): an agency item, with the county but no
 * municipality; the owner (an agency officer) is responsible and gets the reminders.
 */
export const countyDialogueFollowUpSource: WatchSource = async (db, query) => {
  if (query.municipalities) return [];
  const rows = await findOpenFollowUps(db, query.counties);
  return rows.map((r): WatchSourceItem => ({
    key: `countyDialogue.followUp:${r.id}`,
    kind: "countyDialogueFollowUp",
    due: r.dueOn,
    subject: watchSubject("countyDialogueFollowUp", "open", { text: shorten(r.text), county: r.countyName }),
    county: r.countyCode,
    municipality: null,
    responsibleUserId: r.ownerId,
    responsibleName: r.ownerName,
    awaitedFromMunicipality: false,
    link: webPaths.countyDialogues(r.countyCode),
  }));
};
