import {
  EconomicReview,
  EconomicReviewCreate,
  EconomicReviewFileParams,
  EconomicReviewFileQuery,
  EconomicReviewList,
  EconomicReviewParams,
  EconomicReviewQuery,
  EconomicReviewUpdate,
  ErrorBody,
  MunicipalityParams,
  SavingsPlan,
  SavingsPlanCreate,
  SavingsPlanList,
  VisitIdParams,
  VisitReview,
  VisitReviewPut,
} from "@uppsikt/core";
import { z } from "zod";
import { DOCUMENT_FILE_LIMITS, notMultipart, openFile, readUpload, withMultipart } from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { economicReviewFileOwner } from "./files.js";
import * as plans from "./plan-service.js";
import * as reviews from "./review-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const reviewTags = ["Ekonomisk granskning"];
const planTags = ["Plan för sparande"];

/** Economic reviews (R2.5-1, R2.5-4 … R2.5-6) and savings plans (R2.6-2). */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;

  app.get(
    "/api/v1/municipalities/:code/economic-reviews",
    {
      schema: {
        tags: reviewTags,
        summary:
          "Kommunens ekonomiska granskningar under en mandatperiod, med antal, besök som innebär granskning och varningar",
        params: MunicipalityParams,
        querystring: EconomicReviewQuery,
        response: { 200: EconomicReviewList, ...errors },
      },
      preHandler: can("economicReviews.read"),
    },
    (req) => reviews.listReviews(db, writeContext(req, clock), req.params.code, req.query),
  );
  app.post(
    "/api/v1/municipalities/:code/economic-reviews",
    {
      schema: {
        tags: reviewTags,
        summary: "Registrera en ekonomisk granskning (hållen, eller planerad när dagen är senare än i dag)",
        params: MunicipalityParams,
        body: EconomicReviewCreate,
        response: { 201: EconomicReview, ...errors },
      },
      preHandler: can("economicReviews.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await reviews.createReview(db, writeContext(req, clock), req.params.code, req.body)),
  );
  app.get(
    "/api/v1/economic-reviews/:id",
    {
      schema: {
        tags: reviewTags,
        summary: "En ekonomisk granskning",
        params: EconomicReviewParams,
        response: { 200: EconomicReview, ...errors },
      },
      preHandler: can("economicReviews.read"),
    },
    (req) => reviews.getReview(db, writeContext(req, clock), req.params.id),
  );
  app.put(
    "/api/v1/economic-reviews/:id",
    {
      schema: {
        tags: reviewTags,
        summary: "Ändra en ekonomisk granskning (med version)",
        params: EconomicReviewParams,
        body: EconomicReviewUpdate,
        response: { 200: EconomicReview, ...conflict, ...errors },
      },
      preHandler: can("economicReviews.write"),
    },
    (req) => reviews.updateReview(db, writeContext(req, clock), req.params.id, req.body),
  );
  withMultipart(app, DOCUMENT_FILE_LIMITS, (scoped) => {
    scoped.post(
      "/api/v1/economic-reviews/:id/files",
      {
        schema: {
          tags: reviewTags,
          summary:
            "Bifoga kommunens egen granskning, en extern granskning eller annat underlag (multipart: filer i delar som heter file)",
          consumes: ["multipart/form-data"],
          params: EconomicReviewParams,
          querystring: EconomicReviewFileQuery,
          response: { 201: EconomicReview, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("economicReviews.write"),
      },
      async (req, reply) => {
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka bilagorna som multipart/form-data med filerna i fält som heter file.");
        const ctx = writeContext(req, clock);
        await reviews.assertMayAttach(db, ctx, req.params.id);
        const upload = await readUpload(req, DOCUMENT_FILE_LIMITS);
        return reply.status(201).send(await reviews.attachFiles(db, ctx, req.params.id, req.query.kind, upload));
      },
    );
  });
  app.get(
    "/api/v1/economic-reviews/:id/files/:fileId",
    {
      schema: {
        tags: reviewTags,
        summary: "Hämta en bilaga till en ekonomisk granskning",
        params: EconomicReviewFileParams,
        response: { 200: z.any().describe("Filens innehåll"), ...errors },
      },
      preHandler: can(economicReviewFileOwner.readPolicy.permission),
    },
    async (req, reply) => {
      const ctx = writeContext(req, clock);
      await reviews.assertFileOfReview(db, ctx, req.params.id, req.params.fileId);
      return sendFile(reply, await openFile(db, ctx, economicReviewFileOwner.kind, req.params.fileId));
    },
  );
  app.put(
    "/api/v1/visits/:id/economic-review",
    {
      schema: {
        tags: reviewTags,
        summary: "Ange om ett planerat besök innebär en ekonomisk granskning (som standard gör det det)",
        params: VisitIdParams,
        body: VisitReviewPut,
        response: { 200: VisitReview, ...errors },
      },
      preHandler: can("economicReviews.write"),
    },
    (req) => reviews.putVisitReview(db, writeContext(req, clock), req.params.id, req.body.impliesReview),
  );

  app.get(
    "/api/v1/municipalities/:code/savings-plans",
    {
      schema: {
        tags: planTags,
        summary: "Kommunens planer för sparande (nyaste först) med utfall per år, toleransen och om en plan krävs",
        params: MunicipalityParams,
        response: { 200: SavingsPlanList, ...errors },
      },
      preHandler: can("savingsPlans.read"),
    },
    (req) => plans.listPlans(db, writeContext(req, clock), req.params.code),
  );
  app.post(
    "/api/v1/municipalities/:code/savings-plans",
    {
      schema: {
        tags: planTags,
        summary:
          "Lämna en ny version av kommunens plan för sparande (eller registrera en plan som kommit in på annat sätt)",
        params: MunicipalityParams,
        body: SavingsPlanCreate,
        response: { 201: SavingsPlan, ...errors },
      },
      preHandler: can("savingsPlans.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await plans.createPlan(db, writeContext(req, clock), req.params.code, req.body)),
  );
}
