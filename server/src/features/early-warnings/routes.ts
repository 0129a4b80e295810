import {
  CountyParams,
  EarlyWarning,
  EarlyWarningCreate,
  EarlyWarningList,
  EarlyWarningListQuery,
  EarlyWarningParams,
  EarlyWarningResolve,
  EarlyWarningSummary,
  ErrorBody,
  MunicipalityParams,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as warnings from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const warningTags = ["Tidiga varningar"];

/** Early warnings (R2.3-2), county-internal. Warnings raised with a dialogue entry come in through the dialogue. */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.post(
    "/api/v1/municipalities/:code/warnings",
    {
      schema: {
        tags: warningTags,
        summary: "Lyft en tidig varning för en kommun (länsstyrelseintern)",
        params: MunicipalityParams,
        body: EarlyWarningCreate,
        response: { 201: EarlyWarning, ...errors },
      },
      preHandler: can("warnings.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await warnings.raiseWarning(db, writeContext(req, clock), req.params.code, req.body)),
  );

  app.get(
    "/api/v1/municipalities/:code/warnings",
    {
      schema: {
        tags: warningTags,
        summary: "Kommunens tidiga varningar (?open=true: bara olösta)",
        params: MunicipalityParams,
        querystring: EarlyWarningListQuery,
        response: { 200: EarlyWarningList, ...errors },
      },
      preHandler: can("warnings.read"),
    },
    (req) => warnings.listMunicipalityWarnings(db, writeContext(req, clock), req.params.code, req.query.open),
  );

  app.get(
    "/api/v1/counties/:code/warnings",
    {
      schema: {
        tags: warningTags,
        summary: "Länets tidiga varningar (?open=true: bara olösta)",
        params: CountyParams,
        querystring: EarlyWarningListQuery,
        response: { 200: EarlyWarningList, ...errors },
      },
      preHandler: can("warnings.read"),
    },
    (req) => warnings.listCountyWarnings(db, writeContext(req, clock), req.params.code, req.query.open),
  );

  app.get(
    "/api/v1/counties/:code/warnings/summary",
    {
      schema: {
        tags: warningTags,
        summary: "Antal olösta varningar per kommun i länet",
        params: CountyParams,
        response: { 200: EarlyWarningSummary, ...errors },
      },
      preHandler: can("warnings.read"),
    },
    (req) => warnings.countyWarningSummary(db, writeContext(req, clock), req.params.code),
  );

  app.post(
    "/api/v1/warnings/:id/resolve",
    {
      schema: {
        tags: warningTags,
        summary: "Lös en varning med en anteckning (409 om den redan är löst)",
        params: EarlyWarningParams,
        body: EarlyWarningResolve,
        response: { 200: EarlyWarning, ...conflict, ...errors },
      },
      preHandler: can("warnings.write"),
    },
    (req) => warnings.resolveWarning(db, writeContext(req, clock), req.params.id, req.body.note),
  );
}
