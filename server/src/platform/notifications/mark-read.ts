import { notFound } from '../errors.ts';
import type { Platform } from '../platform.ts';
import { countUnread, findNotification, markAllRead, markRead } from './notifications.repo.ts';
import { notificationDb } from './tables.ts';

/**
 * Marks one of the user's notifications read (idempotent) and tells the user's other screens the new
 * unread count. A read mark is the user's own inbox state, not a business change: it is not audited.
 */
export async function markNotificationRead(platform: Platform, userId: string, id: string): Promise<number> {
  const db = notificationDb(platform.db);
  if (!(await findNotification(db, userId, id))) throw notFound('notification', id);
  await markRead(db, userId, id, platform.clock.now().toISOString());
  return publishUnread(platform, userId);
}

export async function markAllNotificationsRead(platform: Platform, userId: string): Promise<number> {
  await markAllRead(notificationDb(platform.db), userId, platform.clock.now().toISOString());
  return publishUnread(platform, userId);
}

async function publishUnread(platform: Platform, userId: string): Promise<number> {
  const unread = await countUnread(notificationDb(platform.db), userId);
  platform.bus.publish({ type: 'notification.read', payload: { unread }, audience: { userIds: [userId] } });
  return unread;
}
