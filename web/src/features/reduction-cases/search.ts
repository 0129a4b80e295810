import { CountyCode, ReductionCaseStatus } from "@uppsikt/core";
import { z } from "zod";

/** The case list's address: `?status=open&lan=01` (a value it cannot read is dropped, never an error). */
export const CaseListSearch = z.object({
  status: ReductionCaseStatus.optional().catch(undefined),
  lan: z.coerce.string().pipe(CountyCode).optional().catch(undefined),
});
export type CaseListSearch = z.output<typeof CaseListSearch>;
export const parseCaseListSearch = (raw: Record<string, unknown>): CaseListSearch => CaseListSearch.parse(raw);
