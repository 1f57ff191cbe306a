import { NotificationKind } from '@matriz/shared/api/notifications';
import type { Permission } from '@matriz/shared/auth/permissions';
import { type Language, translate } from '@matriz/shared/i18n/translate';
import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';
import { newId } from '../ids.ts';
import { type MailAttachment, sendMail } from '../mail/send-mail.ts';
import { renderMail } from '../mail/templates.ts';
import type { Platform } from '../platform.ts';
import {
  activeRecipients,
  countUnread,
  insertNotifications,
  preferencesFor,
  profilesFor,
  type Recipient,
  recipientsWithPermission,
} from './notifications.repo.ts';
import { presentNotification } from './present.ts';
import { type NotificationsTable, notificationDb } from './tables.ts';

/** A text given as is, or as an i18n key rendered in each recipient's language. */
export type NotificationText = string | { key: string; values?: Record<string, unknown> };

export interface NotifyInput {
  /** Explicit recipients, and/or every active user holding `permission`. */
  userIds?: string[];
  permission?: Permission;
  kind: string;
  title: NotificationText;
  body: NotificationText;
  /** A path in the web app, e.g. `/admin/jobs`. */
  link?: string | null;
  /** Also e-mail it (to users with an address who did not switch e-mail off for this kind). */
  email?: boolean | { attachments?: MailAttachment[] };
}

export interface NotificationDelivery {
  notifications: NotificationsTable[];
  emails: { userId: string; to: string; language: Language }[];
  /** Pushes the notifications over the websocket and sends the e-mails; call AFTER the commit. */
  deliver(): Promise<void>;
}

const render = (language: Language, text: NotificationText): string =>
  typeof text === 'string' ? text : translate(language, text.key, text.values);

/**
 * Records notifications inside the caller's transaction (so they commit with the change that caused
 * them) and returns what to deliver once committed:
 *   const delivery = await db.transaction().execute((trx) => notify(platform, trx, {...}));
 *   await delivery.deliver();
 * Each user's preferences decide the channels (in-app, e-mail); both are on unless switched off.
 */
export async function notify(
  platform: Platform,
  trx: Transaction<PlatformTables> | Kysely<PlatformTables>,
  input: NotifyInput,
): Promise<NotificationDelivery> {
  const kind = NotificationKind.parse(input.kind);
  const db = notificationDb(trx);
  const recipients = new Map<string, Recipient>();
  for (const r of await activeRecipients(db, [...new Set(input.userIds ?? [])])) recipients.set(r.id, r);
  if (input.permission) {
    for (const r of await recipientsWithPermission(db, input.permission)) recipients.set(r.id, r);
  }
  const ids = [...recipients.keys()];
  const [preferences, profiles] = await Promise.all([preferencesFor(db, ids, kind), profilesFor(db, ids)]);
  const now = platform.clock.now().toISOString();
  const rows: NotificationsTable[] = [];
  const emails: NotificationDelivery['emails'] = [];
  const texts = new Map<string, { language: Language; title: string; body: string }>();
  for (const recipient of recipients.values()) {
    const preference = preferences.get(recipient.id);
    const language: Language = profiles.get(recipient.id)?.language === 'en' ? 'en' : 'es';
    const title = render(language, input.title).slice(0, 200);
    const body = render(language, input.body).slice(0, 4000);
    texts.set(recipient.id, { language, title, body });
    if (!preference || preference.in_app === 1) {
      rows.push({
        id: newId(),
        user_id: recipient.id,
        kind,
        title,
        body,
        link: input.link ?? null,
        created_at: now,
        read_at: null,
      });
    }
    if (input.email && recipient.email && (!preference || preference.email === 1)) {
      emails.push({ userId: recipient.id, to: recipient.email, language });
    }
  }
  await insertNotifications(db, rows);

  const attachments = typeof input.email === 'object' ? input.email.attachments : undefined;
  return {
    notifications: rows,
    emails,
    async deliver() {
      for (const row of rows) {
        const unread = await countUnread(notificationDb(platform.db), row.user_id);
        platform.bus.publish({
          type: 'notification',
          payload: { notification: presentNotification(row), unread },
          audience: { userIds: [row.user_id] },
        });
      }
      for (const email of emails) {
        const text = texts.get(email.userId)!;
        const mail = renderMail(
          email.language,
          'notification',
          { title: text.title, body: text.body },
          {
            link: input.link ?? null,
          },
        );
        try {
          await sendMail(platform, { to: email.to, ...mail, attachments }, { fallbackToOutbox: true });
        } catch (error) {
          // The in-app notification is already committed; a mail that cannot even be filed is only logged.
          console.error('notification e-mail failed', { to: email.to, kind, error });
        }
      }
    },
  };
}

/** notify() in its own transaction, delivered right after the commit. */
export async function notifyNow(platform: Platform, input: NotifyInput): Promise<NotificationDelivery> {
  const delivery = await platform.db.transaction().execute((trx) => notify(platform, trx, input));
  await delivery.deliver();
  return delivery;
}
