import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { AnnualForm, AnnualFormList, type AnnualFormUpdate } from "@uppsikt/core";
import { z } from "zod";
import { apiRequest } from "../../api/client";

/** The agency's yearly forms (features/annual-forms, R2.4-1). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const annualFormKeys = {
  all: ["annualForms"] as const,
  list: ["annualForms"] as const,
  form: (id: string) => ["annualForms", "form", id] as const,
};

export const listForms = () => apiRequest(`${V1}/annual-forms`, { schema: AnnualFormList });
export const getForm = (id: string) => apiRequest(`${V1}/annual-forms/${enc(id)}`, { schema: AnnualForm });
export const updateForm = (id: string, body: AnnualFormUpdate) =>
  apiRequest(`${V1}/annual-forms/${enc(id)}`, { method: "PUT", body, schema: z.unknown() });
export const publishForm = (id: string, version: number) =>
  apiRequest(`${V1}/annual-forms/${enc(id)}/publish`, { method: "POST", body: { version }, schema: z.unknown() });
export const newFormVersion = (id: string) =>
  apiRequest(`${V1}/annual-forms/${enc(id)}/versions`, { method: "POST", body: {}, schema: z.unknown() });
/** A form file (YAML or Excel) as one multipart part named `file`. */
export const importForm = (form: FormData) =>
  apiRequest(`${V1}/annual-forms/import`, { method: "POST", form, schema: z.unknown() });
export const exportUrl = (id: string, format: "yaml" | "xlsx") => `${V1}/annual-forms/${enc(id)}/export.${format}`;

export const formsQuery = queryOptions({ queryKey: annualFormKeys.list, queryFn: listForms });
export const formQuery = (id: string) =>
  queryOptions({ queryKey: annualFormKeys.form(id), queryFn: () => getForm(id) });

/** After a change: the forms and the reports that read them. */
export function invalidateForms(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: annualFormKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["annualReports"] });
}
