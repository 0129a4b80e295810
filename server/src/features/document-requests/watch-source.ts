import { isAwaitingAnswer, watchSubject, webPaths } from "@uppsikt/core";
import type { WatchSource, WatchSourceItem as WatchItem } from "../../platform/watch/registry.js";
import { shorten } from "../../platform/watch/text.js";
import { findUnansweredRequests } from "./repository.js";

/* Sources know no reader, so no confidential text goes into a title: a confidential request gets a neutral one. */

/**
 * Requests for documents not yet answered (nor closed): awaited from the municipality; responsible is the
 * municipality's responsible officer, or the officer who asked when none is assigned.
 */
export const documentRequestsSource: WatchSource = async (db, query) => {
  const rows = (await findUnansweredRequests(db, query)).filter((r) => isAwaitingAnswer(r));
  return rows.map((r): WatchItem => ({
    key: `documentRequest:${r.id}`,
    kind: "documentRequest",
    due: r.replyBy,
    subject: r.confidentialBasis
      ? watchSubject("documentRequest", "confidential", { municipality: r.municipalityName })
      : watchSubject("documentRequest", "open", { subject: shorten(r.subject), municipality: r.municipalityName }),
    county: r.countyCode,
    municipality: { code: r.municipalityCode, name: r.municipalityName },
    responsibleUserId: r.officerId ?? r.requestedBy,
    responsibleName: r.officerId ? r.officerName : r.requestedByName,
    awaitedFromMunicipality: true,
    link: webPaths.municipality(r.municipalityCode, { tab: "dialogue" }),
  }));
};
