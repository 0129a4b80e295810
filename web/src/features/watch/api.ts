import { queryOptions, type QueryClient } from "@tanstack/react-query";
import {
  FeedbackWaiver,
  HandOverResult,
  OutboxList,
  type FeedbackWaiverInput,
  type HandOverInput,
} from "@uppsikt/core";
import { apiRequest, queryString } from "../../api/client";
import { dialogueKeys } from "../dialogue/api";
import { oversightKeys } from "../documents/county/api";
import { keys } from "../../api/queries";

/** The admin outbox (mail saved as files when no SMTP server is set) and the county head's hand-over (R1-3). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export interface OutboxParams {
  limit: number;
  offset: number;
}

export const watchAdminKeys = {
  outboxAll: ["outbox"] as const,
  outbox: (params: OutboxParams) => ["outbox", params] as const,
};

// The outbox (admins)
export const listOutbox = (params: OutboxParams) =>
  apiRequest(`${V1}/admin/outbox${queryString({ ...params })}`, { schema: OutboxList });
/** The address of one saved message (.eml); a download, not JSON. */
export const outboxMessageUrl = (id: string) => `${V1}/admin/outbox/${enc(id)}.eml`;
export const outboxQuery = (params: OutboxParams) =>
  queryOptions({ queryKey: watchAdminKeys.outbox(params), queryFn: () => listOutbox(params) });

// Hand-over (county heads)
export const handOver = (county: string, input: HandOverInput) =>
  apiRequest(`${V1}/counties/${enc(county)}/hand-over`, { method: "POST", body: input, schema: HandOverResult });

/**
 * What a hand-over changes: responsible officers (municipality lists and pages, the review queue and other
 * oversight lists that show them), the watched dates that follow them, and the owners of dialogue follow-ups.
 */
export function invalidateAfterHandOver(queryClient: QueryClient, result: HandOverResult) {
  const affected = [
    dialogueKeys.watch("mine"),
    dialogueKeys.watch("county"),
    dialogueKeys.all,
    keys.municipalitiesAll,
    ...result.municipalities.map((m) => keys.municipality(m.code)),
    oversightKeys.all,
  ];
  return Promise.all(affected.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

// "Ingen återkoppling skickas" (county officers, issue 10.10)
export const waiveFeedback = (versionId: string, input: FeedbackWaiverInput) =>
  apiRequest(`${V1}/document-versions/${enc(versionId)}/feedback-waiver`, {
    method: "POST",
    body: input,
    schema: FeedbackWaiver,
  });

/** What the decision changes: the watch lists and the county's "waited long" list. */
export function invalidateAfterWaiver(queryClient: QueryClient) {
  const affected = [dialogueKeys.watch("mine"), dialogueKeys.watch("county"), oversightKeys.all];
  return Promise.all(affected.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
