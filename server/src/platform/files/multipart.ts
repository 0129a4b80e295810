import multipart from "@fastify/multipart";
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacter } from "@uppsikt/core";
import type { FastifyRequest } from "fastify";
import { AppError, Invalid } from "../errors.js";
import type { App } from "../http/types.js";
import { type FileLimits, megabytes } from "./limits.js";

/** A multipart form as read: its text fields and its parts named `file`, in upload order. */
export interface Upload {
  fields: Record<string, string>;
  files: { fileName: string; buffer: Buffer }[];
}

/** What a multipart route expects besides its limits. */
export interface MultipartOptions {
  /** The 415 message when the body is not multipart ("Skicka formuläret som multipart/form-data …"). */
  notMultipartMessage?: string;
}

const NOT_MULTIPART = "Skicka formuläret som multipart/form-data med filerna i fält som heter file.";
const MAX_FIELDS = 30;
const MAX_FIELD_CHARS = 10_000;

export const notMultipart = (message = NOT_MULTIPART) => new AppError(415, "unsupportedMediaType", message);

/**
 * Registers `@fastify/multipart` in a scope of its own (so only these routes accept multipart bodies) and
 * declares the routes inside it: `withMultipart(app, limits, (scoped) => scoped.post(...))`.
 */
export function withMultipart(app: App, limits: FileLimits, routes: (scoped: App) => void) {
  app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles } });
    routes(scoped);
  });
}

/**
 * Reads a multipart form within the limits: text fields, and the parts named `file`. Errors in Swedish:
 * 415 not multipart, 413 a file, the count or the total too large, 400 an empty file, an unknown file field,
 * too many fields or a body that cannot be read.
 */
export async function readUpload(req: FastifyRequest, limits: FileLimits, options: MultipartOptions = {}) {
  if (!req.isMultipart()) throw notMultipart(options.notMultipartMessage);
  const upload: Upload = { fields: {}, files: [] };
  let total = 0;
  try {
    for await (const part of req.parts({
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: MAX_FIELDS, fieldSize: MAX_FIELD_CHARS },
    })) {
      if (hasForbiddenCharacter(part.fieldname)) {
        if (part.type === "file") await part.toBuffer();
        throw Invalid(`Ett fältnamn i formuläret: ${FORBIDDEN_CHARACTER_MESSAGE}`);
      }
      if (part.type === "file") {
        if (hasForbiddenCharacter(part.filename)) {
          await part.toBuffer();
          throw Invalid(`Filnamnet: ${FORBIDDEN_CHARACTER_MESSAGE}`);
        }
        if (part.fieldname !== "file") {
          await part.toBuffer();
          throw Invalid(`Okänt filfält "${part.fieldname}". Filer skickas i fält som heter file.`);
        }
        const buffer = await part.toBuffer();
        if (buffer.length === 0) throw Invalid(`Filen ${part.filename} är tom.`);
        total += buffer.length;
        if (total > limits.maxTotalBytes)
          throw new AppError(
            413,
            "payloadTooLarge",
            `Filerna är för stora tillsammans. En uppladdning får vara högst ${megabytes(limits.maxTotalBytes)} MB.`,
          );
        upload.files.push({ fileName: part.filename || "namnlös", buffer });
      } else {
        const value = String(part.value);
        if (hasForbiddenCharacter(value)) throw Invalid(`Fältet ${part.fieldname}: ${FORBIDDEN_CHARACTER_MESSAGE}`);
        upload.fields[part.fieldname] = value;
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError(
        413,
        "payloadTooLarge",
        `En fil är för stor. Varje fil får vara högst ${megabytes(limits.maxFileBytes)} MB.`,
      );
    if (code === "FST_FILES_LIMIT")
      throw new AppError(413, "payloadTooLarge", `Högst ${limits.maxFiles} filer per uppladdning.`);
    if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") throw Invalid("Formuläret har för många fält.");
    throw Invalid("Formuläret kunde inte läsas. Försök igen.");
  }
  return upload;
}
