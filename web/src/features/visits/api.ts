import { queryOptions } from "@tanstack/react-query";
import {
  CriteriaProposalView,
  EvidenceOptions,
  NationalVisitCoverage,
  VisitAssessmentView,
  VisitLetterTemplate,
  VisitList,
  VisitPlanView,
  VisitView,
  type VisitAssessmentInput,
  type VisitCreate,
  type VisitUpdate,
} from "@uppsikt/core";
import type { z } from "zod";
import { apiRequest, queryString } from "../../api/client";

/** The visit plan, the visits, their criteria and assessment (features/visits). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const visitKeys = {
  all: ["visits"] as const,
  plan: (county: string, period?: number) => ["visits", "plan", county, period ?? "current"] as const,
  national: (period?: number) => ["visits", "national", period ?? "current"] as const,
  municipality: (code: string, period?: number) => ["visits", "municipality", code, period ?? "current"] as const,
  visit: (id: string) => ["visits", "visit", id] as const,
  letterTemplate: (county: string) => ["visits", "letter-template", county] as const,
};

export const getVisitPlan = (county: string, period?: number) =>
  apiRequest(`${V1}/counties/${enc(county)}/visit-plan${queryString({ period })}`, { schema: VisitPlanView });
export const proposeVisitPlan = (county: string, body: { period?: number; visitsPerYear?: number }) =>
  apiRequest(`${V1}/counties/${enc(county)}/visit-plan/proposal`, { method: "POST", body, schema: VisitPlanView });
export const updateVisitPlanSettings = (
  county: string,
  body: { period?: number; visitsPerYear: number; version: number },
) => apiRequest(`${V1}/counties/${enc(county)}/visit-plan/settings`, { method: "PUT", body, schema: VisitPlanView });
export const publishVisitPlan = (county: string, body: { period?: number }) =>
  apiRequest(`${V1}/counties/${enc(county)}/visit-plan/publish`, { method: "POST", body, schema: VisitPlanView });
export const visitPlanExportUrl = (county: string, period: number) =>
  `${V1}/counties/${enc(county)}/visit-plan/export${queryString({ period })}`;
export const visitLetterUrl = (county: string, municipality: string, period: number, format: "pdf" | "docx") =>
  `${V1}/counties/${enc(county)}/visit-plan/letters/${enc(municipality)}${queryString({ period, format })}`;
export const getLetterTemplate = (county: string) =>
  apiRequest(`${V1}/counties/${enc(county)}/visit-plan/letter-template`, { schema: VisitLetterTemplate });
export const saveLetterTemplate = (
  county: string,
  body: { purpose: string; process: string; closing: string; version: number },
) =>
  apiRequest(`${V1}/counties/${enc(county)}/visit-plan/letter-template`, {
    method: "PUT",
    body,
    schema: VisitLetterTemplate,
  });
export const getNationalCoverage = (period?: number) =>
  apiRequest(`${V1}/national/visit-coverage${queryString({ period })}`, { schema: NationalVisitCoverage });

export const createVisit = (body: z.input<typeof VisitCreate>) =>
  apiRequest(`${V1}/visits`, { method: "POST", body, schema: VisitView });
export const listMunicipalityVisits = (code: string, period?: number) =>
  apiRequest(`${V1}/municipalities/${enc(code)}/visits${queryString({ period })}`, { schema: VisitList });
export const getVisit = (id: string) => apiRequest(`${V1}/visits/${enc(id)}`, { schema: VisitView });
export const updateVisit = (id: string, body: z.input<typeof VisitUpdate>) =>
  apiRequest(`${V1}/visits/${enc(id)}`, { method: "PUT", body, schema: VisitView });
export const setVisitCriteria = (id: string, body: { version: number; criteria: string[] }) =>
  apiRequest(`${V1}/visits/${enc(id)}/criteria`, { method: "PUT", body, schema: VisitView });
export const getCriteriaProposal = (id: string) =>
  apiRequest(`${V1}/visits/${enc(id)}/criteria-proposal`, { schema: CriteriaProposalView });
export const getEvidenceOptions = (id: string) =>
  apiRequest(`${V1}/visits/${enc(id)}/evidence-options`, { schema: EvidenceOptions });
export const saveVisitAssessment = (id: string, body: z.input<typeof VisitAssessmentInput>) =>
  apiRequest(`${V1}/visits/${enc(id)}/assessment`, { method: "PUT", body, schema: VisitAssessmentView });

export const visitPlanQuery = (county: string, period?: number) =>
  queryOptions({ queryKey: visitKeys.plan(county, period), queryFn: () => getVisitPlan(county, period) });
export const letterTemplateQuery = (county: string) =>
  queryOptions({ queryKey: visitKeys.letterTemplate(county), queryFn: () => getLetterTemplate(county) });
export const nationalCoverageQuery = (period?: number) =>
  queryOptions({ queryKey: visitKeys.national(period), queryFn: () => getNationalCoverage(period) });
export const municipalityVisitsQuery = (code: string, period?: number) =>
  queryOptions({
    queryKey: visitKeys.municipality(code, period),
    queryFn: () => listMunicipalityVisits(code, period),
  });
export const evidenceOptionsQuery = (id: string) =>
  queryOptions({ queryKey: [...visitKeys.visit(id), "evidence"] as const, queryFn: () => getEvidenceOptions(id) });
export const visitQuery = (id: string) => queryOptions({ queryKey: visitKeys.visit(id), queryFn: () => getVisit(id) });
