import type { Permission } from '@matriz/shared/auth/permissions';
import { ROLES } from '@matriz/shared/auth/permissions';
import { countAll } from '../db/sql.ts';
import type {
  NotificationDb,
  NotificationPreferencesTable,
  NotificationProfilesTable,
  NotificationsTable,
} from './tables.ts';

export interface Recipient {
  id: string;
  email: string | null;
}

/** Active users holding a permission through any of their roles. */
export async function recipientsWithPermission(
  db: NotificationDb,
  permission: Permission,
): Promise<Recipient[]> {
  const roles = Object.entries(ROLES)
    .filter(([, permissions]) => (permissions as readonly string[]).includes(permission))
    .map(([name]) => name);
  if (roles.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('active', '=', 1)
    .where('id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', 'in', roles))
    .orderBy('id')
    .execute();
}

export async function activeRecipients(db: NotificationDb, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('active', '=', 1)
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

export async function preferencesFor(
  db: NotificationDb,
  userIds: string[],
  kind: string,
): Promise<Map<string, NotificationPreferencesTable>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('kind', '=', kind)
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

export async function profilesFor(
  db: NotificationDb,
  userIds: string[],
): Promise<Map<string, NotificationProfilesTable>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_profiles')
    .selectAll()
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

export async function insertNotifications(db: NotificationDb, rows: NotificationsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('notifications').values(rows).execute();
}

export async function countUnread(db: NotificationDb, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(
  db: NotificationDb,
  userId: string,
  filter: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ items: NotificationsTable[]; total: number }> {
  let query = db.selectFrom('notifications').where('user_id', '=', userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  const total = await query.select(countAll().as('n')).executeTakeFirstOrThrow();
  const items = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

export async function findNotification(
  db: NotificationDb,
  userId: string,
  id: string,
): Promise<NotificationsTable | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function markRead(db: NotificationDb, userId: string, id: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markAllRead(db: NotificationDb, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listPreferences(
  db: NotificationDb,
  userId: string,
): Promise<NotificationPreferencesTable[]> {
  return db
    .selectFrom('notification_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('kind')
    .execute();
}

export async function upsertPreference(db: NotificationDb, row: NotificationPreferencesTable): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'kind'])
        .doUpdateSet({ in_app: row.in_app, email: row.email, updated_at: row.updated_at }),
    )
    .execute();
}

export async function upsertProfile(db: NotificationDb, row: NotificationProfilesTable): Promise<void> {
  await db
    .insertInto('notification_profiles')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ language: row.language, updated_at: row.updated_at }),
    )
    .execute();
}
