import { z } from "zod";
import { CountyCode, MunicipalityCode, plain } from "./common.js";

export const Role = z.enum(["agency", "county", "municipality", "admin"]);
export type Role = z.infer<typeof Role>;

export const LoginBody = z.object({
  email: plain().trim().toLowerCase().min(1, "Ange e-postadress.").email("Ange en giltig e-postadress.").max(254),
  password: plain().min(1, "Ange lösenord.").max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  county: CountyCode.nullable(),
  municipality: MunicipalityCode.nullable(),
  countyHead: z.boolean(),
  readOnly: z.boolean(),
});
export type Me = z.infer<typeof Me>;
