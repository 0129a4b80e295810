import {
  CountyParams,
  DocumentFileText,
  DocumentItem,
  DocumentList,
  DocumentListParams,
  DocumentMatrix,
  ErrorBody,
  FileParams,
  MatrixQuery,
  PeriodParam,
  ReviewQueue,
  SearchQuery,
  SearchResult,
} from "@uppsikt/core";
import { z } from "zod";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { DOCUMENT_FILE_LIMITS, fileDownloadRoute, readUpload, withMultipart } from "../../platform/files/index.js";
import { documentFileOwner } from "./files.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Dokument"];

export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;
  app.get(
    "/api/v1/municipalities/:code/documents",
    {
      schema: {
        tags,
        summary: "Kommunens obligatoriska dokument för en mandatperiod (utan period: den aktuella)",
        params: DocumentListParams,
        querystring: PeriodParam,
        response: { 200: DocumentList, ...errors },
      },
      preHandler: can("documents.read"),
    },
    (req) => service.listDocuments(db, writeContext(req, clock), req.params.code, req.query.period),
  );

  // Multipart only here, with the 25 MB per file limit.
  withMultipart(app, DOCUMENT_FILE_LIMITS, (scoped) => {
    scoped.post(
      "/api/v1/municipalities/:code/documents",
      {
        schema: {
          tags,
          summary: "Registrera en ny version av ett dokument (multipart: fält och en eller flera delar som heter file)",
          consumes: ["multipart/form-data"],
          params: DocumentListParams,
          response: { 201: DocumentItem, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("documents.submit"),
      },
      async (req, reply) => {
        const ctx = writeContext(req, clock);
        await service.assertMaySubmit(db, ctx.actor, req.params.code);
        const upload = await readUpload(req, DOCUMENT_FILE_LIMITS);
        return reply.status(201).send(await service.submitDocument(db, ctx, req.params.code, upload));
      },
    );
  });

  fileDownloadRoute(app, deps, {
    url: "/api/v1/document-files/:id/content",
    kind: documentFileOwner.kind,
    tags,
    summary: "Hämta en fil",
  });

  app.get(
    "/api/v1/document-files/:id/text",
    {
      schema: {
        tags,
        summary: "Texten som lästes ur en fil (visas bredvid granskningen när webbläsaren inte kan visa filen)",
        params: FileParams,
        response: { 200: DocumentFileText, ...errors },
      },
      preHandler: can("documents.read"),
    },
    (req) => service.fileText(db, writeContext(req, clock), req.params.id),
  );

  app.get(
    "/api/v1/review-queue",
    {
      schema: {
        tags,
        summary: "Att granska: nyinkomna dokument för mina kommuner (enhetschef: ?scope=county för hela länet)",
        querystring: z.object({ scope: z.enum(["mine", "county"]).default("mine") }),
        response: { 200: ReviewQueue, ...errors },
      },
      preHandler: can("documents.reviewQueue"),
    },
    (req) => service.reviewQueue(db, writeContext(req, clock), req.query.scope === "county"),
  );

  app.get(
    "/api/v1/counties/:code/documents/matrix",
    {
      schema: {
        tags,
        summary: "Länets kommuner × dokumenttyper",
        params: CountyParams,
        querystring: MatrixQuery,
        response: { 200: DocumentMatrix, ...errors },
      },
      preHandler: can("documents.matrix"),
    },
    (req) => service.documentMatrix(db, writeContext(req, clock), req.params.code, req.query),
  );

  app.get(
    "/api/v1/counties/:code/documents/search",
    {
      schema: {
        tags,
        summary: "Fritextsökning i länets dokument",
        params: CountyParams,
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errors },
      },
      preHandler: can("documents.search"),
    },
    (req) => service.searchDocuments(db, writeContext(req, clock), req.params.code, req.query),
  );
}
