import { CompensationImportResult } from "@uppsikt/core";
import type { z } from "zod";
import { isApiError } from "../../api/client";

type ImportResult = z.infer<typeof CompensationImportResult>;

/** The import result a refused import carries (a 400 whose `details` is a CompensationImportResult), else null. */
export function refusedImport(error: unknown): ImportResult | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const parsed = CompensationImportResult.safeParse(error.details);
  return parsed.success ? parsed.data : null;
}

/** How many rows of the file have at least one error (a row may have several). */
export const rowsWithErrors = (result: Pick<ImportResult, "errors">): number =>
  new Set(result.errors.map((e) => e.row)).size;

/** The errors in the file's order: by row, then as the server listed them. */
export const sortedErrors = (result: Pick<ImportResult, "errors">) =>
  result.errors.map((e, i) => ({ ...e, i })).sort((a, b) => a.row - b.row || a.i - b.i);

/** Whether an import of the previewed file may be started: every row is valid. */
export const mayImport = (result: Pick<ImportResult, "errors">): boolean => result.errors.length === 0;

/** Every row is valid and none is new or changed: importing changes nothing. */
export const nothingChanges = (result: Pick<ImportResult, "errors" | "counts">): boolean =>
  result.errors.length === 0 && result.counts.new + result.counts.updated === 0;

/** Only the rows that are new or changed, unless all are asked for. */
export const shownRows = (result: Pick<ImportResult, "rows">, all: boolean) =>
  all ? result.rows : result.rows.filter((r) => r.change !== "unchanged");

/** An .xlsx file by its name (the server checks the content). */
export const isXlsx = (name: string): boolean => /\.xlsx$/i.test(name);

/** A whole number typed in a form, or the text as typed so that the contract's message shows. */
export function parseWhole(input: string): number | string {
  const compact = input.trim();
  return /^-?\d+$/.test(compact) ? Number(compact) : compact;
}
