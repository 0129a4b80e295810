import { z } from "zod";
import { CountyCode, IsoDate, listOf, MunicipalityCode, Pagination, plain } from "./common.js";

export const OfficerRef = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type OfficerRef = z.infer<typeof OfficerRef>;

export const County = z.object({
  code: CountyCode,
  name: z.string(),
  board: z.string(),
  municipalityCount: z.number().int(),
});
export type County = z.infer<typeof County>;
export const CountyList = listOf(County);
export const CountyParams = z.object({ code: CountyCode });

export const Municipality = z.object({
  code: MunicipalityCode,
  name: z.string(),
  county: z.object({ code: CountyCode, name: z.string() }),
  responsibleOfficer: OfficerRef.nullable(),
});
export type Municipality = z.infer<typeof Municipality>;
export const MunicipalityList = listOf(Municipality);
export const MunicipalityParams = z.object({ code: MunicipalityCode });

export const MunicipalitySort = z.enum(["name", "code", "responsibleOfficer"]);
export const MunicipalityListQuery = Pagination.extend({
  q: plain().trim().max(100).optional(),
  sort: MunicipalitySort.default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type MunicipalityListQuery = z.infer<typeof MunicipalityListQuery>;

export const ResponsibleOfficerBody = z.object({
  userId: z.string().uuid("Ogiltigt användar-id.").nullable(),
});

export const Period = z.object({
  id: z.number().int(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  electionYear: z.number().int(),
  current: z.boolean(),
});
export type Period = z.infer<typeof Period>;
export const PeriodList = z.object({ items: z.array(Period), total: z.number().int() });
export const PeriodQuery = z.object({
  period: z.coerce.number().int().min(1900).max(2200).optional(),
});

export const AgreementKind = z.enum(["crisisPreparedness", "civilDefence", "combined"]);
export type AgreementKind = z.infer<typeof AgreementKind>;
export const AgreementInput = z.object({
  kind: AgreementKind,
  title: plain().trim().min(1, "Ange en benämning.").max(300),
  firstYear: z.number().int().min(2000).max(2100),
  lastYear: z.number().int().min(2000).max(2100),
  registrationNumber: plain().trim().max(100).nullable(),
  taskAreas: z.array(plain().trim().min(1).max(200)).max(50),
  note: plain().max(2000).nullable().default(null),
});
export type AgreementInput = z.infer<typeof AgreementInput>;
export const Agreement = AgreementInput.extend({
  id: z.string(),
  periods: z.array(z.number().int()),
});
export type Agreement = z.infer<typeof Agreement>;
export const AgreementList = listOf(Agreement);
export const AgreementParams = z.object({ id: z.string().uuid("Ogiltigt id.") });

export const AppConfig = z.object({
  agencyName: z.string(),
  version: z.string(),
  today: IsoDate,
  currentPeriod: z.number().int(),
});
export type AppConfig = z.infer<typeof AppConfig>;
