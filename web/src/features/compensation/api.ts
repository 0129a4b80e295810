import { type QueryClient, queryOptions } from "@tanstack/react-query";
import {
  CompensationImportResult,
  CompensationPart,
  CompensationPartList,
  type CompensationPartCreate,
  type CompensationPartUpdate,
} from "@uppsikt/core";
import type { z } from "zod";
import { apiRequest, queryString } from "../../api/client";

/** The agency's compensation data: the parts and the payout-list import (features/compensation). */

const V1 = "/api/v1";
const enc = encodeURIComponent;

export const compensationKeys = {
  parts: ["compensation", "parts"] as const,
};

export const listCompensationParts = () => apiRequest(`${V1}/compensation-parts`, { schema: CompensationPartList });
export const createCompensationPart = (body: z.output<typeof CompensationPartCreate>) =>
  apiRequest(`${V1}/compensation-parts`, { method: "POST", body, schema: CompensationPart });
export const updateCompensationPart = (code: string, body: z.output<typeof CompensationPartUpdate>) =>
  apiRequest(`${V1}/compensation-parts/${enc(code)}`, { method: "PUT", body, schema: CompensationPart });

export const compensationPartsQuery = queryOptions({
  queryKey: compensationKeys.parts,
  queryFn: listCompensationParts,
});

export const importTemplateUrl = `${V1}/compensation/import-template.xlsx`;

/**
 * The payout list (multipart, one part `file`): `dryRun` previews it (200 with every error listed); otherwise it is
 * saved when every row is valid (200) or refused with a 400 whose `details` is the same result.
 */
export const importPayoutList = (file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append("file", file, file.name);
  return apiRequest(`${V1}/compensation/import${queryString({ dryRun: String(dryRun) })}`, {
    method: "POST",
    form,
    schema: CompensationImportResult,
  });
};

/** After a write: the parts here and in the economy feature, and every economy view (amounts and figures change). */
export function invalidateCompensation(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: ["compensation"] });
  void queryClient.invalidateQueries({ queryKey: ["economy"] });
  void queryClient.invalidateQueries({ queryKey: ["watch"] });
}
