import type { Kysely, Transaction } from 'kysely';
import type { PlatformTables } from '../db/tables.ts';

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
  updated_at: string;
}

export interface NotificationProfilesTable {
  user_id: string;
  language: string;
  updated_at: string;
}

export type NotificationTables = {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_profiles: NotificationProfilesTable;
};

export type NotificationSchema = PlatformTables & NotificationTables;
export type NotificationDb = Kysely<NotificationSchema> | Transaction<NotificationSchema>;

export function notificationDb(db: Kysely<PlatformTables> | Transaction<PlatformTables>): NotificationDb {
  return db.withTables<NotificationTables>();
}
