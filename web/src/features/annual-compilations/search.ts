import { AgreementAreaCode, AnnualFormPart, Year } from "@uppsikt/core";
import { z } from "zod";

/**
 * The compilation pages' address: `?ar=2026&del=indicators&omrade=civilDefence` (the year, the form's part and the
 * agreement area shown). A malformed value is dropped rather than failing the page, as in `routeSearch.ts`.
 */
export const CompilationSearch = z.object({
  ar: Year.optional().catch(undefined),
  del: AnnualFormPart.optional().catch(undefined),
  omrade: AgreementAreaCode.optional().catch(undefined),
});
export type CompilationSearch = z.output<typeof CompilationSearch>;
export const parseCompilationSearch = (raw: Record<string, unknown>): CompilationSearch => CompilationSearch.parse(raw);
