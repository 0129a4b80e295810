import { Year } from "@uppsikt/core";
import { z } from "zod";

/**
 * The county and national economy pages' address: `?ar=2026` (the year; the previous one when left out, see
 * `useEconomyYear`). A malformed year is dropped rather than failing the page, as in `routeSearch.ts`.
 */
export const EconomySearch = z.object({ ar: Year.optional().catch(undefined) });
export type EconomySearch = z.output<typeof EconomySearch>;
export const parseEconomySearch = (raw: Record<string, unknown>): EconomySearch => EconomySearch.parse(raw);
