import { z } from "zod";
import { CountyCode, listOf, MunicipalityCode, Pagination, plain } from "./common.js";
import { Role } from "./auth.js";

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  county: CountyCode.nullable(),
  municipality: MunicipalityCode.nullable(),
  countyHead: z.boolean(),
  readOnly: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;
export const UserList = listOf(User);
export const UserParams = z.object({ id: z.string().uuid("Ogiltigt användar-id.") });

export const UserListQuery = Pagination.extend({
  q: plain().trim().max(100).optional(),
  role: Role.optional(),
  county: CountyCode.optional(),
});

const password = plain().min(12, "Lösenordet ska ha minst 12 tecken.").max(200, "Lösenordet får ha högst 200 tecken.");

export const UserCreate = z.object({
  email: plain().trim().toLowerCase().email("Ange en giltig e-postadress.").max(254),
  name: plain().trim().min(1, "Ange namn.").max(200),
  role: Role,
  county: CountyCode.nullable().default(null),
  municipality: MunicipalityCode.nullable().default(null),
  countyHead: z.boolean().default(false),
  readOnly: z.boolean().default(false),
  password,
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({
  name: plain().trim().min(1, "Ange namn.").max(200).optional(),
  role: Role.optional(),
  county: CountyCode.nullable().optional(),
  municipality: MunicipalityCode.nullable().optional(),
  countyHead: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

/** Which scope fields a role needs; the same rule on server and in the form. */
export function scopeProblem(u: {
  role: Role;
  county: string | null;
  municipality: string | null;
  countyHead: boolean;
  readOnly: boolean;
}): string | null {
  if (u.role === "county" && !u.county) return "En länsstyrelseanvändare måste ha ett län.";
  if (u.role === "municipality" && !u.municipality) return "En kommunanvändare måste ha en kommun.";
  if (u.role !== "county" && u.countyHead) return "Endast länsstyrelseanvändare kan vara enhetschef.";
  if (u.role !== "municipality" && u.readOnly) return "Endast kommunanvändare kan ha läsbehörighet för kommunledning.";
  if ((u.role === "agency" || u.role === "admin") && (u.county || u.municipality))
    return "MCF- och administratörskonton har inget län eller kommun.";
  if (u.role === "county" && u.municipality) return "En länsstyrelseanvändare har ingen kommun.";
  if (u.role === "municipality" && u.municipality && u.county && !u.municipality.startsWith(u.county))
    return "Kommunen hör inte till det angivna länet.";
  return null;
}
