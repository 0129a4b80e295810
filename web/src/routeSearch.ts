import { DOCUMENT_TYPE_IDS, DocumentFlag, DocumentStatus } from "@uppsikt/core";

/**
 * The URL search parameters each route understands. Unknown or malformed values are dropped
 * rather than failing the page, since people edit and share these addresses.
 */
type Raw = Record<string, unknown>;

const text = (v: unknown): string | undefined => {
  if (typeof v === "string" && v.trim() !== "") return v;
  if (typeof v === "number") return String(v);
  return undefined;
};
const int = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
const isoDate = (v: unknown): string | undefined =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

export interface LoginSearch {
  redirect?: string;
  loggedOut?: boolean;
  expired?: boolean;
}
export const parseLoginSearch = (s: Raw): LoginSearch => ({
  redirect: text(s.redirect),
  loggedOut: s.loggedOut === true || s.loggedOut === "true" ? true : undefined,
  expired: s.expired === true || s.expired === "true" ? true : undefined,
});

export const MUNICIPALITY_SORTS = ["name", "code", "responsibleOfficer"] as const;
export type MunicipalitySortKey = (typeof MUNICIPALITY_SORTS)[number];
export interface CountySearch {
  q?: string;
  sort?: MunicipalitySortKey;
  order?: "asc" | "desc";
  /** The review queue ("Att granska") for the whole county instead of the officer's own municipalities. */
  queue?: "county";
}
export const parseCountySearch = (s: Raw): CountySearch => ({
  q: text(s.q),
  sort: oneOf(s.sort, MUNICIPALITY_SORTS),
  order: oneOf(s.order, ["asc", "desc"] as const),
  queue: oneOf(s.queue, ["county"] as const),
});

/** The municipality page's tabs, by their Swedish slugs (`?flik=dialog`); links from the watch list use them. */
export const MUNICIPALITY_TABS = ["dokument", "dialog", "arsrapport", "ekonomi", "besok", "atgarder"] as const;
export type MunicipalityTab = (typeof MUNICIPALITY_TABS)[number];
export interface MunicipalitySearch {
  period?: number;
  flik?: MunicipalityTab;
}
export const parseMunicipalitySearch = (s: Raw): MunicipalitySearch => ({
  period: int(s.period),
  flik: oneOf(s.flik, MUNICIPALITY_TABS),
});

export interface UsersSearch {
  q?: string;
  role?: "agency" | "county" | "municipality" | "admin";
  page?: number;
}
export const parseUsersSearch = (s: Raw): UsersSearch => ({
  q: text(s.q),
  role: oneOf(s.role, ["agency", "county", "municipality", "admin"] as const),
  page: int(s.page),
});

export interface AuditSearch {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
}
export const parseAuditSearch = (s: Raw): AuditSearch => ({
  action: text(s.action),
  actor: text(s.actor),
  from: isoDate(s.from),
  to: isoDate(s.to),
  page: int(s.page),
});

export interface AgreementsSearch {
  period?: number;
}
export const parseAgreementsSearch = (s: Raw): AgreementsSearch => ({ period: int(s.period) });

const flag = (v: unknown): true | undefined => (v === true || v === "true" ? true : undefined);

export const MATRIX_SORTS = ["name", "responsibleOfficer", "flagged"] as const;
export type MatrixSortKey = (typeof MATRIX_SORTS)[number];
export interface DocumentMatrixSearch {
  period?: number;
  status?: DocumentStatus;
  flag?: DocumentFlag;
  type?: (typeof DOCUMENT_TYPE_IDS)[number];
  q?: string;
  sort?: MatrixSortKey;
  order?: "asc" | "desc";
}
export const parseDocumentMatrixSearch = (s: Raw): DocumentMatrixSearch => ({
  period: int(s.period),
  status: oneOf(s.status, DocumentStatus.options),
  flag: oneOf(s.flag, DocumentFlag.options),
  type: oneOf(s.type, DOCUMENT_TYPE_IDS),
  q: text(s.q),
  sort: oneOf(s.sort, MATRIX_SORTS),
  order: oneOf(s.order, ["asc", "desc"] as const),
});

export const YEAR_TWO_SHOWS = ["noPlan", "overdue"] as const;
export interface YearTwoSearch {
  period?: number;
  /** Only documents without an agreed date, or only those whose agreed date has passed. */
  show?: (typeof YEAR_TWO_SHOWS)[number];
  /** Only the signed-in officer's municipalities. */
  mine?: true;
}
export const parseYearTwoSearch = (s: Raw): YearTwoSearch => ({
  period: int(s.period),
  show: oneOf(s.show, YEAR_TWO_SHOWS),
  mine: flag(s.mine),
});

export interface AwaitingFeedbackSearch {
  period?: number;
  days?: number;
  mine?: true;
}
export const parseAwaitingFeedbackSearch = (s: Raw): AwaitingFeedbackSearch => {
  const days = int(s.days);
  return {
    period: int(s.period),
    days: days !== undefined && days >= 0 && days <= 3650 ? days : undefined,
    mine: flag(s.mine),
  };
};

export interface DocumentSearchSearch {
  q?: string;
  period?: number;
  page?: number;
}
export const parseDocumentSearchSearch = (s: Raw): DocumentSearchSearch => ({
  q: text(s.q),
  period: int(s.period),
  page: int(s.page),
});

export interface DialogueSearchSearch {
  q?: string;
  page?: number;
}
export const parseDialogueSearchSearch = (s: Raw): DialogueSearchSearch => ({ q: text(s.q), page: int(s.page) });

export interface ClearancesSearch {
  county?: string;
  municipality?: string;
  inactive?: true;
}
export const parseClearancesSearch = (s: Raw): ClearancesSearch => {
  const county = text(s.county);
  const municipality = text(s.municipality);
  return {
    county: county && /^\d{2}$/.test(county) ? county : undefined,
    municipality: municipality && /^\d{4}$/.test(municipality) ? municipality : undefined,
    inactive: flag(s.inactive),
  };
};

export interface CriteriaSearch {
  version?: string;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const parseCriteriaSearch = (s: Raw): CriteriaSearch => {
  const version = text(s.version);
  return { version: version && UUID.test(version) ? version : undefined };
};
