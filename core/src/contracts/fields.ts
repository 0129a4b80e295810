import { z } from "zod";
import { MunicipalityCode, plain } from "./common.js";

export { plain };

/* Field helpers shared by the contracts files; not exported from core's index. */

export const MunicipalityRef = z.object({ code: MunicipalityCode, name: z.string() });
export const Uuid = z.string().uuid("Ogiltigt id.");
export const text = (min: number, max: number, what: string) =>
  plain()
    .trim()
    .min(min, min <= 1 ? `Skriv ${what}.` : `${what[0]!.toUpperCase()}${what.slice(1)} ska vara minst ${min} tecken.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} får vara högst ${max} tecken.`);
