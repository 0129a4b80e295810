import {
  CorrectionOpportunity,
  CorrectionOpportunityAnswer,
  CorrectionOpportunityCreate,
  CorrectionOpportunityList,
  CorrectionOpportunityParams,
  CountyParams,
  ErrorBody,
  MunicipalityParams,
  SavingsNotice,
  SavingsNoticeCreate,
  SavingsNoticeList,
  Statement,
  StatementCreate,
  StatementGroundList,
  StatementList,
  StatementListQuery,
  StatementOptions,
  StatementParams,
  StatementSend,
  StatementUpdate,
  StatementVersion,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { notifyCoordinators } from "../protocols/notify.js";
import { listGrounds } from "./grounds-service.js";
import * as opportunities from "./opportunities-service.js";
import * as statements from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Yttranden"];

/** The county's statements to the agency, their grounds and preconditions, the chances to correct, savings notices. */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
    config,
  } = deps;
  const agency = config.AGENCY_NAME;

  app.get(
    "/api/v1/municipalities/:code/statement-grounds",
    {
      schema: {
        tags,
        summary: "Grunderna för ett yttrande som systemet finner i uppgifterna, med underlag och regel (R3.2-2)",
        params: MunicipalityParams,
        response: { 200: StatementGroundList, ...errors },
      },
      preHandler: can("statementGrounds.read"),
    },
    (req) => listGrounds(db, writeContext(req, clock), req.params.code),
  );

  app.get(
    "/api/v1/municipalities/:code/statement-options",
    {
      schema: {
        tags,
        summary: "Det ett yttrande om kommunen kan kopplas till: skickade skrivelser, åtgärder, möjligheter att rätta",
        params: MunicipalityParams,
        response: { 200: StatementOptions, ...errors },
      },
      preHandler: can("statements.write"),
    },
    (req) => statements.statementOptions(db, writeContext(req, clock), req.params.code),
  );

  app.get(
    "/api/v1/statements",
    {
      schema: {
        tags,
        summary: "Yttranden (länet: egna; MCF och kommunen: skickade)",
        querystring: StatementListQuery,
        response: { 200: StatementList, ...errors },
      },
      preHandler: can("statements.read"),
    },
    (req) => statements.listStatements(db, writeContext(req, clock), req.query),
  );

  app.post(
    "/api/v1/statements",
    {
      schema: {
        tags,
        summary: "Upprätta ett yttrande om en kommun (utkast)",
        body: StatementCreate,
        response: { 201: Statement, ...errors, ...conflict },
      },
      preHandler: can("statements.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await statements.createStatement(db, writeContext(req, clock), req.body)),
  );

  app.get(
    "/api/v1/statements/:id",
    {
      schema: {
        tags,
        summary: "Ett yttrande med förutsättningarna och vad som saknas",
        params: StatementParams,
        response: { 200: Statement, ...errors },
      },
      preHandler: can("statements.read"),
    },
    (req) => statements.getStatement(db, writeContext(req, clock), req.params.id),
  );

  app.put(
    "/api/v1/statements/:id",
    {
      schema: {
        tags,
        summary: "Ändra ett utkast till yttrande, med version",
        params: StatementParams,
        body: StatementUpdate,
        response: { 200: Statement, ...errors, ...conflict },
      },
      preHandler: can("statements.write"),
    },
    (req) => statements.updateStatement(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.post(
    "/api/v1/statements/:id/approve",
    {
      schema: {
        tags,
        summary: "Godkänn yttrandet (länsråd/enhetschef som inte har upprättat det)",
        params: StatementParams,
        body: StatementVersion,
        response: { 200: Statement, ...errors, ...conflict },
      },
      preHandler: can("statements.approve"),
    },
    (req) => statements.approveStatement(db, writeContext(req, clock), req.params.id, req.body?.version),
  );

  app.post(
    "/api/v1/statements/:id/send",
    {
      schema: {
        tags,
        summary:
          "Skicka det godkända yttrandet till MCF med diarienummer; saknade förutsättningar kräver ett skäl (409 preconditionsMissing)",
        params: StatementParams,
        body: StatementSend,
        response: { 200: Statement, ...errors, ...conflict },
      },
      preHandler: can("statements.send"),
    },
    async (req) => {
      const sent = await statements.sendStatement(db, writeContext(req, clock), req.params.id, req.body, agency);
      await notifyCoordinators(deps, await statements.sentNotice(db, sent, agency), req.log);
      return sent;
    },
  );

  for (const part of ["statement", "secret-appendix"] as const)
    for (const format of ["pdf", "docx"] as const)
      app.get(
        `/api/v1/statements/:id/${part}.${format}`,
        {
          schema: {
            tags,
            summary:
              part === "statement"
                ? `Yttrandet som ${format.toUpperCase()} (utkast märkt som utkast tills det skickas)`
                : `Den hemliga bilagan som ${format.toUpperCase()} (kräver behörighet; läsningen loggas)`,
            params: StatementParams,
            response: errors,
          },
          preHandler: can("statements.read"),
        },
        async (req, reply) =>
          sendFile(
            reply,
            await statements.statementFile(
              db,
              writeContext(req, clock),
              req.params.id,
              part === "statement" ? "statement" : "appendix",
              format,
              agency,
            ),
          ),
      );

  app.get(
    "/api/v1/municipalities/:code/correction-opportunities",
    {
      schema: {
        tags,
        summary: "Kommunens möjligheter att rätta felaktig användning (R3.2-3)",
        params: MunicipalityParams,
        response: { 200: CorrectionOpportunityList, ...errors },
      },
      preHandler: can("correctionOpportunities.read"),
    },
    (req) => opportunities.listOpportunities(db, writeContext(req, clock), req.params.code),
  );

  app.post(
    "/api/v1/municipalities/:code/correction-opportunities",
    {
      schema: {
        tags,
        summary: "Ge kommunen möjlighet att rätta felaktig användning, med sista dag att svara",
        params: MunicipalityParams,
        body: CorrectionOpportunityCreate,
        response: { 201: CorrectionOpportunity, ...errors },
      },
      preHandler: can("correctionOpportunities.write"),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await opportunities.createOpportunity(db, writeContext(req, clock), req.params.code, req.body)),
  );

  app.post(
    "/api/v1/correction-opportunities/:id/answer",
    {
      schema: {
        tags,
        summary: "Besvara en möjlighet att rätta (kommunen; länet registrerar ett svar som kom utanför systemet)",
        params: CorrectionOpportunityParams,
        body: CorrectionOpportunityAnswer,
        response: { 200: CorrectionOpportunity, ...errors, ...conflict },
      },
      preHandler: can("correctionOpportunities.answer"),
    },
    (req) => opportunities.answerOpportunity(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.get(
    "/api/v1/municipalities/:code/savings-notices",
    {
      schema: {
        tags,
        summary: "Kommunens meddelanden om sparande den inte kan använda (R3.3-3)",
        params: MunicipalityParams,
        response: { 200: SavingsNoticeList, ...errors },
      },
      preHandler: can("savingsNotices.read"),
    },
    (req) => opportunities.listNotices(db, writeContext(req, clock), req.params.code),
  );

  app.get(
    "/api/v1/counties/:code/savings-notices",
    {
      schema: {
        tags,
        summary: "Meddelanden om sparande som länets kommuner inte kan använda (R3.3-3)",
        params: CountyParams,
        response: { 200: SavingsNoticeList, ...errors },
      },
      preHandler: can("savingsNotices.read"),
    },
    (req) => opportunities.listCountyNotices(db, writeContext(req, clock), req.params.code),
  );

  app.post(
    "/api/v1/municipalities/:code/savings-notices",
    {
      schema: {
        tags,
        summary: "Meddela länsstyrelsen sparande som kommunen inte kan använda",
        params: MunicipalityParams,
        body: SavingsNoticeCreate,
        response: { 201: SavingsNotice, ...errors },
      },
      preHandler: can("savingsNotices.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await opportunities.createNotice(db, writeContext(req, clock), req.params.code, req.body)),
  );
}
