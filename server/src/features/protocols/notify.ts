import type { FastifyBaseLogger } from "fastify";
import { createMailer } from "../../platform/mail/mailer.js";
import type { Deps } from "../../platform/http/types.js";
import type { SentNotice } from "./service.js";

/**
 * Tells the municipality's coordinators that a protocol is sent: a link to it, never the document (it may have a
 * secret appendix). A mail that fails is logged; the protocol is sent all the same.
 */
export async function notifyProtocolSent(deps: Deps, notice: SentNotice, log: FastifyBaseLogger) {
  if (notice.to.length === 0) return;
  const mailer = createMailer(deps.config);
  const link = new URL(notice.link, deps.config.APP_URL).toString();
  try {
    for (const to of notice.to)
      await mailer.send({
        to,
        subject: `Protokoll från uppföljningsbesöket i ${notice.municipality}`,
        text: [
          `Hej ${to.name},`,
          "",
          `Länsstyrelsen har skickat protokollet (version ${notice.versionNo}) från uppföljningsbesöket i ${notice.municipality}.`,
          `Du läser det och kommunens åtgärder i Uppsikt: ${link}`,
          "",
          "Meddelandet är skickat automatiskt av Uppsikt och går inte att svara på.",
        ].join("\n"),
        date: deps.clock.now(),
      });
  } catch (error) {
    log.warn({ err: error }, "protocol mail not sent");
  } finally {
    mailer.close();
  }
}
