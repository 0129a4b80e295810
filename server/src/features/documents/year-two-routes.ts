import {
  CountyParams,
  ErrorBody,
  FollowUpInput,
  FollowUpView,
  MunicipalityParams,
  PeriodParam,
  YearTwoList,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./year-two-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Dokument"];

/** From the period's second year: municipalities still missing documents, with reasons and agreed dates (R2.2-4). */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/counties/:code/documents/year-two",
    {
      schema: {
        tags,
        summary: "Kommuner som saknar beslutade dokument från mandatperiodens andra år",
        params: CountyParams,
        querystring: PeriodParam,
        response: { 200: YearTwoList, ...errors },
      },
      preHandler: can("documents.yearTwo"),
    },
    (req) => service.yearTwoList(db, writeContext(req, clock), req.params.code, req.query.period),
  );

  app.put(
    "/api/v1/municipalities/:code/documents/follow-ups",
    {
      schema: {
        tags,
        summary: "Registrera varför ett dokument saknas och datumet som kommunen och länsstyrelsen kommit överens om",
        params: MunicipalityParams,
        body: FollowUpInput,
        response: { 200: FollowUpView, 409: ErrorBody, ...errors },
      },
      preHandler: can("documents.followUp"),
    },
    (req) => service.recordFollowUp(db, writeContext(req, clock), req.params.code, req.body),
  );
}
