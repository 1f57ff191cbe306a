import type { ReminderSettingsBody } from '@matriz/shared/api/bakery';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, writeSetting } from './bakery.repo.ts';
import {
  loadReminderSettings,
  presentReminderSettings,
  REMINDER_SETTINGS_KEY,
  type ReminderSettings,
} from './reminder-settings.ts';
import { loadSettings } from './settings.ts';

/** The admin sets the hour (bakery zone) from which route sellers without today's pedido are reminded. */
export async function saveReminderSettings(platform: Platform, actor: Actor, body: ReminderSettingsBody) {
  const [before, { timezone }] = await Promise.all([loadReminderSettings(platform), loadSettings(platform)]);
  const after: ReminderSettings = { pedidoReminderAt: body.pedido_reminder_at };
  await platform.db.transaction().execute(async (trx) => {
    await writeSetting(bakeryDb(trx), REMINDER_SETTINGS_KEY, after, platform.clock.now().toISOString());
    await platform.audit(trx, actor, {
      entity: 'bakery_settings',
      entityId: REMINDER_SETTINGS_KEY,
      action: 'update',
      before: { pedido_reminder_at: before.pedidoReminderAt },
      after: { pedido_reminder_at: after.pedidoReminderAt },
    });
  });
  return presentReminderSettings(after, timezone);
}
