import {
  ErrorBody,
  NationalRuleVersion,
  NationalRuleVersionInput,
  NationalRuleVersionList,
  NationalRuleVersionParams,
  NationalRuleVersionUpdate,
  NationalRulesImportBody,
  NationalRulesImportResult,
} from "@uppsikt/core";
import { z } from "zod";
import { writeContext } from "../../platform/http/context.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Nationella regler"];
const yamlFile = z.unknown().describe("YAML-filen som bilaga");

/** The national rules as versioned data: read for everyone signed in, written by the agency (R1-2). */
export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/national-rules",
    {
      schema: {
        tags,
        summary: "De nationella reglernas versioner, äldst först",
        response: { 200: NationalRuleVersionList, ...errors },
      },
      preHandler: can("nationalRules.read"),
    },
    (req) => service.listVersions(db, writeContext(req, clock)),
  );
  app.get(
    "/api/v1/national-rules/current",
    {
      schema: { tags, summary: "Den version som gäller i dag", response: { 200: NationalRuleVersion, ...errors } },
      preHandler: can("nationalRules.read"),
    },
    (req) => service.currentVersion(db, writeContext(req, clock)),
  );
  app.get(
    "/api/v1/national-rules.yaml",
    {
      schema: {
        tags,
        summary: "Exportera alla versioner som YAML",
        produces: ["application/yaml"],
        response: { 200: yamlFile, ...errors },
      },
      preHandler: can("nationalRules.read"),
    },
    async (req, reply) => sendFile(reply, await service.exportYaml(db, writeContext(req, clock))),
  );
  app.get(
    "/api/v1/national-rules/:id",
    {
      schema: {
        tags,
        summary: "En version",
        params: NationalRuleVersionParams,
        response: { 200: NationalRuleVersion, ...errors },
      },
      preHandler: can("nationalRules.read"),
    },
    (req) => service.getVersion(db, writeContext(req, clock), req.params.id),
  );
  app.get(
    "/api/v1/national-rules/:id/export",
    {
      schema: {
        tags,
        summary: "Exportera en version som YAML",
        params: NationalRuleVersionParams,
        produces: ["application/yaml"],
        response: { 200: yamlFile, ...errors },
      },
      preHandler: can("nationalRules.read"),
    },
    async (req, reply) => sendFile(reply, await service.exportYaml(db, writeContext(req, clock), req.params.id)),
  );
  app.post(
    "/api/v1/national-rules",
    {
      schema: {
        tags,
        summary: "Skapa en ny version som gäller från ett senare datum (MCF)",
        body: NationalRuleVersionInput,
        response: { 201: NationalRuleVersion, 409: ErrorBody, ...errors },
      },
      preHandler: can("nationalRules.write"),
    },
    async (req, reply) => reply.status(201).send(await service.createVersion(db, writeContext(req, clock), req.body)),
  );
  app.put(
    "/api/v1/national-rules/:id",
    {
      schema: {
        tags,
        summary: "Ändra en version som ännu inte gäller (MCF); version krävs",
        params: NationalRuleVersionParams,
        body: NationalRuleVersionUpdate,
        response: { 200: NationalRuleVersion, 409: ErrorBody, ...errors },
      },
      preHandler: can("nationalRules.write"),
    },
    (req) => service.updateVersion(db, writeContext(req, clock), req.params.id, req.body),
  );
  app.post(
    "/api/v1/national-rules/import",
    {
      schema: {
        tags,
        summary: "Importera versioner från en YAML-fil (MCF); allt eller inget",
        body: NationalRulesImportBody,
        response: { 200: NationalRulesImportResult, 409: ErrorBody, ...errors },
      },
      preHandler: can("nationalRules.write"),
    },
    (req) => service.importYaml(db, writeContext(req, clock), req.body.content),
  );
}
