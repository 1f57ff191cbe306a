import type { Attachment } from 'nodemailer/lib/mailer/index.js';
import { newId } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { fileTransport, mailSettingsOf, smtpTransport } from './mailer.ts';
import { writeOutboxFile } from './outbox.ts';

export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType?: string;
}

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  cc?: string | string[];
  replyTo?: string;
}

export interface MailReceipt {
  delivery: 'smtp' | 'outbox';
  messageId: string;
  /** The outbox file name when written there. */
  file: string | null;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Sends an e-mail through SMTP when `SMTP_URL` is configured; otherwise writes it to the outbox
 * folder so nothing is lost. An SMTP failure throws (a job retries); pass `fallbackToOutbox` to keep
 * the message in the outbox instead.
 */
export async function sendMail(
  platform: Platform,
  message: MailMessage,
  options: { fallbackToOutbox?: boolean } = {},
): Promise<MailReceipt> {
  const settings = mailSettingsOf(platform);
  const mail = {
    from: settings.from,
    to: message.to,
    cc: message.cc,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    date: platform.clock.now(),
    attachments: message.attachments?.map(
      (a): Attachment => ({ filename: a.filename, content: a.content, contentType: a.contentType }),
    ),
  };
  if (settings.smtpUrl) {
    try {
      const info = await smtpTransport(platform, settings.smtpUrl).sendMail(mail);
      return { delivery: 'smtp', messageId: String(info.messageId), file: null };
    } catch (error) {
      if (!options.fallbackToOutbox) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      return writeToOutbox(platform, { ...mail, headers: { 'X-Matriz-Smtp-Error': reason.slice(0, 300) } });
    }
  }
  return writeToOutbox(platform, mail);
}

async function writeToOutbox(
  platform: Platform,
  mail: Parameters<typeof fileTransport.sendMail>[0],
): Promise<MailReceipt> {
  const info = (await fileTransport.sendMail(mail)) as { messageId: string; message: Buffer };
  const file = `${stamp(platform.clock.now())}_${newId()}.eml`;
  await writeOutboxFile(platform.config.dataDir, file, info.message);
  return { delivery: 'outbox', messageId: String(info.messageId), file };
}
