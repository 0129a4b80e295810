import { ErrorBody, RsaCheck, RsaSectionList, RsaSectionsInput, VersionParams } from "@uppsikt/core";
import { writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { listRsaSections, replaceRsaSections } from "../national-rules/service.js";
import { rsaCheck } from "./rsa-check.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Dokument"];

export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/document-versions/:id/rsa-check",
    {
      schema: {
        tags,
        summary: "RSA-kontroll mot dispositionen i MSBFS 2015:5 § 4",
        params: VersionParams,
        response: { 200: RsaCheck, ...errors },
      },
      preHandler: can("documents.read"),
    },
    (req) => rsaCheck(db, writeContext(req, clock), req.params.id),
  );
  app.get(
    "/api/v1/rsa-sections",
    {
      schema: {
        tags: ["Referensdata"],
        summary: "RSA-rapportens disposition i de nationella regler som gäller i dag",
        response: { 200: RsaSectionList, ...errors },
      },
      preHandler: can("rsaSections.read"),
    },
    () => listRsaSections(db, clock.today()),
  );
  app.put(
    "/api/v1/rsa-sections",
    {
      schema: {
        tags: ["Referensdata"],
        summary: "Rätta dispositionen i de nationella regler som gäller i dag (MCF)",
        body: RsaSectionsInput,
        response: { 200: RsaSectionList, ...errors },
      },
      preHandler: can("rsaSections.write"),
    },
    (req) => replaceRsaSections(db, writeContext(req, clock), req.body),
  );
}
