import { TimeOfDay } from '@matriz/shared/api/bakery';
import type { Platform } from '../../platform/platform.ts';
import { bakeryDb, readSetting } from './bakery.repo.ts';
import { loadSettings } from './settings.ts';

/** The automatic messages part of the bakery settings (stored under the `reminders` key). */
export interface ReminderSettings {
  /** Local time (bakery zone, HH:MM) from which sellers without today's pedido are reminded. */
  pedidoReminderAt: string;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { pedidoReminderAt: '10:00' };

export const REMINDER_SETTINGS_KEY = 'reminders';

export async function loadReminderSettings(platform: Platform): Promise<ReminderSettings> {
  const stored = await readSetting<Partial<ReminderSettings>>(bakeryDb(platform.db), REMINDER_SETTINGS_KEY);
  const at = stored?.pedidoReminderAt;
  return {
    pedidoReminderAt: TimeOfDay.safeParse(at).success
      ? (at as string)
      : DEFAULT_REMINDER_SETTINGS.pedidoReminderAt,
  };
}

/** The API view; the zone is read-only here and says in which clock the hour is read. */
export function presentReminderSettings(settings: ReminderSettings, timezone: string) {
  return { pedido_reminder_at: settings.pedidoReminderAt, timezone };
}

export async function viewReminderSettings(platform: Platform) {
  const [settings, { timezone }] = await Promise.all([
    loadReminderSettings(platform),
    loadSettings(platform),
  ]);
  return presentReminderSettings(settings, timezone);
}
