import { Year } from "@uppsikt/core";
import { z } from "zod";

/** The support page's address: `?ar=2025` (without it, the server's default year). */
export const SupportSearch = z.object({ ar: Year.optional().catch(undefined) });
export const parseSupportSearch = (raw: Record<string, unknown>): z.output<typeof SupportSearch> =>
  SupportSearch.parse(raw);
