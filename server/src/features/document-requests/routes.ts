import {
  DocumentRequest,
  DocumentRequestCreate,
  DocumentRequestList,
  DocumentRequestListQuery,
  DocumentRequestParams,
  ErrorBody,
  FileParams,
  MunicipalityParams,
} from "@uppsikt/core";
import { z } from "zod";
import { DOCUMENT_FILE_LIMITS, notMultipart, openFile, readUpload, withMultipart } from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { documentRequestFileOwner } from "./files.js";
import * as requests from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const requestTags = ["Begäran om underlag"];

/** Requests for documents (R2.5-4): the county asks and closes, the municipality answers with files. */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.post(
    "/api/v1/municipalities/:code/document-requests",
    {
      schema: {
        tags: requestTags,
        summary: "Begär in underlag från kommunen med ett svarsdatum",
        params: MunicipalityParams,
        body: DocumentRequestCreate,
        response: { 201: DocumentRequest, ...errors },
      },
      preHandler: can("documentRequests.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await requests.createRequest(db, writeContext(req, clock), req.params.code, req.body)),
  );

  app.get(
    "/api/v1/municipalities/:code/document-requests",
    {
      schema: {
        tags: requestTags,
        summary: "Kommunens begäranden om underlag med status (väntar, besvarad, försenad, avslutad)",
        params: MunicipalityParams,
        querystring: DocumentRequestListQuery,
        response: { 200: DocumentRequestList, ...errors },
      },
      preHandler: can("documentRequests.read"),
    },
    (req) => requests.listRequests(db, writeContext(req, clock), req.params.code, req.query.status),
  );

  // Multipart only here, with the 25 MB per file limit.
  withMultipart(app, DOCUMENT_FILE_LIMITS, (scoped) => {
    scoped.post(
      "/api/v1/document-requests/:id/answers",
      {
        schema: {
          tags: requestTags,
          summary:
            "Besvara en begäran (multipart: fältet message, ev. confidentialBasis, och filer i delar som heter file)",
          consumes: ["multipart/form-data"],
          params: DocumentRequestParams,
          response: { 201: DocumentRequest, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("documentRequests.answer"),
      },
      async (req, reply) => {
        // A body of another type is refused before anything is looked up.
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka svaret som multipart/form-data med filerna i fält som heter file.");
        const ctx = writeContext(req, clock);
        await requests.assertMayAnswer(db, ctx, req.params.id);
        const upload = await readUpload(req, DOCUMENT_FILE_LIMITS);
        return reply.status(201).send(await requests.answerRequest(db, ctx, req.params.id, upload));
      },
    );
  });

  app.post(
    "/api/v1/document-requests/:id/close",
    {
      schema: {
        tags: requestTags,
        summary: "Avsluta en begäran (409 om den redan är avslutad)",
        params: DocumentRequestParams,
        response: { 200: DocumentRequest, ...conflict, ...errors },
      },
      preHandler: can("documentRequests.write"),
    },
    (req) => requests.closeRequest(db, writeContext(req, clock), req.params.id),
  );

  // As `fileDownloadRoute`, with one check before the owner's read policy: the agency reads only the files of its
  // own case requests (R3.3-1).
  app.get(
    "/api/v1/document-request-files/:id/content",
    {
      schema: {
        tags: requestTags,
        summary: "Hämta en fil från ett svar",
        params: FileParams,
        response: { 200: z.any().describe("Filens innehåll"), ...errors },
      },
      preHandler: can(documentRequestFileOwner.readPolicy.permission),
    },
    async (req, reply) => {
      const ctx = writeContext(req, clock);
      await requests.assertMayReadFile(db, ctx, req.params.id);
      return sendFile(reply, await openFile(db, ctx, documentRequestFileOwner.kind, req.params.id));
    },
  );
}
