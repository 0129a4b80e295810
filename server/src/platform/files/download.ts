import { ErrorBody, FileParams } from "@uppsikt/core";
import { z } from "zod";
import { writeContext } from "../http/context.js";
import { sendFile } from "../http/files.js";
import { can } from "../http/security.js";
import type { App, Deps } from "../http/types.js";
import { fileOwner, openFile } from "./owners.js";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * `GET <url>` (with `:id`) serving one file of a registered owner kind, guarded by the owner's read
 * permission and decided by its read policy (scope, permission, confidentiality; confidential reads audited).
 */
export function fileDownloadRoute(
  app: App,
  { database: { db }, clock }: Pick<Deps, "database" | "clock">,
  route: { url: string; kind: string; tags: string[]; summary: string },
) {
  const owner = fileOwner(route.kind);
  app.get(
    route.url,
    {
      schema: {
        tags: route.tags,
        summary: route.summary,
        params: FileParams,
        response: { 200: z.any().describe("Filens innehåll"), ...errors },
      },
      preHandler: can(owner.readPolicy.permission),
    },
    async (req, reply) => sendFile(reply, await openFile(db, writeContext(req, clock), route.kind, req.params.id)),
  );
}
