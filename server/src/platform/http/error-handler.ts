import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode } from "@uppsikt/core";
import { AppError } from "../errors.js";
import { loggableError } from "../log-safe.js";

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  const body: ErrorBody = { error: { code, message, details, requestId: String(req.id) } };
  return reply.status(status).send(body);
}

const FASTIFY_CODES: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "payloadTooLarge", "Förfrågan är för stor."],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "unsupportedMediaType", "Innehållstypen stöds inte. Skicka JSON."],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "badRequest", "Förfrågan saknar innehåll."],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "badRequest", "Förfrågan innehåller ogiltig JSON."],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "badRequest", "Ogiltig innehållslängd."],
};

/** One place maps every error to `{ error: { code, message, details, requestId } }`. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, req, err.status, err.code, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      path: `${err.validationContext ?? ""}${v.instancePath}`.replace(/\//g, "."),
      message: v.message,
    }));
    const first = issues[0];
    const message = first ? `Ogiltig indata (${first.path || "förfrågan"}): ${first.message}` : "Ogiltig indata.";
    return send(reply, req, 400, "validation", message, { issues });
  }
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return send(reply, req, known[0], known[1], known[2]);
  if (err instanceof SyntaxError || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
    return send(reply, req, err.statusCode ?? 400, "badRequest", "Felaktig förfrågan.");
  }
  if (isResponseSerializationError(err))
    req.log.error({ err: loggableError(err) }, "response did not match its schema");
  else req.log.error({ err: loggableError(err) }, "unhandled error");
  return send(reply, req, 500, "internal", "Ett oväntat fel inträffade. Ange förfrågans id om du kontaktar supporten.");
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, req, 404, "notFound", "Sidan eller resursen finns inte.");
}
