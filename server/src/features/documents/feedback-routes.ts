import {
  AwaitingFeedbackList,
  AwaitingFeedbackQuery,
  CountyParams,
  ErrorBody,
  FeedbackInput,
  FeedbackList,
  FeedbackListQuery,
  FeedbackParams,
  FeedbackSentInput,
  FeedbackView,
  FeedbackWaiver,
  FeedbackWaiverInput,
  LetterQuery,
  MunicipalityParams,
  VersionParams,
} from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./feedback-service.js";
import { sendFile } from "../../platform/http/files.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Återkoppling"];

/** Written feedback on documents (R2.3-3). */
export function register(app: App, { database: { db }, clock, config }: Deps) {
  app.post(
    "/api/v1/document-versions/:id/feedback",
    {
      schema: {
        tags,
        summary: "Skriv återkoppling på en dokumentversion (utkast tills den markeras som skickad)",
        params: VersionParams,
        body: FeedbackInput,
        response: { 201: FeedbackView, ...errors },
      },
      preHandler: can("feedback.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await service.createFeedback(db, writeContext(req, clock), req.params.id, req.body)),
  );

  app.post(
    "/api/v1/document-versions/:id/feedback-waiver",
    {
      schema: {
        tags,
        summary: "Besluta att ingen återkoppling skickas på en dokumentversion, med skäl",
        description:
          "Versionen lämnar bevakningen och listan över dokument som väntat länge. Det räknas inte som skickad " +
          "återkoppling: före ett sent enda besök krävs fortfarande skickad återkoppling (R2.7-4). 409 när " +
          "återkoppling redan är skickad, beslutet redan finns eller versionen har ersatts.",
        params: VersionParams,
        body: FeedbackWaiverInput,
        response: { 201: FeedbackWaiver, 409: ErrorBody, ...errors },
      },
      preHandler: can("feedback.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await service.waiveFeedback(db, writeContext(req, clock), req.params.id, req.body)),
  );

  app.get(
    "/api/v1/feedback/:id",
    {
      schema: { tags, summary: "En återkoppling", params: FeedbackParams, response: { 200: FeedbackView, ...errors } },
      preHandler: can("feedback.read"),
    },
    (req) => service.getFeedback(db, writeContext(req, clock), req.params.id),
  );

  app.put(
    "/api/v1/feedback/:id",
    {
      schema: {
        tags,
        summary: "Ändra ett utkast till återkoppling (409 när den är skickad)",
        params: FeedbackParams,
        body: FeedbackInput,
        response: { 200: FeedbackView, 409: ErrorBody, ...errors },
      },
      preHandler: can("feedback.write"),
    },
    (req) => service.updateFeedback(db, writeContext(req, clock), req.params.id, req.body),
  );

  app.post(
    "/api/v1/feedback/:id/sent",
    {
      schema: {
        tags,
        summary:
          "Markera återkopplingen som skickad ett visst datum, med e-post till kommunens beredskapssamordnare (channel: email) eller på annat sätt",
        params: FeedbackParams,
        body: FeedbackSentInput,
        response: { 200: FeedbackView, 409: ErrorBody, ...errors },
      },
      preHandler: can("feedback.write"),
    },
    (req) => service.markFeedbackSent(db, writeContext(req, clock), req.params.id, req.body.sentOn, req.body.channel),
  );

  app.get(
    "/api/v1/feedback/:id/letter",
    {
      schema: {
        tags,
        summary: "Återkopplingen som brev (DOCX eller PDF)",
        params: FeedbackParams,
        querystring: LetterQuery,
        response: errors,
      },
      preHandler: can("feedback.read"),
    },
    async (req, reply) => {
      const file = await service.feedbackLetterFile(db, writeContext(req, clock), req.params.id, req.query.format);
      return sendFile(reply, file);
    },
  );

  app.get(
    "/api/v1/municipalities/:code/feedback",
    {
      schema: {
        tags,
        summary: "Kommunens återkopplingar för en mandatperiod (kommunen ser bara skickade)",
        params: MunicipalityParams,
        querystring: FeedbackListQuery,
        response: { 200: FeedbackList, ...errors },
      },
      preHandler: can("feedback.read"),
    },
    (req) => service.listMunicipalityFeedback(db, writeContext(req, clock), req.params.code, req.query.period),
  );

  app.get(
    "/api/v1/counties/:code/documents/awaiting-feedback",
    {
      schema: {
        tags,
        summary: "Dokument som väntat länge på återkoppling, äldst först",
        params: CountyParams,
        querystring: AwaitingFeedbackQuery,
        response: { 200: AwaitingFeedbackList, ...errors },
      },
      preHandler: can("feedback.awaiting"),
    },
    (req) =>
      service.awaitingFeedback(db, writeContext(req, clock), req.params.code, req.query, config.FEEDBACK_WAIT_DAYS),
  );
}
