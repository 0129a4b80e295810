import { AuditEventList, AuditQuery, ErrorBody } from "@uppsikt/core";
import { actorOf } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { listAuditEvents } from "./service.js";

export function register(app: App, { database: { db } }: Deps) {
  app.get(
    "/api/v1/audit-events",
    {
      schema: {
        tags: ["Logg"],
        summary: "Granskningsloggen, senaste först",
        querystring: AuditQuery,
        response: { 200: AuditEventList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
      preHandler: can("audit.read"),
    },
    (req) => listAuditEvents(db, actorOf(req), req.query),
  );
}
