import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { CountyDialogue, CountyDialogueList, type CountyDialogueCreate } from "@uppsikt/core";
import { apiRequest } from "../../api/client";

/** The agency's dialogues with the counties (features/county-dialogues). */

const V1 = "/api/v1";

export const countyDialogueKeys = {
  all: ["countyDialogues"] as const,
  county: (code: string) => ["countyDialogues", code] as const,
};

export const listCountyDialogues = (code: string) =>
  apiRequest(`${V1}/counties/${encodeURIComponent(code)}/county-dialogues`, { schema: CountyDialogueList });
export const createCountyDialogue = (body: CountyDialogueCreate) =>
  apiRequest(`${V1}/county-dialogues`, { method: "POST", body, schema: CountyDialogue });
export const markFollowUpDone = (id: string) =>
  apiRequest(`${V1}/county-dialogue-follow-ups/${encodeURIComponent(id)}/done`, {
    method: "POST",
    body: { note: "" },
    schema: CountyDialogue,
  });

export const countyDialoguesQuery = (code: string) =>
  queryOptions({ queryKey: countyDialogueKeys.county(code), queryFn: () => listCountyDialogues(code) });

/** After a write: the dialogues and the watch list (follow-up items are watched). */
export function invalidateCountyDialogues(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: countyDialogueKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
}
