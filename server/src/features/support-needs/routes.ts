import { CountyParams, ErrorBody, SupportNeeds, SupportNeedsQuery } from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { supportNeeds } from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Who needs support (R2.4-3, R2.2-6). */
export function register(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;
  app.get(
    "/api/v1/counties/:code/support-needs",
    {
      schema: {
        tags: ["Stödbehov"],
        summary: "Länets kommuner rangordnade efter stödbehov, med skälen och deras vikter",
        params: CountyParams,
        querystring: SupportNeedsQuery,
        response: { 200: SupportNeeds, ...errors },
      },
      preHandler: can("supportNeeds.read"),
    },
    (req) => supportNeeds(db, writeContext(req, clock), req.params.code, req.query),
  );
}
