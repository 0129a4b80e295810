import {
  CountyParams,
  ErrorBody,
  ProtocolApproveBody,
  ProtocolCommentBody,
  ProtocolCorrectionBody,
  ProtocolFactualReviewBody,
  ProtocolFileQuery,
  ProtocolSendBody,
  ProtocolTemplate,
  ProtocolTemplateUpdate,
  ProtocolView,
  VisitParams,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { registerActions } from "./actions-routes.js";
import { notifyCoordinators } from "./notify.js";
import * as protocols from "./service.js";
import * as templates from "./template-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Protokoll"];

/** The protocol after a visit: factual review, approval, sending, corrections and the files (R2.7-7, R2.10-1). */
export function register(app: App, deps: Deps) {
  registerActions(app, deps);
  const {
    database: { db },
    clock,
  } = deps;

  app.get(
    "/api/v1/visits/:id/protocol",
    {
      schema: {
        tags,
        summary:
          "Besökets protokoll: utkastet för länsstyrelsen, annars det skickade (eller utkastet på sakgranskning)",
        params: VisitParams,
        response: { 200: ProtocolView, ...errors },
      },
      preHandler: can("protocols.read"),
    },
    (req) => protocols.getProtocol(db, writeContext(req, clock), req.params.id),
  );
  app.post(
    "/api/v1/visits/:id/protocol/factual-review",
    {
      schema: {
        tags,
        summary: "Skicka utkastet till kommunen på sakgranskning, med ett svarsdatum (standard 21 dagar)",
        params: VisitParams,
        body: ProtocolFactualReviewBody,
        response: { 200: ProtocolView, ...errors, ...conflict },
      },
      preHandler: can("protocols.write"),
    },
    async (req) => {
      const { view, notice } = await protocols.startFactualReview(
        db,
        writeContext(req, clock),
        req.params.id,
        req.body ?? {},
      );
      await notifyCoordinators(deps, notice, req.log);
      return view;
    },
  );
  app.post(
    "/api/v1/visits/:id/protocol/comments",
    {
      schema: {
        tags,
        summary: "Kommunens synpunkt i sakgranskningen",
        params: VisitParams,
        body: ProtocolCommentBody,
        response: { 200: ProtocolView, ...errors, ...conflict },
      },
      preHandler: can("protocols.comment"),
    },
    (req) => protocols.comment(db, writeContext(req, clock), req.params.id, req.body),
  );
  app.post(
    "/api/v1/visits/:id/protocol/approve",
    {
      schema: {
        tags,
        summary: "Godkänn protokollet för att skickas (enhetschef)",
        params: VisitParams,
        body: ProtocolApproveBody,
        response: { 200: ProtocolView, ...errors, ...conflict },
      },
      preHandler: can("protocols.approve"),
    },
    (req) => protocols.approve(db, writeContext(req, clock), req.params.id, req.body ?? {}),
  );
  app.post(
    "/api/v1/visits/:id/protocol/send",
    {
      schema: {
        tags,
        summary: "Skicka det godkända protokollet: diarienummer och datum; det sparas oföränderligt",
        params: VisitParams,
        body: ProtocolSendBody,
        response: { 200: ProtocolView, ...errors, ...conflict },
      },
      preHandler: can("protocols.write"),
    },
    async (req) => {
      const { view, notice } = await protocols.send(db, writeContext(req, clock), req.params.id, req.body);
      await notifyCoordinators(deps, notice, req.log);
      return view;
    },
  );
  app.post(
    "/api/v1/visits/:id/protocol/correction",
    {
      schema: {
        tags,
        summary: "Påbörja en rättelse av det skickade protokollet: en ny, numrerad version",
        params: VisitParams,
        body: ProtocolCorrectionBody,
        response: { 200: ProtocolView, ...errors, ...conflict },
      },
      preHandler: can("protocols.write"),
    },
    (req) => protocols.correct(db, writeContext(req, clock), req.params.id, req.body),
  );
  app.get(
    "/api/v1/counties/:code/protocol-template",
    {
      schema: {
        tags,
        summary: "Länets mall för protokoll (de fasta texterna)",
        params: CountyParams,
        response: { 200: ProtocolTemplate, ...errors },
      },
      preHandler: can("protocols.write"),
    },
    (req) => templates.getTemplate(db, writeContext(req, clock), req.params.code),
  );
  app.put(
    "/api/v1/counties/:code/protocol-template",
    {
      schema: {
        tags,
        summary: "Ändra mallen för protokoll (länsråd/enhetschef), med version",
        params: CountyParams,
        body: ProtocolTemplateUpdate,
        response: { 200: ProtocolTemplate, ...errors, ...conflict },
      },
      preHandler: can("protocols.editTemplate"),
    },
    (req) => templates.updateTemplate(db, writeContext(req, clock), req.params.code, req.body),
  );
  for (const part of ["protocol", "secret-appendix"] as const)
    for (const format of ["pdf", "docx"] as const)
      app.get(
        `/api/v1/visits/:id/${part}.${format}`,
        {
          schema: {
            tags,
            summary:
              part === "protocol"
                ? `Protokollet som ${format.toUpperCase()}`
                : `Den hemliga bilagan som ${format.toUpperCase()} (kräver behörighet; läsningen loggas)`,
            params: VisitParams,
            querystring: ProtocolFileQuery,
            response: errors,
          },
          preHandler: can("protocols.read"),
        },
        async (req, reply) =>
          sendFile(
            reply,
            await protocols.protocolFile(
              db,
              writeContext(req, clock),
              req.params.id,
              part === "protocol" ? "protocol" : "appendix",
              format,
              req.query.version,
            ),
          ),
      );
}
