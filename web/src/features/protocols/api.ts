import { queryOptions } from "@tanstack/react-query";
import {
  ActionList,
  ActionView,
  ProtocolTemplate,
  ProtocolView,
  type ActionCreate,
  type ActionPatch,
} from "@uppsikt/core";
import type { z } from "zod";
import { apiRequest, queryString } from "../../api/client";

/** The protocol of a visit (features/protocols). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const protocolKeys = {
  all: ["protocols"] as const,
  protocol: (visitId: string) => ["protocols", visitId] as const,
  template: (county: string) => ["protocols", "template", county] as const,
};
export const getProtocolTemplate = (county: string) =>
  apiRequest(`${V1}/counties/${enc(county)}/protocol-template`, { schema: ProtocolTemplate });
export const saveProtocolTemplate = (county: string, body: { intro: string; closing: string; version: number }) =>
  apiRequest(`${V1}/counties/${enc(county)}/protocol-template`, { method: "PUT", body, schema: ProtocolTemplate });
export const protocolTemplateQuery = (county: string) =>
  queryOptions({ queryKey: protocolKeys.template(county), queryFn: () => getProtocolTemplate(county) });

export const getProtocol = (visitId: string) =>
  apiRequest(`${V1}/visits/${enc(visitId)}/protocol`, { schema: ProtocolView });
const post = (visitId: string, path: string, body: unknown) =>
  apiRequest(`${V1}/visits/${enc(visitId)}/protocol/${path}`, { method: "POST", body, schema: ProtocolView });
export const startFactualReview = (visitId: string, body: { replyBy?: string }) =>
  post(visitId, "factual-review", body);
export const commentProtocol = (visitId: string, body: { text: string }) => post(visitId, "comments", body);
export const approveProtocol = (visitId: string, body: { version?: number }) => post(visitId, "approve", body);
export const sendProtocol = (visitId: string, body: { registrationNumber: string; sentOn: string }) =>
  post(visitId, "send", body);
export const correctProtocol = (visitId: string, body: { reason: string }) => post(visitId, "correction", body);

export const protocolFileUrl = (
  visitId: string,
  part: "protocol" | "secret-appendix",
  format: "pdf" | "docx",
  version?: number,
) => `${V1}/visits/${enc(visitId)}/${part}.${format}${queryString({ version })}`;

export const protocolQuery = (visitId: string) =>
  queryOptions({ queryKey: protocolKeys.protocol(visitId), queryFn: () => getProtocol(visitId) });

export const actionKeys = {
  all: ["actions"] as const,
  list: (code: string, period: number) => ["actions", code, period] as const,
};
export const listActions = (code: string, period: number) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/actions${queryString({ period })}`, { schema: ActionList });
export const createAction = (code: string, body: z.input<typeof ActionCreate>) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/actions`, { method: "POST", body, schema: ActionView });
export const patchAction = (id: string, body: z.input<typeof ActionPatch>) =>
  apiRequest(`${V1}/actions/${enc(id)}`, { method: "PATCH", body, schema: ActionView });
export const reportAction = (id: string, form: FormData) =>
  apiRequest(`${V1}/actions/${enc(id)}/report`, { method: "POST", form, schema: ActionView });
export const actionsQuery = (code: string, period: number) =>
  queryOptions({ queryKey: actionKeys.list(code, period), queryFn: () => listActions(code, period) });
