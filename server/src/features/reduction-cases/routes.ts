import {
  AppealInput,
  CaseLogEntry,
  CaseLogEntryCreate,
  CaseLogEntryList,
  DocumentRequestList,
  ErrorBody,
  InvoiceSentInput,
  ReductionCase,
  ReductionCaseList,
  ReductionCaseListQuery,
  ReductionCaseParams,
  ReductionCaseUpdate,
  ReductionDecisionInput,
} from "@uppsikt/core";
import { listCaseRequests } from "../document-requests/service.js";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as cases from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Ärenden om reducerad ersättning"];

/** The agency's reduction cases (R3.3-1, R3.3-2): read by the agency, the county and the municipality concerned. */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;

  app.get(
    "/api/v1/reduction-cases",
    {
      schema: {
        tags,
        summary: "Ärenden om reducerad ersättning (länet sina, kommunen sina, myndigheten alla)",
        querystring: ReductionCaseListQuery,
        response: { 200: ReductionCaseList, ...errors },
      },
      preHandler: can("reductionCases.read"),
    },
    (req) => cases.listCases(db, writeContext(req, clock), req.query),
  );

  app.get(
    "/api/v1/reduction-cases/:id",
    {
      schema: {
        tags,
        summary: "Ett ärende: verkan enligt 30 april-regeln, beslut, sista dag för överklagande, laga kraft, faktura",
        params: ReductionCaseParams,
        response: { 200: ReductionCase, ...errors },
      },
      preHandler: can("reductionCases.read"),
    },
    (req) => cases.getCase(db, writeContext(req, clock), req.params.id),
  );

  app.put(
    "/api/v1/reduction-cases/:id",
    {
      schema: {
        tags,
        summary: "Rätta datum då yttrandet kom in (före beslut) eller ange dagen då kommunen underrättades",
        params: ReductionCaseParams,
        body: ReductionCaseUpdate,
        response: { 200: ReductionCase, ...conflict, ...errors },
      },
      preHandler: can("reductionCases.write"),
    },
    (req) => cases.updateCase(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.post(
    "/api/v1/reduction-cases/:id/decision",
    {
      schema: {
        tags,
        summary: "Besluta i ärendet (ett beslut som inte passar verkan avvisas med 409 outcomeNotAllowed)",
        params: ReductionCaseParams,
        body: ReductionDecisionInput,
        response: { 200: ReductionCase, ...conflict, ...errors },
      },
      preHandler: can("reductionCases.write"),
    },
    (req) => cases.decide(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.post(
    "/api/v1/reduction-cases/:id/appeal-lodged",
    {
      schema: {
        tags,
        summary: "Registrera att beslutet överklagats",
        params: ReductionCaseParams,
        body: AppealInput,
        response: { 200: ReductionCase, ...conflict, ...errors },
      },
      preHandler: can("reductionCases.write"),
    },
    (req) => cases.appealLodged(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.post(
    "/api/v1/reduction-cases/:id/appeal-decided",
    {
      schema: {
        tags,
        summary: "Ange dagen då det överklagade beslutet vann laga kraft",
        params: ReductionCaseParams,
        body: AppealInput,
        response: { 200: ReductionCase, ...conflict, ...errors },
      },
      preHandler: can("reductionCases.write"),
    },
    (req) => cases.appealDecided(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.post(
    "/api/v1/reduction-cases/:id/invoice-sent",
    {
      schema: {
        tags,
        summary: "Registrera att fakturan om återbetalning skickats",
        params: ReductionCaseParams,
        body: InvoiceSentInput,
        response: { 200: ReductionCase, ...conflict, ...errors },
      },
      preHandler: can("reductionCases.write"),
    },
    (req) => cases.invoiceSent(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.get(
    "/api/v1/reduction-cases/:id/log",
    {
      schema: {
        tags,
        summary: "Ärendets logg över dialogen med kommunen och länet",
        params: ReductionCaseParams,
        response: { 200: CaseLogEntryList, ...errors },
      },
      preHandler: can("reductionCases.read"),
    },
    (req) => cases.listLog(db, writeContext(req, clock), req.params.id),
  );

  app.post(
    "/api/v1/reduction-cases/:id/log",
    {
      schema: {
        tags,
        summary: "Anteckna dialog i ärendet",
        params: ReductionCaseParams,
        body: CaseLogEntryCreate,
        response: { 201: CaseLogEntry, ...errors },
      },
      preHandler: can("reductionCases.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await cases.createLogEntry(db, writeContext(req, clock), req.params.id, req.body)),
  );

  app.get(
    "/api/v1/reduction-cases/:id/document-requests",
    {
      schema: {
        tags,
        summary: "Myndighetens begäranden om underlag i ärendet",
        params: ReductionCaseParams,
        response: { 200: DocumentRequestList, ...errors },
      },
      preHandler: can("reductionCases.read"),
    },
    async (req) => {
      const ctx = writeContext(req, clock);
      await cases.caseInScope(db, ctx.actor, req.params.id);
      return listCaseRequests(db, ctx, req.params.id);
    },
  );
}
