import {
  ActionCreate,
  ActionList,
  ActionListQuery,
  ActionParams,
  ActionPatch,
  ActionView,
  ErrorBody,
  MunicipalityParams,
} from "@uppsikt/core";
import {
  DOCUMENT_FILE_LIMITS,
  fileDownloadRoute,
  notMultipart,
  readUpload,
  withMultipart,
} from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { actionFileOwner } from "./action-files.js";
import * as actions from "./actions-service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Åtgärdsplan"];

/** The municipality's action plan (R2.7-8): list, add, change status, report done with files, download. */
export function registerActions(app: App, deps: Deps) {
  const {
    database: { db },
    clock,
  } = deps;
  app.get(
    "/api/v1/municipalities/:code/actions",
    {
      schema: {
        tags,
        summary: "Kommunens åtgärder under en mandatperiod, med försenade markerade",
        params: MunicipalityParams,
        querystring: ActionListQuery,
        response: { 200: ActionList, ...errors },
      },
      preHandler: can("actions.read"),
    },
    (req) => actions.listActions(db, writeContext(req, clock), req.params.code, req.query.period),
  );
  app.post(
    "/api/v1/municipalities/:code/actions",
    {
      schema: {
        tags,
        summary: "Lägg till en åtgärd i kommunens åtgärdsplan",
        params: MunicipalityParams,
        body: ActionCreate,
        response: { 201: ActionView, ...errors },
      },
      preHandler: can("actions.write"),
    },
    async (req, reply) =>
      reply.status(201).send(await actions.createAction(db, writeContext(req, clock), req.params.code, req.body)),
  );
  app.patch(
    "/api/v1/actions/:id",
    {
      schema: {
        tags,
        summary: "Ändra en åtgärds status (påbörjad, verifierad, tillbakaskickad med kommentar), ansvarig eller steg",
        params: ActionParams,
        body: ActionPatch,
        response: { 200: ActionView, 409: ErrorBody, ...errors },
      },
      preHandler: can("actions.write"),
    },
    (req) => actions.patchAction(db, writeContext(req, clock), req.params.id, req.body),
  );
  withMultipart(app, DOCUMENT_FILE_LIMITS, (scoped) => {
    scoped.post(
      "/api/v1/actions/:id/report",
      {
        schema: {
          tags,
          summary: "Rapportera en åtgärd som genomförd (multipart: fältet comment och filer i delar som heter file)",
          consumes: ["multipart/form-data"],
          params: ActionParams,
          response: { 200: ActionView, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("actions.report"),
      },
      async (req) => {
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka rapporten som multipart/form-data med filerna i fält som heter file.");
        const ctx = writeContext(req, clock);
        await actions.assertMayReport(db, ctx, req.params.id);
        const upload = await readUpload(req, DOCUMENT_FILE_LIMITS);
        return actions.reportAction(db, ctx, req.params.id, upload);
      },
    );
  });
  fileDownloadRoute(app, deps, {
    url: "/api/v1/action-files/:id/content",
    kind: actionFileOwner.kind,
    tags,
    summary: "Hämta en fil från en rapport om en genomförd åtgärd",
  });
}
