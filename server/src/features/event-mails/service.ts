import type { EventMailKind } from "@uppsikt/core";
import type { Config } from "../../config.js";
import type { Database, Executor } from "../../db/client.js";
import { type Mailer, createMailer } from "../../platform/mail/mailer.js";
import * as repo from "./repository.js";

/*
 * Mail about events (issue 10.11). The event's service writes one row per recipient in the same transaction as
 * the event (`enqueueEventMails`), so a committed event always has its mails and a rolled-back one has none. The
 * delivery (`deliverEventMails`) claims due rows and sends each once; it runs on the scheduler and is also poked
 * right after a commit (`eventMailsCommitted`) so that the outbox shows the mail at once.
 */

export type { MailRecipient } from "./repository.js";

/** Stands for APP_URL in a stored body; filled in when the mail is sent (services have no configuration). */
export const APP_URL_TOKEN = "{appUrl}";

export interface EventMailDraft {
  subject: string;
  /** Plain text; links as `${APP_URL_TOKEN}/path`. Never confidential content. */
  body: string;
}

export interface EventMailAttachment {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * Writes the mails of one event: one per recipient (duplicates by user removed), none for a user who has turned
 * the kind off. Call inside the event's transaction. Returns the number of mails written.
 */
export async function enqueueEventMails(
  tx: Executor,
  event: {
    kind: EventMailKind;
    entityType: string;
    entityId: string;
    recipients: repo.MailRecipient[];
    mail: (recipient: repo.MailRecipient) => EventMailDraft;
    attachment?: EventMailAttachment | null;
    now: Date;
  },
): Promise<number> {
  const unique = [...new Map(event.recipients.map((r) => [r.id, r])).values()];
  const off = await repo.findTurnedOff(
    tx,
    unique.map((r) => r.id),
    event.kind,
  );
  const recipients = unique.filter((r) => !off.has(r.id) && r.email);
  if (recipients.length === 0) return 0;
  const attachmentId = event.attachment
    ? await repo.insertAttachment(tx, { ...event.attachment, createdAt: event.now })
    : null;
  const rows = await repo.insertMails(
    tx,
    recipients.map((r) => {
      const draft = event.mail(r);
      return {
        kind: event.kind,
        entityType: event.entityType,
        entityId: event.entityId,
        recipientId: r.id,
        toName: r.name,
        toAddress: r.email,
        subject: draft.subject,
        body: draft.body,
        attachmentId,
        createdAt: event.now,
        nextAttemptAt: event.now,
      };
    }),
  );
  return rows.length;
}

/** Those of the recipients who would get a mail of this kind (not turned off, with an address). */
export async function receiving(db: Executor, kind: EventMailKind, recipients: repo.MailRecipient[]) {
  const off = await repo.findTurnedOff(
    db,
    recipients.map((r) => r.id),
    kind,
  );
  return recipients.filter((r) => !off.has(r.id) && r.email);
}

export const findCoordinators = repo.findCoordinators;
export const findResponsibleOfficer = repo.findResponsibleOfficer;
export const findActiveUser = repo.findActiveUser;

let onCommitted: (() => void) | null = null;

/** Fire-and-forget after an event's transaction has committed: the running delivery job (if any) sends now. */
export function eventMailsCommitted(written: number): void {
  if (written > 0) onCommitted?.();
}

/** The job registers itself here (one per process); null unregisters. */
export function onEventMailsCommitted(listener: (() => void) | null): void {
  onCommitted = listener;
}

export interface DeliveryDeps {
  database: Pick<Database, "db">;
  config: Pick<
    Config,
    "APP_URL" | "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD" | "MAIL_FROM" | "DATA_DIR"
  >;
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

const BATCH = 20;
const MAX_ATTEMPTS = 5;
/** A row left "sending" this long (the process stopped mid-send) is claimed again. */
const STALE_MS = 30 * 60_000;

/**
 * Claims and sends due mails in batches until none is left. Safe to run concurrently with itself, in one process or
 * several: each row is claimed by exactly one run. A failed send is tried again later (1, 2, 4, 8 minutes), then
 * given up as failed.
 */
export async function deliverEventMails(
  deps: DeliveryDeps,
  now: () => Date,
  options: { mailer?: Mailer } = {},
): Promise<DeliveryResult> {
  const db = deps.database.db;
  const result: DeliveryResult = { sent: 0, failed: 0 };
  let mailer = options.mailer;
  try {
    for (;;) {
      const at = now();
      const claimed = await repo.claimDue(db, at, new Date(at.getTime() - STALE_MS), BATCH);
      if (claimed.length === 0) break;
      mailer ??= createMailer(deps.config);
      const ids = [...new Set(claimed.flatMap((m) => (m.attachmentId ? [m.attachmentId] : [])))];
      const attachments = new Map((await repo.findAttachments(db, ids)).map((a) => [a.id, a]));
      for (const m of claimed) {
        const file = m.attachmentId ? attachments.get(m.attachmentId) : undefined;
        try {
          await mailer.send({
            to: { name: m.toName, address: m.toAddress },
            subject: m.subject,
            text: m.body.replaceAll(APP_URL_TOKEN, deps.config.APP_URL),
            date: now(),
            attachments: file
              ? [{ filename: file.fileName, content: Buffer.from(file.content), contentType: file.mediaType }]
              : undefined,
          });
          await repo.markSent(db, m.id, now());
          result.sent++;
        } catch (e) {
          result.failed++;
          const retryAt = m.attempts < MAX_ATTEMPTS ? new Date(now().getTime() + 2 ** (m.attempts - 1) * 60_000) : null;
          await repo.markFailed(db, m.id, { error: String((e as Error).message ?? e).slice(0, 500), retryAt });
        }
      }
    }
  } finally {
    if (mailer && !options.mailer) mailer.close();
  }
  return result;
}
