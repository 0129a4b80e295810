import { queryOptions, type QueryClient } from "@tanstack/react-query";
import {
  AnnualForm,
  AnnualFormList,
  AnnualReportList,
  CountyCompilation,
  NationalCompilation,
  ReportImportResult,
  type AgreementAreaCode,
  type AnnualFormPart,
} from "@uppsikt/core";
import { z } from "zod";
import { apiRequest, queryString } from "../../api/client";

/** The county's and the nation's compilations of the annual follow-up (features/annual-compilations). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export interface CompilationFilter {
  part?: AnnualFormPart | undefined;
  area?: AgreementAreaCode | undefined;
}

export const compilationKeys = {
  all: ["annualCompilations"] as const,
  county: (code: string, year: number, filter: CompilationFilter) =>
    ["annualCompilations", "county", code, year, filter.part ?? "", filter.area ?? ""] as const,
  national: (year: number) => ["annualCompilations", "national", year] as const,
  reports: (code: string, year: number) => ["annualCompilations", "reports", code, year] as const,
  forms: ["annualCompilations", "forms"] as const,
  form: (id: string) => ["annualCompilations", "form", id] as const,
};

const base = (code: string, year: number) => `${V1}/counties/${enc(code)}/annual-compilation/${year}`;

export const getCountyCompilation = (code: string, year: number, filter: CompilationFilter) =>
  apiRequest(`${base(code, year)}${queryString({ part: filter.part, area: filter.area })}`, {
    schema: CountyCompilation,
  });
export const putAssessment = (code: string, year: number, body: { version: number; assessment: string }) =>
  apiRequest(`${base(code, year)}/assessment`, { method: "PUT", body, schema: z.unknown() });
export const forwardCompilation = (
  code: string,
  year: number,
  body: { version?: number | undefined; registrationNumber: string },
) => apiRequest(`${base(code, year)}/forward`, { method: "POST", body, schema: z.unknown() });
export const compilationXlsxUrl = (code: string, year: number) =>
  `${V1}/counties/${enc(code)}/annual-compilation/${year}.xlsx`;
export const compilationTemplateUrl = (code: string, year: number) => `${base(code, year)}/template.xlsx`;

/**
 * Reports of municipalities outside the system, from the form's Excel template (multipart, one part `file`):
 * `dryRun` previews every cell's error; otherwise nothing is saved unless every cell is valid (a refusal is a 400
 * whose `details` may be the same result).
 */
export const importReports = (code: string, year: number, file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiRequest(`${base(code, year)}/import${queryString({ dryRun: String(dryRun) })}`, {
    method: "POST",
    form,
    schema: ReportImportResult,
  });
};

export const getAnnualReports = (code: string, year: number) =>
  apiRequest(`${V1}/counties/${enc(code)}/annual-reports${queryString({ year })}`, { schema: AnnualReportList });
export const getNationalCompilation = (year: number) =>
  apiRequest(`${V1}/national/annual-compilation/${year}`, { schema: NationalCompilation });
export const nationalXlsxUrl = (year: number) => `${V1}/national/annual-compilation/${year}.xlsx`;
export const getAnnualForms = () => apiRequest(`${V1}/annual-forms`, { schema: AnnualFormList });
export const getAnnualForm = (id: string) => apiRequest(`${V1}/annual-forms/${enc(id)}`, { schema: AnnualForm });

export const countyCompilationQuery = (code: string, year: number, filter: CompilationFilter) =>
  queryOptions({
    queryKey: compilationKeys.county(code, year, filter),
    queryFn: () => getCountyCompilation(code, year, filter),
  });
export const nationalCompilationQuery = (year: number) =>
  queryOptions({ queryKey: compilationKeys.national(year), queryFn: () => getNationalCompilation(year) });
export const annualReportsQuery = (code: string, year: number) =>
  queryOptions({ queryKey: compilationKeys.reports(code, year), queryFn: () => getAnnualReports(code, year) });
export const annualFormsQuery = queryOptions({
  queryKey: compilationKeys.forms,
  queryFn: getAnnualForms,
  staleTime: 5 * 60_000,
});
/** The form itself, for its choices' labels and its groups' fields (a published form is frozen). */
export const annualFormQuery = (id: string) =>
  queryOptions({ queryKey: compilationKeys.form(id), queryFn: () => getAnnualForm(id), staleTime: 30 * 60_000 });

/** After a write: the compilations, the reports (an import submits reports), support needs and the watch list. */
export function invalidateCompilations(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: compilationKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["annualReports"] });
  void queryClient.invalidateQueries({ queryKey: ["supportNeeds"] });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
}
