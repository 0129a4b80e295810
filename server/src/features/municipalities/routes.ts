import type { z } from "zod";
import {
  CountyList,
  County,
  CountyParams,
  ErrorBody,
  Municipality,
  MunicipalityList,
  MunicipalityListQuery,
  MunicipalityParams,
  ResponsibleOfficerBody,
} from "@uppsikt/core";
import { actorOf, writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/counties",
    {
      schema: {
        tags: ["Län och kommuner"],
        summary: "Län inom användarens behörighet",
        response: { 200: CountyList, ...errors },
      },
      preHandler: can("counties.read"),
    },
    (req) => service.listCounties(db, actorOf(req)),
  );

  app.get(
    "/api/v1/counties/:code",
    {
      schema: { tags: ["Län och kommuner"], params: CountyParams, response: { 200: County, ...errors } },
      preHandler: can("counties.read"),
    },
    (req) => service.getCounty(db, actorOf(req), req.params.code),
  );

  app.get(
    "/api/v1/counties/:code/municipalities",
    {
      schema: {
        tags: ["Län och kommuner"],
        summary: "Länets kommuner med ansvarig handläggare, i svensk sorteringsordning",
        params: CountyParams,
        querystring: MunicipalityListQuery,
        response: { 200: MunicipalityList, ...errors },
      },
      preHandler: can("municipalities.read"),
    },
    async (req, reply) => {
      const json = await service.listMunicipalitiesJson(db, actorOf(req), req.params.code, req.query);
      // Already checked against MunicipalityList and serialised (and kept, see the service): Fastify sends a JSON
      // string as it is. The type provider knows only the object form.
      return reply.type("application/json; charset=utf-8").send(json as unknown as z.infer<typeof MunicipalityList>);
    },
  );

  app.get(
    "/api/v1/municipalities/:code",
    {
      schema: { tags: ["Län och kommuner"], params: MunicipalityParams, response: { 200: Municipality, ...errors } },
      preHandler: can("municipalities.read"),
    },
    (req) => service.getMunicipality(db, actorOf(req), req.params.code),
  );

  app.put(
    "/api/v1/municipalities/:code/responsible-officer",
    {
      schema: {
        tags: ["Län och kommuner"],
        summary: "Sätt ansvarig handläggare (enhetschef)",
        params: MunicipalityParams,
        body: ResponsibleOfficerBody,
        response: { 200: Municipality, ...errors },
      },
      preHandler: can("municipalities.assignOfficer"),
    },
    (req) => service.assignResponsibleOfficer(db, writeContext(req, clock), req.params.code, req.body.userId),
  );
}
