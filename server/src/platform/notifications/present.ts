import type { NotificationView } from '@matriz/shared/api/notifications';
import type { NotificationsTable } from './tables.ts';

export function presentNotification(row: NotificationsTable): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    created_at: row.created_at,
    read_at: row.read_at,
  };
}
