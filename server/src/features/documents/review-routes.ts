import { DocumentReview, DocumentReviewInput, DocumentReviewParams, ErrorBody } from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./review-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["Dokument"];

export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/document-versions/:id/review",
    {
      schema: {
        tags,
        summary:
          "Granskningen av en dokumentversion mot bedömningskriterierna för dess typ (kommunen ser den när den är klar)",
        params: DocumentReviewParams,
        response: { 200: DocumentReview, ...errors },
      },
      preHandler: can("documentReviews.read"),
    },
    (req) => service.getReview(db, writeContext(req, clock), req.params.id),
  );

  app.put(
    "/api/v1/document-versions/:id/review",
    {
      schema: {
        tags,
        summary:
          "Spara granskningen (länsstyrelsen): utan utfall blir versionen Under granskning, med utfall Godkänd eller Komplettering begärd",
        params: DocumentReviewParams,
        body: DocumentReviewInput,
        response: { 200: DocumentReview, ...errors },
      },
      preHandler: can("documentReviews.write"),
    },
    (req) => service.saveReview(db, writeContext(req, clock), req.params.id, req.body),
  );
}
