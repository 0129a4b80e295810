import { Clearance, ClearanceCreate, ClearanceList, ClearanceParams, ClearanceQuery, ErrorBody } from "@uppsikt/core";
import { actorOf, writeContext } from "../../platform/http/context.js";
import { can, requireActor } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["Sekretess"];

export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/clearances",
    {
      schema: {
        tags,
        summary: "Behörigheter att läsa sekretessbelagda uppgifter (egna: ?userId=<eget id>)",
        querystring: ClearanceQuery,
        response: { 200: ClearanceList, ...errors },
      },
      // Everyone may list their own; the service decides the rest.
      preHandler: requireActor,
    },
    (req) => service.listClearances(db, actorOf(req), clock, req.query),
  );
  app.post(
    "/api/v1/clearances",
    {
      schema: { tags, summary: "Ge behörighet", body: ClearanceCreate, response: { 201: Clearance, ...errors } },
      preHandler: can("clearances.write"),
    },
    async (req, reply) => reply.status(201).send(await service.grantClearance(db, writeContext(req, clock), req.body)),
  );
  app.post(
    "/api/v1/clearances/:id/withdraw",
    {
      schema: {
        tags,
        summary: "Återkalla behörighet",
        params: ClearanceParams,
        response: { 200: Clearance, ...errors },
      },
      preHandler: can("clearances.write"),
    },
    (req) => service.withdrawClearance(db, writeContext(req, clock), req.params.id),
  );
}
