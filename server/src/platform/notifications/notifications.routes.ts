import { IdParams } from '@matriz/shared/api/common';
import { NotificationListQuery, UpdateNotificationPreferencesBody } from '@matriz/shared/api/notifications';
import type { App } from '../http/types.ts';
import type { Platform } from '../platform.ts';
import { markAllNotificationsRead, markNotificationRead } from './mark-read.ts';
import { countUnread, listNotifications } from './notifications.repo.ts';
import { presentNotification } from './present.ts';
import { notificationDb } from './tables.ts';
import { readPreferences, updatePreferences } from './update-preferences.ts';

/** Every signed-in user's own notification centre. */
export function registerNotificationRoutes(app: App, platform: Platform): void {
  const own = { access: 'authenticated' as const };

  app.get(
    '/notifications',
    { config: own, schema: { tags: ['notifications'], querystring: NotificationListQuery } },
    async (request) => {
      const q = request.query;
      const db = notificationDb(platform.db);
      const userId = request.auth!.userId;
      const [{ items, total }, unread] = await Promise.all([
        listNotifications(db, userId, {
          unreadOnly: q.unread === 'true',
          page: q.page,
          pageSize: q.page_size,
        }),
        countUnread(db, userId),
      ]);
      return { unread, items: items.map(presentNotification), total, page: q.page, page_size: q.page_size };
    },
  );

  app.post(
    '/notifications/read-all',
    { config: own, schema: { tags: ['notifications'] } },
    async (request) => ({ unread: await markAllNotificationsRead(platform, request.auth!.userId) }),
  );

  app.post(
    '/notifications/:id/read',
    { config: own, schema: { tags: ['notifications'], params: IdParams } },
    async (request) => ({
      unread: await markNotificationRead(platform, request.auth!.userId, request.params.id),
    }),
  );

  app.get(
    '/notifications/preferences',
    { config: own, schema: { tags: ['notifications'] } },
    async (request) => readPreferences(platform, request.auth!.userId),
  );

  app.put(
    '/notifications/preferences',
    { config: own, schema: { tags: ['notifications'], body: UpdateNotificationPreferencesBody } },
    async (request) => updatePreferences(platform, request.actor, request.auth!.userId, request.body),
  );
}
