import {
  CompensationAmount,
  CompensationAmountParams,
  CompensationAmountUpdate,
  CompensationImportResult,
  CompensationPart,
  CompensationPartCreate,
  CompensationPartList,
  CompensationPartParams,
  CompensationPartUpdate,
  CostCategoryList,
  CostsPut,
  CountyCodeParams,
  CountyEconomy,
  EconomyQuery,
  EconomyTableQuery,
  ErrorBody,
  ImportQuery,
  LargeSavingsDuePut,
  LargeSavingsList,
  LargeSavingsStatus,
  MunicipalityCodeParams,
  MunicipalityCosts,
  MunicipalityEconomy,
  NationalEconomy,
  OpeningBalance,
  OpeningBalancePut,
  YearQuery,
} from "@uppsikt/core";
import { notMultipart, readUpload, withMultipart } from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { exportCountyEconomy } from "./county-export.js";
import { countyEconomy, largeSavingsList, nationalEconomy } from "./county-service.js";
import { importPayoutList, importTemplate } from "./import.js";
import * as economy from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Ekonomi"];
const IMPORT_LIMITS = { maxFiles: 1, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 };

/** The economy (R1-5, R2.5-2, R2.5-3, R2.6-1): compensation, costs, savings and large savings. */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/compensation-parts",
    {
      schema: {
        tags,
        summary: "Ersättningens delar per överenskommelse (och medel utanför dem)",
        response: { 200: CompensationPartList, ...errors },
      },
      preHandler: can("economy.read"),
    },
    (req) => economy.listParts(db, writeContext(req, clock)),
  );
  app.post(
    "/api/v1/compensation-parts",
    {
      schema: {
        tags,
        summary: "Lägg till en del av ersättningen (409 om koden finns)",
        body: CompensationPartCreate,
        response: { 201: CompensationPart, ...conflict, ...errors },
      },
      preHandler: can("compensation.write"),
    },
    async (req, reply) => reply.status(201).send(await economy.createPart(db, writeContext(req, clock), req.body)),
  );
  app.put(
    "/api/v1/compensation-parts/:code",
    {
      schema: {
        tags,
        summary: "Ändra en del av ersättningen (version; 409 om någon annan har ändrat den)",
        params: CompensationPartParams,
        body: CompensationPartUpdate,
        response: { 200: CompensationPart, ...conflict, ...errors },
      },
      preHandler: can("compensation.write"),
    },
    (req) => economy.updatePart(db, writeContext(req, clock), req.params.code, req.body),
  );
  app.get(
    "/api/v1/cost-categories",
    {
      schema: {
        tags,
        summary: "Kostnadsslagen och vad ersättningen får finansiera, enligt anvisningarna som gäller året",
        querystring: YearQuery,
        response: { 200: CostCategoryList, ...errors },
      },
      preHandler: can("economy.read"),
    },
    (req) => economy.costCategories(db, writeContext(req, clock), req.query.year),
  );

  app.get(
    "/api/v1/compensation/import-template.xlsx",
    {
      schema: { tags, summary: "Mall för utbetalningslistan (Excel)", response: errors },
      preHandler: can("compensation.write"),
    },
    async (req, reply) => sendFile(reply, await importTemplate(db, writeContext(req, clock))),
  );
  withMultipart(app, IMPORT_LIMITS, (scoped) => {
    scoped.post(
      "/api/v1/compensation/import",
      {
        schema: {
          tags,
          summary:
            "Läs in en utbetalningslista (multipart, en .xlsx i fältet file); dryRun=true förhandsgranskar. Inget sparas om någon rad har fel.",
          consumes: ["multipart/form-data"],
          querystring: ImportQuery,
          response: { 200: CompensationImportResult, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("compensation.write"),
      },
      async (req) => {
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka Excelfilen som multipart/form-data i ett fält som heter file.");
        const upload = await readUpload(req, IMPORT_LIMITS);
        return importPayoutList(db, writeContext(req, clock), upload, req.query.dryRun);
      },
    );
  });
  app.put(
    "/api/v1/municipalities/:code/compensation/:year/:part",
    {
      schema: {
        tags,
        summary: "Ändra en ersättnings status (utbetald, innehållen, reducerad, återbetald) med justering och datum",
        params: CompensationAmountParams,
        body: CompensationAmountUpdate,
        response: { 200: CompensationAmount, ...conflict, ...errors },
      },
      preHandler: can("compensation.write"),
    },
    (req) =>
      economy.updateAmount(db, writeContext(req, clock), req.params.code, req.params.year, req.params.part, req.body),
  );

  app.get(
    "/api/v1/municipalities/:code/costs",
    {
      schema: {
        tags,
        summary: "Kommunens kostnader ett år från varje källa; länsstyrelsens uppgift gäller före årsredovisningens",
        params: MunicipalityCodeParams,
        querystring: YearQuery,
        response: { 200: MunicipalityCosts, ...errors },
      },
      preHandler: can("economy.read"),
    },
    (req) => economy.getCosts(db, writeContext(req, clock), req.params.code, req.query.year),
  );
  app.put(
    "/api/v1/municipalities/:code/costs",
    {
      schema: {
        tags,
        summary: "Länsstyrelsens kostnader för ett år (ersätter årets poster; version 0 skapar; 409 om inaktuell)",
        params: MunicipalityCodeParams,
        body: CostsPut,
        response: { 200: MunicipalityCosts, ...conflict, ...errors },
      },
      preHandler: can("costs.write"),
    },
    (req) => economy.putCosts(db, writeContext(req, clock), req.params.code, req.body),
  );
  app.put(
    "/api/v1/municipalities/:code/opening-balance",
    {
      schema: {
        tags,
        summary: "Ingående balans för en del och ett år (version 0 skapar; 409 om inaktuell)",
        params: MunicipalityCodeParams,
        body: OpeningBalancePut,
        response: { 200: OpeningBalance, ...conflict, ...errors },
      },
      preHandler: can("costs.write"),
    },
    (req) => economy.putOpeningBalance(db, writeContext(req, clock), req.params.code, req.body),
  );
  app.get(
    "/api/v1/municipalities/:code/economy",
    {
      schema: {
        tags,
        summary: "Kommunens ekonomi år för år: ersättning, kostnader, sparade medel och stora sparade medel",
        params: MunicipalityCodeParams,
        querystring: EconomyQuery,
        response: { 200: MunicipalityEconomy, ...errors },
      },
      preHandler: can("economy.read"),
    },
    (req) => economy.getEconomy(db, writeContext(req, clock), req.params.code, req.query),
  );
  app.put(
    "/api/v1/municipalities/:code/large-savings/plan-due",
    {
      schema: {
        tags,
        summary: "Flytta sista dagen för kommunens sparplan",
        params: MunicipalityCodeParams,
        body: LargeSavingsDuePut,
        response: { 200: LargeSavingsStatus, ...errors },
      },
      preHandler: can("largeSavings.write"),
    },
    (req) => economy.putPlanDue(db, writeContext(req, clock), req.params.code, req.body.planDueOn),
  );

  app.get(
    "/api/v1/counties/:code/economy",
    {
      schema: {
        tags,
        summary: "Länets kommuner med ersättning, kostnader, sparande, flaggor och granskningar ett år",
        params: CountyCodeParams,
        querystring: EconomyTableQuery,
        response: { 200: CountyEconomy, ...errors },
      },
      preHandler: can("economy.read"),
    },
    (req) => countyEconomy(db, writeContext(req, clock), req.params.code, req.query.year),
  );
  app.get(
    "/api/v1/counties/:code/economy.xlsx",
    {
      schema: {
        tags,
        summary: "Länets ekonomitabell som Excel-fil",
        params: CountyCodeParams,
        querystring: EconomyTableQuery,
        response: errors,
      },
      preHandler: can("economy.read"),
    },
    async (req, reply) =>
      sendFile(reply, await exportCountyEconomy(db, writeContext(req, clock), req.params.code, req.query.year)),
  );
  app.get(
    "/api/v1/counties/:code/large-savings",
    {
      schema: {
        tags,
        summary: "Länets kommuner med stora sparade medel, efter andel sparat, med sparplan och tidig varning",
        params: CountyCodeParams,
        querystring: EconomyTableQuery,
        response: { 200: LargeSavingsList, ...errors },
      },
      preHandler: can("economy.read"),
    },
    (req) => largeSavingsList(db, writeContext(req, clock), req.params.code, req.query.year),
  );
  app.get(
    "/api/v1/economy/national",
    {
      schema: {
        tags,
        summary: "Ekonomin per län och för hela landet",
        querystring: EconomyTableQuery,
        response: { 200: NationalEconomy, ...errors },
      },
      preHandler: can("economy.national"),
    },
    (req) => nationalEconomy(db, writeContext(req, clock), req.query.year),
  );
}
