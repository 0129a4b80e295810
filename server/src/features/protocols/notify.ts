import type { FastifyBaseLogger } from "fastify";
import { createMailer } from "../../platform/mail/mailer.js";
import type { Deps } from "../../platform/http/types.js";

/** Who is told, and what: a subject and a sentence; the mail adds the link and the closing. */
export interface CoordinatorNotice {
  to: { name: string; address: string }[];
  subject: string;
  text: string;
  link: string;
}

/**
 * Tells the municipality's coordinators of a protocol out for factual review or sent: a link to it, never the
 * document (it may have a secret appendix). A mail that fails is logged; what was done stands all the same.
 */
export async function notifyCoordinators(deps: Deps, notice: CoordinatorNotice, log: FastifyBaseLogger) {
  if (notice.to.length === 0) return;
  const mailer = createMailer(deps.config);
  const link = new URL(notice.link, deps.config.APP_URL).toString();
  try {
    for (const to of notice.to)
      await mailer.send({
        to,
        subject: notice.subject,
        text: [
          `Hej ${to.name},`,
          "",
          notice.text,
          `Du läser det i Uppsikt: ${link}`,
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
