import { queryOptions } from "@tanstack/react-query";
import {
  DialogueEntry,
  DialogueEntryList,
  EarlyWarning,
  EarlyWarningList,
  EarlyWarningSummary,
  WatchList,
  CalendarFeedCreated,
  CalendarFeedRevoked,
  CalendarFeedStatus,
  ReminderPreferences,
  type ReminderPreferencesInput,
  type DialogueEntryCreate,
  type DialogueEntryUpdate,
  DialogueEntryDetail,
  DialogueFollowUp,
  FollowUpOwnerCandidates,
  DialogueSearchResult,
} from "@uppsikt/core";
import { apiRequest, queryString } from "../../api/client";

/** The continuous dialogue and the early warnings of a municipality (features/dialogue). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const dialogueKeys = {
  all: ["dialogue"] as const,
  entries: (code: string) => ["dialogue", "entries", code] as const,
  entry: (id: string) => ["dialogue", "entry", id] as const,
  owners: (county: string, codes: readonly string[]) => ["dialogue", "owners", county, [...codes].sort()] as const,
  warnings: (code: string) => ["dialogue", "warnings", code] as const,
  summary: (county: string) => ["dialogue", "summary", county] as const,
  watch: (scope: "mine" | "county") => ["watch", scope] as const,
  reminders: ["watch", "reminders"] as const,
  calendar: ["watch", "calendar"] as const,
};

export const listDialogueEntries = (code: string) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/dialogue-entries${queryString({ limit: 100 })}`, {
    schema: DialogueEntryList,
  });
export const listWarnings = (code: string) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/warnings`, { schema: EarlyWarningList });
export const warningSummary = (county: string) =>
  apiRequest(`${V1}/counties/${enc(county)}/warnings/summary`, { schema: EarlyWarningSummary });
export const createDialogueEntry = (input: DialogueEntryCreate) =>
  apiRequest(`${V1}/dialogue-entries`, { method: "POST", body: input, schema: DialogueEntry });
export const getDialogueEntry = (id: string) =>
  apiRequest(`${V1}/dialogue-entries/${enc(id)}`, { schema: DialogueEntryDetail });
export const updateDialogueEntry = (id: string, input: DialogueEntryUpdate) =>
  apiRequest(`${V1}/dialogue-entries/${enc(id)}`, { method: "PUT", body: input, schema: DialogueEntryDetail });
export const markFollowUpDone = (id: string) =>
  apiRequest(`${V1}/dialogue-follow-ups/${enc(id)}/done`, { method: "POST", schema: DialogueFollowUp });
export const listFollowUpOwners = (county: string, codes: readonly string[]) =>
  apiRequest(
    `${V1}/counties/${enc(county)}/follow-up-owners${queryString({ municipalities: codes.join(",") || undefined })}`,
    {
      schema: FollowUpOwnerCandidates,
    },
  );
export const searchDialogue = (county: string, params: { q: string; limit: number; offset: number }) =>
  apiRequest(`${V1}/counties/${enc(county)}/dialogue-entries/search${queryString(params)}`, {
    schema: DialogueSearchResult,
  });
export const dialogueSearchQuery = (county: string, params: { q: string; limit: number; offset: number }) =>
  queryOptions({
    queryKey: ["dialogue", "search", county, params] as const,
    queryFn: () => searchDialogue(county, params),
  });
export const resolveWarning = (id: string, note: string) =>
  apiRequest(`${V1}/warnings/${enc(id)}/resolve`, { method: "POST", body: { note }, schema: EarlyWarning });

export const dialogueEntriesQuery = (code: string) =>
  queryOptions({ queryKey: dialogueKeys.entries(code), queryFn: () => listDialogueEntries(code) });
export const dialogueEntryQuery = (id: string) =>
  queryOptions({ queryKey: dialogueKeys.entry(id), queryFn: () => getDialogueEntry(id) });
export const followUpOwnersQuery = (county: string, codes: readonly string[]) =>
  queryOptions({
    queryKey: dialogueKeys.owners(county, codes),
    queryFn: () => listFollowUpOwners(county, codes),
    staleTime: 60_000,
  });
export const warningsQuery = (code: string) =>
  queryOptions({ queryKey: dialogueKeys.warnings(code), queryFn: () => listWarnings(code) });
export const warningSummaryQuery = (county: string) =>
  queryOptions({ queryKey: dialogueKeys.summary(county), queryFn: () => warningSummary(county) });

// The watch list (bevakning, R1-3)
export const getWatchList = (scope: "mine" | "county") =>
  apiRequest(`${V1}/watch${queryString({ scope: scope === "county" ? "county" : undefined })}`, { schema: WatchList });
export const watchQuery = (scope: "mine" | "county") =>
  queryOptions({ queryKey: dialogueKeys.watch(scope), queryFn: () => getWatchList(scope) });

// Reminders and the calendar feed
export const getReminderPreferences = () =>
  apiRequest(`${V1}/me/reminder-preferences`, { schema: ReminderPreferences });
export const saveReminderPreferences = (input: ReminderPreferencesInput) =>
  apiRequest(`${V1}/me/reminder-preferences`, { method: "PUT", body: input, schema: ReminderPreferences });
export const getCalendarFeed = () => apiRequest(`${V1}/me/calendar-token`, { schema: CalendarFeedStatus });
export const createCalendarFeed = () =>
  apiRequest(`${V1}/me/calendar-token`, { method: "POST", schema: CalendarFeedCreated });
export const revokeCalendarFeed = () =>
  apiRequest(`${V1}/me/calendar-token`, { method: "DELETE", schema: CalendarFeedRevoked });
export const reminderPreferencesQuery = queryOptions({
  queryKey: dialogueKeys.reminders,
  queryFn: getReminderPreferences,
});
export const calendarFeedQuery = queryOptions({ queryKey: dialogueKeys.calendar, queryFn: getCalendarFeed });
