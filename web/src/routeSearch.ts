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
}
export const parseCountySearch = (s: Raw): CountySearch => ({
  q: text(s.q),
  sort: oneOf(s.sort, MUNICIPALITY_SORTS),
  order: oneOf(s.order, ["asc", "desc"] as const),
});

export interface MunicipalitySearch {
  period?: number;
}
export const parseMunicipalitySearch = (s: Raw): MunicipalitySearch => ({ period: int(s.period) });

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
