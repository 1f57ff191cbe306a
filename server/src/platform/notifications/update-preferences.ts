import {
  NOTIFICATION_KINDS,
  type NotificationPreference,
  type NotificationPreferences,
} from '@matriz/shared/api/notifications';
import type { Actor } from '../audit/audit.ts';
import type { Platform } from '../platform.ts';
import { listPreferences, profilesFor, upsertPreference, upsertProfile } from './notifications.repo.ts';
import { notificationDb } from './tables.ts';

/** The user's preferences: every known kind (on by default) plus any kind they set before. */
export async function readPreferences(platform: Platform, userId: string): Promise<NotificationPreferences> {
  const db = notificationDb(platform.db);
  const stored = await listPreferences(db, userId);
  const profile = (await profilesFor(db, [userId])).get(userId);
  const byKind = new Map<string, NotificationPreference>();
  for (const kind of NOTIFICATION_KINDS) byKind.set(kind, { kind, in_app: true, email: true });
  for (const row of stored)
    byKind.set(row.kind, { kind: row.kind, in_app: row.in_app === 1, email: row.email === 1 });
  return {
    language: profile?.language === 'en' ? 'en' : 'es',
    kinds: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}

export async function updatePreferences(
  platform: Platform,
  actor: Actor,
  userId: string,
  changes: { language?: 'es' | 'en'; kinds?: NotificationPreference[] },
): Promise<NotificationPreferences> {
  const before = await readPreferences(platform, userId);
  const at = platform.clock.now().toISOString();
  await platform.db.transaction().execute(async (trx) => {
    const db = notificationDb(trx);
    if (changes.language)
      await upsertProfile(db, { user_id: userId, language: changes.language, updated_at: at });
    for (const p of changes.kinds ?? []) {
      await upsertPreference(db, {
        user_id: userId,
        kind: p.kind,
        in_app: p.in_app ? 1 : 0,
        email: p.email ? 1 : 0,
        updated_at: at,
      });
    }
    await platform.audit(trx, actor, {
      entity: 'notification_preferences',
      entityId: userId,
      action: 'update',
      before,
      after: changes,
    });
  });
  return readPreferences(platform, userId);
}
