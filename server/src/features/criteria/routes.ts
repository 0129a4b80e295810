import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import {
  CriteriaExportQuery,
  CriteriaImportQuery,
  CriteriaLibrary,
  CriteriaLibraryQuery,
  CriteriaLibraryVersion,
  CriteriaLibraryVersionList,
  CriteriaVersionParams,
  ErrorBody,
} from "@uppsikt/core";
import { z } from "zod";
import { AppError, Invalid } from "../../platform/errors.js";
import { actorOf, writeContext } from "../../platform/http/context.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import * as service from "./service.js";
import { sendFile } from "../../platform/http/files.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Kriteriebibliotek"];

/** The largest library file accepted (YAML or Excel). */
export const MAX_LIBRARY_FILE_BYTES = 5 * 1024 * 1024;
const UPLOAD_LIMITS = { fileSize: MAX_LIBRARY_FILE_BYTES, files: 1, fields: 5, parts: 8, fieldSize: 1000 };

const TOO_LARGE = `Filen är för stor. Ett kriteriebibliotek får vara högst ${MAX_LIBRARY_FILE_BYTES / 1024 / 1024} MB.`;
const MULTIPART_ERRORS: Record<string, AppError> = {
  FST_REQ_FILE_TOO_LARGE: new AppError(413, "payloadTooLarge", TOO_LARGE),
  FST_FILES_LIMIT: new AppError(413, "payloadTooLarge", "Importera en fil i taget (fältet file)."),
  FST_PARTS_LIMIT: new AppError(413, "payloadTooLarge", "Förfrågan har för många delar."),
  FST_FIELDS_LIMIT: new AppError(413, "payloadTooLarge", "Förfrågan har för många fält."),
};

/** The one file of an import (part `file`) and the optional `activate` field. */
async function readImport(req: FastifyRequest): Promise<{ upload: service.LibraryUpload; activate?: string }> {
  if (!req.isMultipart())
    throw new AppError(
      415,
      "unsupportedMediaType",
      "Skicka filen som multipart/form-data i fältet file (.yaml, .yml eller .xlsx).",
    );
  let upload: service.LibraryUpload | undefined;
  let activate: string | undefined;
  const strayFiles: string[] = [];
  try {
    for await (const part of req.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === "file") {
        const content = await part.toBuffer();
        if (part.fieldname === "file")
          upload = { fileName: part.filename ?? "", mediaType: part.mimetype ?? "", content };
        else strayFiles.push(part.fieldname);
      } else if (part.fieldname === "activate") activate = String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw (
      (code && MULTIPART_ERRORS[code]) ??
      Invalid("Uppladdningen kunde inte läsas. Skicka filen som multipart/form-data.")
    );
  }
  if (!upload)
    throw Invalid(
      strayFiles.length
        ? `Filen ska skickas i fältet file, inte ${strayFiles.join(", ")}.`
        : "Välj en fil att importera (fältet file).",
    );
  if (upload.content.length === 0) throw Invalid("Filen är tom.");
  return { upload, activate };
}

export function register(app: App, { database: { db }, clock }: Deps) {
  app.get(
    "/api/v1/criteria/library",
    {
      schema: {
        tags,
        summary: "Det aktiva kriteriebiblioteket med områden och kriterier (?version=<id> för en annan version)",
        querystring: CriteriaLibraryQuery,
        response: { 200: CriteriaLibrary, ...errors },
      },
      preHandler: can("criteria.read"),
    },
    (req) => service.getLibrary(db, actorOf(req), req.query.version),
  );

  app.get(
    "/api/v1/criteria/versions",
    {
      schema: {
        tags,
        summary: "Kriteriebibliotekets versioner, nyaste först",
        response: { 200: CriteriaLibraryVersionList, ...errors },
      },
      preHandler: can("criteria.read"),
    },
    (req) => service.listVersions(db, actorOf(req)),
  );

  app.post(
    "/api/v1/criteria/versions/:id/activate",
    {
      schema: {
        tags,
        summary: "Gör versionen till den aktiva (MCF)",
        params: CriteriaVersionParams,
        response: { 200: CriteriaLibraryVersion, ...errors },
      },
      preHandler: can("criteria.write"),
    },
    (req) => service.activateVersion(db, writeContext(req, clock), req.params.id),
  );

  app.get(
    "/api/v1/criteria/versions/:id/export",
    {
      schema: {
        tags,
        summary: "Exportera en version som YAML eller Excel (bilaga)",
        params: CriteriaVersionParams,
        querystring: CriteriaExportQuery,
        produces: ["application/yaml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: { 200: z.unknown().describe("YAML- eller Excelfilen som bilaga"), ...errors },
      },
      preHandler: can("criteria.read"),
    },
    async (req, reply) => {
      const file = await service.exportVersion(db, actorOf(req), req.params.id, req.query.format);
      return sendFile(reply, file);
    },
  );

  // Multipart only in this scope, with the library file's own limits.
  app.register(async (scoped: App) => {
    if (!scoped.hasRequestDecorator("parts")) await scoped.register(multipart, { limits: UPLOAD_LIMITS });
    scoped.post(
      "/api/v1/criteria/versions/import",
      {
        schema: {
          tags,
          summary:
            "Importera en version (MCF): multipart med YAML- eller Excelfilen i fältet file; activate=true gör den aktiv",
          consumes: ["multipart/form-data"],
          querystring: CriteriaImportQuery,
          response: { 201: CriteriaLibraryVersion, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...errors },
        },
        preHandler: can("criteria.write"),
      },
      async (req, reply) => {
        const { upload, activate } = await readImport(req);
        const flag = activate ?? req.query.activate;
        if (flag !== undefined && flag !== "true" && flag !== "false")
          throw Invalid("Fältet activate ska vara true eller false.");
        const created = await service.importLibrary(db, writeContext(req, clock), upload, flag === "true");
        return reply.status(201).send(created);
      },
    );
  });
}
