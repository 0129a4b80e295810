import { ErrorBody, OutboxList, OutboxListQuery, OutboxParams } from "@uppsikt/core";
import { NotFound } from "../../platform/errors.js";
import { sendFile } from "../../platform/http/files.js";
import { can } from "../../platform/http/security.js";
import type { App, Deps } from "../../platform/http/types.js";
import { listOutbox, outboxDir, readOutboxMessage } from "../../platform/mail/outbox.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ["Administration"];

/** Mail written to DATA_DIR/outbox when no SMTP server is configured, for administrators. */
export function register(app: App, { config }: Deps) {
  const dir = outboxDir(config.DATA_DIR);

  app.get(
    "/api/v1/admin/outbox",
    {
      schema: {
        tags,
        summary: "Utgående e-post som sparats som filer (när ingen SMTP-server är inställd), nyast först",
        querystring: OutboxListQuery,
        response: { 200: OutboxList, ...errors },
      },
      preHandler: can("outbox.read"),
    },
    (req) => listOutbox(dir, req.query),
  );

  app.get(
    "/api/v1/admin/outbox/:id.eml",
    {
      schema: {
        tags,
        summary: "Ett sparat e-postmeddelande (.eml)",
        params: OutboxParams,
        response: errors,
      },
      preHandler: can("outbox.read"),
    },
    async (req, reply) => {
      const content = await readOutboxMessage(dir, req.params.id);
      if (!content) throw NotFound("Meddelandet finns inte.");
      return sendFile(reply, { content, fileName: `${req.params.id}.eml`, mediaType: "message/rfc822" });
    },
  );
}
