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

/** A login throttle that holds a delay now (for the admin): an account from one address, an account from every
 * address, or one address for every account. */
export const LoginThrottle = z.object({
  id: z.string().uuid(),
  scope: z.enum(["pair", "account", "address"]),
  /** null: every account (an address-wide limit). */
  email: z.string().nullable(),
  /** null: every address (the account-wide limit). */
  address: z.string().nullable(),
  failures: z.number().int(),
  lastFailureAt: z.string().datetime({ offset: true }).nullable(),
  blockedUntil: z.string().datetime({ offset: true }),
});
export type LoginThrottle = z.infer<typeof LoginThrottle>;

export const LoginThrottleList = z.object({ items: z.array(LoginThrottle) });
export type LoginThrottleList = z.infer<typeof LoginThrottleList>;

export const LoginThrottleParams = z.object({ id: z.string().uuid("Ogiltigt id.") });
export type LoginThrottleParams = z.infer<typeof LoginThrottleParams>;

/** The demo accounts the login page lists when the server runs on demo data (empty list otherwise). */
export const DemoAccounts = z.object({
  password: z.string().nullable(),
  accounts: z.array(z.object({ email: z.string(), description: z.string() })),
});
export type DemoAccounts = z.infer<typeof DemoAccounts>;
