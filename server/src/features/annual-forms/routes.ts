import {
  AnnualForm,
  AnnualFormCreate,
  AnnualFormList,
  AnnualFormParams,
  AnnualFormPublish,
  AnnualFormQuery,
  AnnualFormUpdate,
  ErrorBody,
} from "@uppsikt/core";
import { z } from "zod";
import { notMultipart, readUpload, withMultipart } from "../../platform/files/index.js";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as files from "./files.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const conflict = { 409: ErrorBody };
const tags = ["Årsuppföljningens blankett"];
const file = z.unknown().describe("Filen som bilaga");
const IMPORT_LIMITS = { maxFiles: 1, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 10 * 1024 * 1024 };

/** The agency's yearly form of the annual follow-up (R2.4-1). */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/annual-forms",
    {
      schema: {
        tags,
        summary: "Årets blanketter (MCF ser även utkast); current är den senast publicerade versionen",
        querystring: AnnualFormQuery,
        response: { 200: AnnualFormList, ...errors },
      },
      preHandler: can("annualForms.read"),
    },
    (req) => service.listForms(db, writeContext(req, clock), req.query),
  );
  app.get(
    "/api/v1/annual-forms/:id",
    {
      schema: {
        tags,
        summary: "En blankett med sina frågor",
        params: AnnualFormParams,
        response: { 200: AnnualForm, ...errors },
      },
      preHandler: can("annualForms.read"),
    },
    (req) => service.getForm(db, writeContext(req, clock), req.params.id),
  );
  app.post(
    "/api/v1/annual-forms",
    {
      schema: {
        tags,
        summary:
          "Skapa ett utkast till årets blankett (MCF); sista dagar enligt de nationella reglerna om de utelämnas",
        body: AnnualFormCreate,
        response: { 201: AnnualForm, ...conflict, ...errors },
      },
      preHandler: can("annualForms.write"),
    },
    async (req, reply) => reply.status(201).send(await service.createForm(db, writeContext(req, clock), req.body)),
  );
  app.put(
    "/api/v1/annual-forms/:id",
    {
      schema: {
        tags,
        summary: "Ändra ett utkast (MCF; med version). En publicerad blankett ändras inte.",
        params: AnnualFormParams,
        body: AnnualFormUpdate,
        response: { 200: AnnualForm, ...conflict, ...errors },
      },
      preHandler: can("annualForms.write"),
    },
    (req) => service.updateForm(db, writeContext(req, clock), req.params.id, req.body),
  );
  app.post(
    "/api/v1/annual-forms/:id/publish",
    {
      schema: {
        tags,
        summary: "Publicera ett utkast (MCF; med version): blanketten fryses och blir årets gällande",
        params: AnnualFormParams,
        // A request without a body publishes the draft as it is now.
        body: AnnualFormPublish.nullable(),
        response: { 200: AnnualForm, ...conflict, ...errors },
      },
      preHandler: can("annualForms.write"),
    },
    (req) => service.publishForm(db, writeContext(req, clock), req.params.id, req.body ?? {}),
  );
  app.post(
    "/api/v1/annual-forms/:id/versions",
    {
      schema: {
        tags,
        summary: "Skapa en ny version (ett utkast) av en publicerad blankett (MCF)",
        params: AnnualFormParams,
        response: { 201: AnnualForm, ...conflict, ...errors },
      },
      preHandler: can("annualForms.write"),
    },
    async (req, reply) => reply.status(201).send(await service.newVersion(db, writeContext(req, clock), req.params.id)),
  );
  app.get(
    "/api/v1/annual-forms/:id/export.yaml",
    {
      schema: {
        tags,
        summary: "Exportera blanketten som YAML",
        params: AnnualFormParams,
        produces: ["application/yaml"],
        response: { 200: file, ...errors },
      },
      preHandler: can("annualForms.read"),
    },
    async (req, reply) => sendFile(reply, await files.exportForm(db, writeContext(req, clock), req.params.id, "yaml")),
  );
  app.get(
    "/api/v1/annual-forms/:id/export.xlsx",
    {
      schema: {
        tags,
        summary: "Exportera blanketten som Excel (bladen Blankett och Frågor)",
        params: AnnualFormParams,
        response: errors,
      },
      preHandler: can("annualForms.read"),
    },
    async (req, reply) => sendFile(reply, await files.exportForm(db, writeContext(req, clock), req.params.id, "xlsx")),
  );
  withMultipart(app, IMPORT_LIMITS, (scoped) => {
    scoped.post(
      "/api/v1/annual-forms/import",
      {
        schema: {
          tags,
          summary:
            "Importera en blankett som utkast (MCF): multipart med en YAML- eller Excelfil i fältet file. Inget sparas om något är fel.",
          consumes: ["multipart/form-data"],
          response: { 201: AnnualForm, ...conflict, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("annualForms.write"),
      },
      async (req, reply) => {
        if (req.headers["content-type"] && !req.isMultipart())
          throw notMultipart("Skicka blanketten som multipart/form-data i ett fält som heter file.");
        const upload = await readUpload(req, IMPORT_LIMITS);
        return reply.status(201).send(await files.importForm(db, writeContext(req, clock), upload));
      },
    );
  });
}
