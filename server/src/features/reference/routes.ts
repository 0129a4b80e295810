import {
  Agreement,
  AgreementInput,
  AgreementList,
  AgreementParams,
  AppConfig,
  ErrorBody,
  PeriodList,
  PeriodQuery,
} from "@uppsikt/core";
import { actorOf, writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Referensdata"];

export function register(app: App, { database: { db }, clock, config, version }: Deps) {
  app.get(
    "/api/v1/config",
    {
      schema: {
        tags,
        summary: "Publika inställningar: myndighetens namn, dagens datum, aktuell period",
        response: { 200: AppConfig },
      },
    },
    () => service.appConfig(db, clock, config.AGENCY_NAME, version),
  );

  app.get(
    "/api/v1/periods",
    {
      schema: { tags, summary: "Mandatperioder", response: { 200: PeriodList, ...errors } },
      preHandler: can("periods.read"),
    },
    () => service.listPeriods(db, clock),
  );

  app.get(
    "/api/v1/agreements",
    {
      schema: {
        tags,
        summary: "Överenskommelser",
        querystring: PeriodQuery,
        response: { 200: AgreementList, ...errors },
      },
      preHandler: can("agreements.read"),
    },
    (req) => service.listAgreements(db, actorOf(req), clock, req.query.period),
  );

  app.post(
    "/api/v1/agreements",
    {
      schema: { tags, body: AgreementInput, response: { 201: Agreement, ...errors } },
      preHandler: can("agreements.write"),
    },
    async (req, reply) => reply.status(201).send(await service.createAgreement(db, writeContext(req, clock), req.body)),
  );

  app.put(
    "/api/v1/agreements/:id",
    {
      schema: { tags, params: AgreementParams, body: AgreementInput, response: { 200: Agreement, ...errors } },
      preHandler: can("agreements.write"),
    },
    (req) => service.updateAgreement(db, writeContext(req, clock), req.params.id, req.body),
  );
}
