import nodemailer from "nodemailer";
import type { Config } from "../../config.js";
import { outboxDir, writeOutboxMessage } from "./outbox.js";

/** A file attached to a message. */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** One outgoing message: plain text, one recipient (recipients never see each other), optional attachments. */
export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** The Date header; from the injected clock. */
  date: Date;
  attachments?: MailAttachment[];
}

export interface Mailer {
  /** `smtp` when SMTP_HOST is set, otherwise `outbox` (.eml files in DATA_DIR/outbox). */
  readonly kind: "smtp" | "outbox";
  send(message: MailMessage): Promise<{ messageId: string; file?: string }>;
  close(): void;
}

type MailSettings = Pick<
  Config,
  "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD" | "MAIL_FROM" | "DATA_DIR"
>;

const envelope = (config: MailSettings, m: MailMessage) => ({
  from: config.MAIL_FROM,
  to: { name: m.to.name, address: m.to.address },
  subject: m.subject,
  text: m.text,
  date: m.date,
  ...(m.attachments?.length
    ? {
        attachments: m.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      }
    : {}),
  headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
});

/**
 * Mail through nodemailer: SMTP when SMTP_HOST is configured; otherwise the RFC 822 text that nodemailer builds
 * is written as an .eml file to DATA_DIR/outbox (listed for admins), so nothing is lost without a mail server.
 */
export function createMailer(config: MailSettings): Mailer {
  if (config.SMTP_HOST) {
    const transport = nodemailer.createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
    return {
      kind: "smtp",
      async send(m) {
        const info = await transport.sendMail(envelope(config, m));
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const dir = outboxDir(config.DATA_DIR);
  return {
    kind: "outbox",
    async send(m) {
      const info = await transport.sendMail(envelope(config, m));
      const raw = info.message;
      if (!Buffer.isBuffer(raw)) throw new Error("nodemailer did not build the message as a buffer");
      const file = await writeOutboxMessage(dir, raw, m.date);
      return { messageId: info.messageId, file };
    },
    close: () => transport.close(),
  };
}
