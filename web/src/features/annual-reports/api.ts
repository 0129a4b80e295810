import { queryOptions, type QueryClient } from "@tanstack/react-query";
import {
  AnnualForm,
  AnnualFormList,
  AnnualReport,
  AnnualReportList,
  type AnnualReportPut,
  type QuestionComment,
} from "@uppsikt/core";
import { z } from "zod";
import { apiRequest, queryString } from "../../api/client";

/** A municipality's annual report and the year's forms it is filled on (features/annual-reports, R2.4-2). */

const V1 = "/api/v1";
const enc = encodeURIComponent;
const reportPath = (code: string, year: number) => `${V1}/municipalities/${enc(code)}/annual-reports/${year}`;

export const annualReportKeys = {
  all: ["annualReports"] as const,
  report: (code: string, year: number) => ["annualReports", "report", code, year] as const,
  county: (code: string, year?: number) => ["annualReports", "county", code, year ?? "current"] as const,
  forms: ["annualForms"] as const,
  form: (id: string) => ["annualForms", "form", id] as const,
};

export const getAnnualReport = (code: string, year: number) =>
  apiRequest(reportPath(code, year), { schema: AnnualReport });
export const putAnnualReport = (code: string, year: number, body: AnnualReportPut) =>
  apiRequest(reportPath(code, year), { method: "PUT", body, schema: AnnualReport });
export const submitAnnualReport = (code: string, year: number, version: number) =>
  apiRequest(`${reportPath(code, year)}/submit`, { method: "POST", body: { version }, schema: z.unknown() });
export const returnAnnualReport = (
  code: string,
  year: number,
  body: { version?: number | undefined; comments: QuestionComment[]; message: string },
) => apiRequest(`${reportPath(code, year)}/return`, { method: "POST", body, schema: z.unknown() });
export const acceptAnnualReport = (code: string, year: number, version: number) =>
  apiRequest(`${reportPath(code, year)}/accept`, { method: "POST", body: { version }, schema: z.unknown() });
/** Moves a report to the year's newer form version; answers carry over by each question's key. */
export const upgradeAnnualReport = (code: string, year: number, version: number) =>
  apiRequest(`${reportPath(code, year)}/upgrade`, { method: "POST", body: { version }, schema: z.unknown() });
/** Attachments: one part named `file` per file. The answer is not read (the report refetches). */
export const attachAnnualReportFiles = (code: string, year: number, form: FormData) =>
  apiRequest(`${reportPath(code, year)}/files`, { method: "POST", form, schema: z.unknown() });
export const listCountyAnnualReports = (code: string, year?: number) =>
  apiRequest(`${V1}/counties/${enc(code)}/annual-reports${queryString({ year })}`, { schema: AnnualReportList });

export const listAnnualForms = (year?: number) =>
  apiRequest(`${V1}/annual-forms${queryString({ year })}`, { schema: AnnualFormList });
export const getAnnualForm = (id: string) => apiRequest(`${V1}/annual-forms/${enc(id)}`, { schema: AnnualForm });

export const annualReportQuery = (code: string, year: number) =>
  queryOptions({ queryKey: annualReportKeys.report(code, year), queryFn: () => getAnnualReport(code, year) });
export const annualFormsQuery = queryOptions({
  queryKey: annualReportKeys.forms,
  queryFn: () => listAnnualForms(),
  staleTime: 60_000,
});
export const annualFormQuery = (id: string) =>
  queryOptions({ queryKey: annualReportKeys.form(id), queryFn: () => getAnnualForm(id), staleTime: 5 * 60_000 });
export const countyAnnualReportsQuery = (code: string, year?: number) =>
  queryOptions({ queryKey: annualReportKeys.county(code, year), queryFn: () => listCountyAnnualReports(code, year) });

/**
 * After a submission, a return or an acceptance: the report, the county's list and compilation, the watch list
 * (deadlines, reports awaiting review) and, on acceptance, the economy (the report's costs become the year's).
 */
export function invalidateAnnualReports(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: annualReportKeys.all });
  void queryClient.invalidateQueries({ queryKey: ["annualCompilations"] });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
  void queryClient.invalidateQueries({ queryKey: ["economy"] });
}
