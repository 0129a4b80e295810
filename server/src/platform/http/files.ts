import type { FastifyReply } from "fastify";

/** Content-Disposition with an RFC 5987 file name, so å, ä and ö survive in every browser. */
export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** A file download: the body is bytes, not JSON, so the route's response schemas (errors only) do not apply. */
export function sendFile(reply: FastifyReply, file: { content: Buffer | string; fileName: string; mediaType: string }) {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", attachment(file.fileName))
    .send(file.content);
}
