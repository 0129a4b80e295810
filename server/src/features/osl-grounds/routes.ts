import { ErrorBody, OslGround, OslGroundInput, OslGroundList, OslGroundParams } from "@uppsikt/core";
import { actorOf, writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as oslGrounds from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ["Sekretess"];

/** The national list of OSL grounds (R2.10-1): every user reads it, the agency edits it. */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/osl-grounds",
    {
      schema: { tags, summary: "Sekretessgrunder (OSL), nationell lista", response: { 200: OslGroundList, ...errors } },
      preHandler: can("oslGrounds.read"),
    },
    (req) => oslGrounds.listOslGrounds(db, actorOf(req)),
  );
  app.post(
    "/api/v1/osl-grounds",
    {
      schema: {
        tags,
        summary: "Lägg till sekretessgrund",
        body: OslGroundInput,
        response: { 201: OslGround, ...errors },
      },
      preHandler: can("oslGrounds.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await oslGrounds.createOslGround(db, writeContext(req, clock), req.body)),
  );
  app.put(
    "/api/v1/osl-grounds/:id",
    {
      schema: {
        tags,
        summary: "Ändra sekretessgrund",
        params: OslGroundParams,
        body: OslGroundInput,
        response: { 200: OslGround, ...errors },
      },
      preHandler: can("oslGrounds.write"),
    },
    (req) => oslGrounds.updateOslGround(db, writeContext(req, clock), req.params.id, req.body),
  );
}
