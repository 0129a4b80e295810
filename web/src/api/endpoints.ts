import {
  Agreement,
  AgreementList,
  AppConfig,
  AuditEventList,
  County,
  CountyList,
  DemoAccounts,
  Health,
  Me,
  Municipality,
  MunicipalityList,
  Ok,
  PeriodList,
  User,
  UserList,
  type AgreementInput,
  type Role,
  type UserCreate,
  type UserUpdate,
} from "@uppsikt/core";
import { apiRequest, queryString } from "./client";

const V1 = "/api/v1";

export const getConfig = () => apiRequest(`${V1}/config`, { schema: AppConfig });
export const getHealth = () => apiRequest("/api/health", { schema: Health });

// Session
export const login = (email: string, password: string) =>
  apiRequest(`${V1}/auth/login`, { method: "POST", body: { email, password }, schema: Me, quiet401: true });
export const getDemoAccounts = () => apiRequest(`${V1}/auth/demo-accounts`, { schema: DemoAccounts, quiet401: true });
export const logout = () => apiRequest(`${V1}/auth/logout`, { method: "POST", schema: Ok, quiet401: true });
export const getMe = () => apiRequest(`${V1}/auth/me`, { schema: Me, quiet401: true });

// Counties and municipalities
export const listCounties = () => apiRequest(`${V1}/counties`, { schema: CountyList });
export const getCounty = (code: string) => apiRequest(`${V1}/counties/${encodeURIComponent(code)}`, { schema: County });

export type MunicipalitySort = "name" | "code" | "responsibleOfficer";
export type SortOrder = "asc" | "desc";
export interface MunicipalityListParams {
  q?: string;
  sort?: MunicipalitySort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}
export const listMunicipalities = (county: string, params: MunicipalityListParams = {}) =>
  apiRequest(`${V1}/counties/${encodeURIComponent(county)}/municipalities${queryString({ ...params })}`, {
    schema: MunicipalityList,
  });
export const getMunicipality = (code: string) =>
  apiRequest(`${V1}/municipalities/${encodeURIComponent(code)}`, { schema: Municipality });
export const setResponsibleOfficer = (code: string, userId: string | null) =>
  apiRequest(`${V1}/municipalities/${encodeURIComponent(code)}/responsible-officer`, {
    method: "PUT",
    body: { userId },
    schema: Municipality,
  });

// Reference data
export const listPeriods = () => apiRequest(`${V1}/periods`, { schema: PeriodList });
export const listAgreements = (period?: number) =>
  apiRequest(`${V1}/agreements${queryString({ period })}`, { schema: AgreementList });
export const createAgreement = (input: AgreementInput) =>
  apiRequest(`${V1}/agreements`, { method: "POST", body: input, schema: Agreement });
export const updateAgreement = (id: string, input: AgreementInput) =>
  apiRequest(`${V1}/agreements/${encodeURIComponent(id)}`, { method: "PUT", body: input, schema: Agreement });

// Users
export interface UserListParams {
  q?: string;
  role?: Role;
  county?: string;
  limit?: number;
  offset?: number;
}
export const listUsers = (params: UserListParams = {}) =>
  apiRequest(`${V1}/users${queryString({ ...params })}`, { schema: UserList });
export const createUser = (input: UserCreate) =>
  apiRequest(`${V1}/users`, { method: "POST", body: input, schema: User });
export const updateUser = (id: string, input: UserUpdate) =>
  apiRequest(`${V1}/users/${encodeURIComponent(id)}`, { method: "PATCH", body: input, schema: User });

// Audit log
export interface AuditListParams {
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}
export const listAuditEvents = (params: AuditListParams = {}) =>
  apiRequest(`${V1}/audit-events${queryString({ ...params })}`, { schema: AuditEventList });
