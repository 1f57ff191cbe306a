import { z } from 'zod';
import { Page } from './common.ts';

/**
 * Kinds of notification the preferences screen lists. A module may notify with any kind matching
 * NotificationKind; add it here to let users switch it off.
 */
export const NOTIFICATION_KINDS = [
  'audit.broken',
  'job.failed',
  'ledger.broken',
  'bakery.reminder',
  'bakery.report',
  'lottery.draw',
] as const;

export const NotificationKind = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_.-]+$/, 'minúsculas, dígitos, punto, guion');

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  created_at: z.string(),
  read_at: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = Page.extend({
  unread: z.enum(['true', 'false']).optional(),
});

export const NotificationList = z.object({
  unread: z.number().int(),
  items: z.array(NotificationView),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** Pushed over the websocket as `{type:'notification', payload}`. */
export const NotificationEvent = z.object({ notification: NotificationView, unread: z.number().int() });
export type NotificationEvent = z.infer<typeof NotificationEvent>;

export const NotificationPreference = z.strictObject({
  kind: NotificationKind,
  in_app: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const NotificationPreferences = z.strictObject({
  language: z.enum(['es', 'en']),
  kinds: z.array(NotificationPreference).max(100),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
export const UpdateNotificationPreferencesBody = z.strictObject({
  language: z.enum(['es', 'en']).optional(),
  kinds: z.array(NotificationPreference).max(100).optional(),
});
