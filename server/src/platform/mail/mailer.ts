import nodemailer, { type Transporter } from 'nodemailer';
import type { Platform } from '../platform.ts';

/** Where e-mail goes: an SMTP server (`SMTP_URL`), or, when unset, `.eml` files in `<dataDir>/outbox/`. */
export interface MailSettings {
  smtpUrl: string | null;
  from: string;
}

export const DEFAULT_FROM = 'Matriz <no-reply@matriz.local>';

export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings {
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    from: env.MATRIZ_MAIL_FROM?.trim() || DEFAULT_FROM,
  };
}

const overrides = new WeakMap<Platform, MailSettings>();
const transports = new WeakMap<Platform, { url: string; transport: Transporter }>();

/** Sets the mail settings of one platform instance (tests; or a caller that holds its own config). */
export function configureMail(platform: Platform, settings: MailSettings): void {
  overrides.set(platform, settings);
  const cached = transports.get(platform);
  if (cached && cached.url !== settings.smtpUrl) {
    cached.transport.close();
    transports.delete(platform);
  }
}

export function mailSettingsOf(platform: Platform): MailSettings {
  const settings =
    overrides.get(platform) ??
    (platform.config as unknown as { mail?: MailSettings }).mail ??
    mailSettingsFromEnv();
  return settings;
}

/** One pooled SMTP transport per platform instance and URL. */
export function smtpTransport(platform: Platform, url: string): Transporter {
  const cached = transports.get(platform);
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
  const transport = nodemailer.createTransport(url);
  transports.set(platform, { url, transport });
  return transport;
}

export function closeMail(platform: Platform): void {
  transports.get(platform)?.transport.close();
  transports.delete(platform);
}

/** Renders the message to RFC 822 bytes without sending it (for the outbox). */
export const fileTransport = nodemailer.createTransport({
  streamTransport: true,
  buffer: true,
  newline: 'unix',
});
